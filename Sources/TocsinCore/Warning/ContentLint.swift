import Foundation

/// Checks a warning's text against its own fields before review: level word, regions, signature,
/// validity, length, hazard name, empty fields. Returns findings, most severe first; changes nothing.
public struct ContentLint: Sendable {
    public var configuration: SMSConfiguration

    public init(configuration: SMSConfiguration = SMSConfiguration()) {
        self.configuration = configuration
    }

    /// All findings for `warning`. With `now`, also reports a warning that has already expired.
    public func check(_ warning: Warning, hazards: HazardCatalogue, regions: RegionCatalogue, now: Date? = nil) -> [LintFinding] {
        var out: [LintFinding] = []
        let texts = [("headline", warning.headline), ("sms_text", warning.smsText)]
            .filter { !$0.1.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if warning.headline.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            out.append(.init(.headlineEmpty, .error, field: "headline", zh: "标题为空", en: "The headline is empty"))
        }
        if warning.smsText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            out.append(.init(.smsTextEmpty, .error, field: "sms_text", zh: "短信内容为空", en: "The SMS text is empty"))
        }
        out += levelFindings(warning, texts)
        out += hazardFindings(warning, texts, hazards)
        out += RegionMentions(regions: regions).findings(warning, texts.map(\.1).joined(separator: "\n"))
        out += signatureFindings(warning)
        out += validityFindings(warning, now)
        let preview = SMSPreview(warning: warning, configuration: configuration)
        if preview.maxSegmentCount > configuration.maxSegments {
            out.append(.init(.tooManySegments, .error, field: "sms_text",
                             zh: "短信共\(preview.length)字，需\(preview.maxSegmentCount)条，超过上限\(configuration.maxSegments)条，请精简",
                             en: "The SMS has \(preview.length) characters in \(preview.maxSegmentCount) segments, more than the limit of \(configuration.maxSegments); shorten it"))
        }
        return out.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
    }

    func levelFindings(_ w: Warning, _ texts: [(String, String)]) -> [LintFinding] {
        var out: [LintFinding] = []
        let word = w.level.colourZH
        for (field, text) in texts {
            if !text.contains(word) {
                out.append(.init(.levelWordMissing, .error, field: field,
                                 zh: "\(fieldZH(field))未写明预警级别“\(word)”",
                                 en: "The \(fieldEN(field)) does not state the level \(w.level.rawValue) (\(word))"))
            }
            let others = WarningLevel.allCases.filter { $0 != w.level && text.contains($0.colourZH) }
            if !others.isEmpty {
                // An update or a lifting may name the previous level ("由黄色升级为橙色").
                let severity: LintFinding.Severity = w.msgType == .alert ? .error : .warning
                out.append(.init(.levelWordConflict, severity, field: field,
                                 zh: "\(fieldZH(field))出现与级别“\(word)”不一致的颜色：\(others.map(\.colourZH).joined(separator: "、"))",
                                 en: "The \(fieldEN(field)) names \(others.map(\.rawValue).joined(separator: ", ")) but the level is \(w.level.rawValue)"))
            }
        }
        return out
    }

    func hazardFindings(_ w: Warning, _ texts: [(String, String)], _ hazards: HazardCatalogue) -> [LintFinding] {
        guard let hazard = hazards.byCode[w.hazardCode] else {
            return [.init(.unknownHazard, .error, field: "hazard", zh: "灾种代码\(w.hazardCode)不在灾种目录中",
                          en: "Hazard code \(w.hazardCode) is not in the hazard catalogue")]
        }
        return texts.filter { !$0.1.contains(hazard.nameZH) }.map { field, _ in
            .init(.hazardNameMissing, .warning, field: field, zh: "\(fieldZH(field))未提及灾种“\(hazard.nameZH)”",
                  en: "The \(fieldEN(field)) does not name the hazard \(hazard.nameZH) (\(hazard.code))")
        }
    }

    func signatureFindings(_ w: Warning) -> [LintFinding] {
        let sig = w.signature.trimmingCharacters(in: .whitespaces)
        guard !sig.isEmpty else {
            return [.init(.signatureMissing, .error, field: "signature", zh: "缺少短信签名（如【北京市预警信息发布中心】）",
                          en: "The SMS signature is missing (e.g. 【北京市预警信息发布中心】)")]
        }
        var out: [LintFinding] = []
        if !(sig.hasPrefix("【") && sig.hasSuffix("】") && sig.count > 2) {
            out.append(.init(.signatureMalformed, .warning, field: "signature", zh: "签名“\(sig)”应写成【单位名称】",
                             en: "The signature \(sig) should be written as 【organisation】"))
        }
        if w.smsText.contains(sig) {
            out.append(.init(.signatureDuplicated, .warning, field: "sms_text", zh: "短信内容已含签名，发送时会重复",
                             en: "The SMS text already contains the signature; it would appear twice"))
        }
        return out
    }

    func validityFindings(_ w: Warning, _ now: Date?) -> [LintFinding] {
        if w.expires <= w.effective {
            return [.init(.expiryNotAfterEffective, .error, field: "validity", zh: "失效时间应晚于生效时间",
                          en: "The expiry time must be after the effective time")]
        }
        if let now, w.expires <= now {
            return [.init(.alreadyExpired, .error, field: "validity", zh: "预警已过失效时间", en: "The warning has already expired")]
        }
        return []
    }
}

private func fieldZH(_ field: String) -> String { field == "headline" ? "标题" : "短信内容" }
private func fieldEN(_ field: String) -> String { field == "headline" ? "headline" : "SMS text" }

/// Which catalogue regions a text names, compared with the regions a warning targets.
struct RegionMentions {
    let regions: RegionCatalogue

    /// Names a region goes by in warning text: "朝阳区" and "朝阳".
    func names(of region: Region) -> [String] {
        var names = [region.nameZH]
        if region.nameZH.count > 2, region.nameZH.hasSuffix("区") || region.nameZH.hasSuffix("县") {
            names.append(String(region.nameZH.dropLast()))
        }
        return names
    }

    func ancestors(of code: String) -> Set<String> {
        var result: Set<String> = []
        var current = regions.byCode[code]?.parentCode
        while let c = current, !result.contains(c) {
            result.insert(c)
            current = regions.byCode[c]?.parentCode
        }
        return result
    }

    /// Lint findings for `text` (headline and SMS text, signature and issuer taken out so that
    /// "北京市气象台" does not count as naming 北京市).
    func findings(_ w: Warning, _ rawText: String) -> [LintFinding] {
        var text = rawText
        for own in [w.signature, w.issuer] where !own.isEmpty {
            text = text.replacingOccurrences(of: own, with: "\n")
        }
        let mentioned = Set(regions.all.filter { r in names(of: r).contains { text.contains($0) } }.map(\.code))
        let targets = Set(w.regionCodes)
        var allowed = targets
        for t in targets { allowed.formUnion(regions.descendants(of: t)); allowed.formUnion(ancestors(of: t)) }

        var out: [LintFinding] = []
        let stray = regions.all.filter { mentioned.contains($0.code) && !allowed.contains($0.code) }.map(\.nameZH)
        if !stray.isEmpty {
            out.append(.init(.regionNotTargeted, .warning, field: "sms_text",
                             zh: "内容提到未选中的区域：\(stray.joined(separator: "、"))",
                             en: "The text names regions that are not targeted: \(stray.joined(separator: ", "))"))
        }
        let missing = w.regionCodes.compactMap { regions.byCode[$0] }.filter { r in
            let covered = regions.descendants(of: r.code)
            let isRoot = r.parentCode == nil
            return mentioned.isDisjoint(with: covered) && !(isRoot && text.contains("全市"))
        }.map(\.nameZH)
        if !missing.isEmpty {
            out.append(.init(.regionNotMentioned, .warning, field: "sms_text",
                             zh: "内容未提到选中的区域：\(missing.joined(separator: "、"))",
                             en: "The text does not name these targeted regions: \(missing.joined(separator: ", "))"))
        }
        return out
    }
}

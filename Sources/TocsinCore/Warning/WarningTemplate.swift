import Foundation

/// The text of a warning for one hazard × level, with `{variable}` placeholders (`TemplateText`).
public struct WarningTemplate: Sendable, Hashable, Codable {
    public var hazardCode: String
    public var level: WarningLevel
    public var headline: String
    public var smsText: String
    public var body: String

    public init(hazardCode: String, level: WarningLevel, headline: String, smsText: String, body: String) {
        self.hazardCode = hazardCode
        self.level = level
        self.headline = headline
        self.smsText = smsText
        self.body = body
    }

    /// Checks, when a template is saved, that it is well formed and uses only `known` variables
    /// (default: `TemplateVariables.standardNames`). Throws `.malformedTemplate` or
    /// `.unknownTemplateVariable` naming the field.
    public func check(known: Set<String> = Set(TemplateVariables.standardNames)) throws(DomainError) {
        for (field, text) in [("headline", headline), ("SMS text", smsText), ("body", body)] {
            let unknown: [String]
            do { unknown = try TemplateText.variables(in: text).filter { !known.contains($0) } } catch {
                throw DomainError(error.code, "\(field): \(error.message)")
            }
            guard unknown.isEmpty else {
                throw DomainError(.unknownTemplateVariable, "\(field): unknown template variable \(unknown.map { "{\($0)}" }.joined(separator: ", ")); known: \(known.sorted().map { "{\($0)}" }.joined(separator: ", "))")
            }
        }
    }

    /// Fills in the variables. Throws `.unknownTemplateVariable` (with the field) when a
    /// placeholder has no value, `.malformedTemplate` for broken braces.
    public func render(_ variables: TemplateVariables) throws(DomainError) -> RenderedWarningText {
        func one(_ field: String, _ text: String) throws(DomainError) -> String {
            do { return try TemplateText.render(text, values: variables.values) } catch {
                throw DomainError(error.code, "\(field): \(error.message)")
            }
        }
        return RenderedWarningText(headline: try one("headline", headline), smsText: try one("SMS text", smsText), body: try one("body", body))
    }
}

/// A rendered template: ready to put into a draft warning.
public struct RenderedWarningText: Sendable, Hashable {
    public var headline: String
    public var smsText: String
    public var body: String
}

/// The values for a template's placeholders.
public struct TemplateVariables: Sendable, Hashable {
    /// The variables `init(hazard:…)` provides: {region} {time} {issuer} {hazard} {level} {roman}
    /// {severity} {effective} {expires} {criterion} {advice} {guidance}.
    public static let standardNames = ["region", "time", "issuer", "hazard", "level", "roman", "severity",
                                       "effective", "expires", "criterion", "advice", "guidance"]

    public var values: [String: String]

    public init(values: [String: String]) { self.values = values }

    /// The standard variables of a warning. Times are Beijing time ("7月30日14时05分");
    /// regions are joined with "、". Without guidance, {criterion}, {advice} and {guidance} are
    /// absent, and a template using them fails to render with a clear error. `extra` adds or
    /// overrides variables.
    public init(hazard: HazardType, level: WarningLevel, regionNames: [String], issuer: String, time: Date,
                effective: Date, expires: Date, guidance: DefenceGuidance?, extra: [String: String] = [:]) {
        var v: [String: String] = [
            "region": regionNames.joined(separator: "、"),
            "time": Self.chineseTime(time),
            "issuer": issuer,
            "hazard": hazard.nameZH,
            "level": level.colourZH,
            "roman": level.roman,
            "severity": level.severityZH,
            "effective": Self.chineseTime(effective),
            "expires": Self.chineseTime(expires),
        ]
        if let guidance {
            v["criterion"] = guidance.criterion
            v["advice"] = guidance.advice
            v["guidance"] = guidance.text
        }
        values = v.merging(extra) { _, new in new }
    }

    /// "7月30日14时05分" (Beijing time); "7月30日14时" on the hour.
    public static func chineseTime(_ instant: Date) -> String {
        let c = WarningIdentifier.calendar.dateComponents([.month, .day, .hour, .minute], from: instant)
        let minute = c.minute ?? 0
        return "\(c.month ?? 0)月\(c.day ?? 0)日\(c.hour ?? 0)时" + (minute == 0 ? "" : String(format: "%02d分", minute))
    }
}

/// Templates per hazard × level.
public struct WarningTemplateLibrary: Sendable {
    public private(set) var templates: [GuidanceLibrary.Key: WarningTemplate]

    public init(_ templates: [WarningTemplate]) {
        self.templates = Dictionary(templates.map { (GuidanceLibrary.Key($0.hazardCode, $0.level), $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The template for a hazard at a level, nil when there is none.
    public func template(for hazardCode: String, level: WarningLevel) -> WarningTemplate? {
        templates[GuidanceLibrary.Key(hazardCode.uppercased(), level)]
    }

    /// One standard template for every hazard × level the guidance covers:
    /// SMS "{issuer}{time}发布{hazard}{level}预警信号：预计{region}{criterion}。{advice}",
    /// headline "{issuer}发布{hazard}{level}预警信号", and a body with the full 防御指南.
    public static func standard(guidance: GuidanceLibrary = .standard) -> WarningTemplateLibrary {
        WarningTemplateLibrary(guidance.entries.keys.map { key in
            WarningTemplate(
                hazardCode: key.hazardCode, level: key.level,
                headline: "{issuer}发布{hazard}{level}预警信号",
                smsText: "{issuer}{time}发布{hazard}{level}预警信号：预计{region}{criterion}。{advice}",
                body: "{issuer}{time}发布{hazard}{level}预警信号[{roman}级/{severity}]：预计{region}{criterion}。有效期{effective}至{expires}。\n防御指南：{guidance}")
        })
    }
}

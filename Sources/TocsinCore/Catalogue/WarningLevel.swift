/// The four warning levels of the Emergency Response Law (Art. 42): I red (highest) … IV blue.
public enum WarningLevel: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case red, orange, yellow, blue

    /// 1 (red, most severe) … 4 (blue).
    public var rank: Int {
        switch self { case .red: 1; case .orange: 2; case .yellow: 3; case .blue: 4 }
    }
    public var roman: String {
        switch self { case .red: "Ⅰ"; case .orange: "Ⅱ"; case .yellow: "Ⅲ"; case .blue: "Ⅳ" }
    }
    /// 红色 / 橙色 / 黄色 / 蓝色 — the word a warning text must use.
    public var colourZH: String {
        switch self { case .red: "红色"; case .orange: "橙色"; case .yellow: "黄色"; case .blue: "蓝色" }
    }
    /// 特别严重 / 严重 / 较重 / 一般.
    public var severityZH: String {
        switch self { case .red: "特别严重"; case .orange: "严重"; case .yellow: "较重"; case .blue: "一般" }
    }

    public init?(rank: Int) {
        guard let level = Self.allCases.first(where: { $0.rank == rank }) else { return nil }
        self = level
    }

    /// Parses "red", "红", "红色", "I", "Ⅰ", "1".
    public init?(token: String) {
        let raw = token.trimmingCharacters(in: .whitespaces)
        let t = raw.lowercased() // note: lowercasing turns Ⅱ into ⅱ, so the Roman numeral is compared untouched
        for level in Self.allCases {
            if raw == level.roman || [level.rawValue, level.colourZH, String(level.colourZH.prefix(1)), "\(level.rank)",
                ["i", "ii", "iii", "iv"][level.rank - 1]].contains(t) {
                self = level
                return
            }
        }
        return nil
    }

    /// More severe sorts first.
    public static func < (a: WarningLevel, b: WarningLevel) -> Bool { a.rank < b.rank }

    /// True when this level is at least as severe as `threshold` (red ≥ orange ≥ …).
    public func isAtLeast(_ threshold: WarningLevel) -> Bool { rank <= threshold.rank }
}

/// The four event categories (自然灾害、事故灾难、公共卫生事件、社会安全事件), GB/T 35561 top level.
public enum EventCategory: String, Sendable, Hashable, CaseIterable, Codable {
    case natural, accident, publicHealth = "public_health", socialSecurity = "social_security"

    public var nameZH: String {
        switch self {
        case .natural: "自然灾害"
        case .accident: "事故灾难"
        case .publicHealth: "公共卫生事件"
        case .socialSecurity: "社会安全事件"
        }
    }
    /// The GB/T 35561 leading digits: 11, 12, 13, 14.
    public var codePrefix: String {
        switch self { case .natural: "11"; case .accident: "12"; case .publicHealth: "13"; case .socialSecurity: "14" }
    }
}

/// One thing content lint noticed. Lint reports; it never changes the text.
public struct LintFinding: Sendable, Hashable {
    /// A stable code (open set, like carrier status codes).
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let headlineEmpty = Code(rawValue: "headline_empty")
        public static let smsTextEmpty = Code(rawValue: "sms_text_empty")
        public static let levelWordMissing = Code(rawValue: "level_word_missing")
        public static let levelWordConflict = Code(rawValue: "level_word_conflict")
        public static let regionNotTargeted = Code(rawValue: "region_not_targeted")
        public static let regionNotMentioned = Code(rawValue: "region_not_mentioned")
        public static let signatureMissing = Code(rawValue: "signature_missing")
        public static let signatureMalformed = Code(rawValue: "signature_malformed")
        public static let signatureDuplicated = Code(rawValue: "signature_duplicated")
        public static let expiryNotAfterEffective = Code(rawValue: "expiry_not_after_effective")
        public static let alreadyExpired = Code(rawValue: "already_expired")
        public static let tooManySegments = Code(rawValue: "too_many_segments")
        public static let hazardNameMissing = Code(rawValue: "hazard_name_missing")
        public static let unknownHazard = Code(rawValue: "unknown_hazard")
    }

    /// `error`: fix before submitting; `warning`: a reviewer should look; `info`: for the record.
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case error, warning, info
        private var rank: Int { switch self { case .error: 0; case .warning: 1; case .info: 2 } }
        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    }

    public var code: Code
    public var severity: Severity
    /// "headline", "sms_text", "signature", "validity" or "hazard".
    public var field: String
    public var messageZH: String
    public var messageEN: String

    public init(_ code: Code, _ severity: Severity, field: String, zh: String, en: String) {
        self.code = code
        self.severity = severity
        self.field = field
        self.messageZH = zh
        self.messageEN = en
    }
}

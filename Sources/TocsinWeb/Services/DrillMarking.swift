import TocsinCore

/// Drills and tests go through the same workflow as real warnings; dispatch sends them to test
/// links only. Their text must also say what they are (演练 / 测试), so that a message that does
/// reach a person — a test handset, a forwarded screenshot — is never taken for a real warning.
enum DrillMarking {
    /// The word a drill or test must carry; nil for a real warning.
    static func marker(for mode: WarningMode) -> String? {
        switch mode {
        case .actual: nil
        case .drill: "演练"
        case .test: "测试"
        }
    }

    /// Throws `.drillNotMarked` when a drill or test's SMS text does not carry its word.
    static func check(_ warning: Warning) throws(DomainError) {
        guard let word = marker(for: warning.mode), !warning.smsText.contains(word) else { return }
        throw DomainError(.drillNotMarked, "warning \(warning.id) is a \(warning.mode.rawValue) but its SMS text does not say \(word); add 【\(word)】 so no recipient takes it for a real warning")
    }
}

extension DomainError.Code {
    /// A drill or test whose SMS text does not say 演练 / 测试.
    public static let drillNotMarked = Self(rawValue: "drill_not_marked")
}

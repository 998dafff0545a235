import Hummingbird

/// The console's languages: Simplified Chinese by default, English on request (the `lang` cookie,
/// set by the language link in the header). Every label comes from one table per language.
public enum ConsoleLanguage: String, Sendable, CaseIterable {
    case zh = "zh-CN"
    case en

    /// The cookie that remembers the choice.
    static let cookieName = "lang"

    /// The language of a request: the `lang` cookie when it names one, else Chinese.
    static func of(_ request: Request) -> ConsoleLanguage {
        request.cookies[cookieName].flatMap { ConsoleLanguage(rawValue: $0.value) } ?? .zh
    }

    /// The label table.
    var strings: [String: String] {
        switch self {
        case .zh: ConsoleStrings.zh
        case .en: ConsoleStrings.en
        }
    }

    /// One label; the key itself when missing (a test keeps both tables complete).
    func t(_ key: String) -> String { strings[key] ?? key }

    /// The other language, for the switch link.
    var other: ConsoleLanguage { self == .zh ? .en : .zh }

    /// How the switch link names this language (in the language itself).
    var selfName: String { self == .zh ? "中文" : "English" }
}

/// The label tables. `zh` and `en` have the same keys (checked by a test).
enum ConsoleStrings {}

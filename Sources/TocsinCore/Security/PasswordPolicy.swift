import Foundation

/// The password rules. Defaults follow the contracts (REQUIREMENTS.md A: ≥ 18 characters with
/// upper and lower case letters, digits and symbols, changed at least every 30 days) and GB/T
/// 22239-2019 §8.1.4.1 a) (complexity, periodic change). NIST SP 800-63B-4 and OWASP ASVS 4.0.3
/// V2.1.9/V2.1.10 advise against composition rules and rotation; the contract governs, so the
/// rules are configurable (see docs/security.md).
public struct PasswordPolicy: Sendable, Hashable, Codable {
    /// Minimum length in characters (contract: 18).
    public var minimumLength = 18
    /// Longest password accepted (ASVS V2.1.2: allow ≥ 64, deny > 128).
    public var maximumLength = 128
    public var requireUppercase = true
    public var requireLowercase = true
    public var requireDigit = true
    /// Any printable ASCII character that is not a letter, digit or space, or any non-ASCII
    /// punctuation or symbol.
    public var requireSymbol = true
    /// A password older than this must be changed before anything else (contract: 30 days).
    /// `nil` disables expiry.
    public var maximumAge: Duration? = .seconds(30 * 24 * 3600)
    /// A new password may not equal any of the last N (including the current one).
    public var historyCount = 5

    public init() {}

    /// Every rule `password` breaks, as sentences a person can act on (empty when it complies).
    /// Also refuses a password that contains the user name.
    public func violations(of password: String, userName: String = "") -> [String] {
        var problems: [String] = []
        let count = password.count
        if count < minimumLength { problems.append("use at least \(minimumLength) characters (this one has \(count))") }
        if count > maximumLength { problems.append("use at most \(maximumLength) characters") }
        let scalars = password.unicodeScalars
        if requireUppercase && !scalars.contains(where: { CharacterSet.uppercaseLetters.contains($0) }) {
            problems.append("add an upper-case letter (A–Z)")
        }
        if requireLowercase && !scalars.contains(where: { CharacterSet.lowercaseLetters.contains($0) }) {
            problems.append("add a lower-case letter (a–z)")
        }
        if requireDigit && !scalars.contains(where: { ("0"..."9").contains($0) }) {
            problems.append("add a digit (0–9)")
        }
        if requireSymbol && !scalars.contains(where: Self.isSymbol) {
            problems.append("add a symbol such as ! # % & * + - = ? @ _")
        }
        let name = userName.lowercased()
        if name.count >= 3 && password.lowercased().contains(name) {
            problems.append("do not include the user name")
        }
        return problems
    }

    /// Throws `.passwordPolicy` listing every broken rule.
    public func check(_ password: String, userName: String = "") throws(SecurityError) {
        let problems = violations(of: password, userName: userName)
        guard problems.isEmpty else {
            throw SecurityError(.passwordPolicy, "the password does not meet the policy: " + problems.joined(separator: "; "))
        }
    }

    /// True when a password set at `changedAt` must be changed at `now`.
    public func isExpired(changedAt: Date, now: Date) -> Bool {
        guard let maximumAge else { return false }
        return now.timeIntervalSince(changedAt) >= Double(maximumAge.components.seconds)
    }

    static func isSymbol(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s.value > 0x20 && s.value < 0x7F && !CharacterSet.alphanumerics.contains(s) }
        return CharacterSet.punctuationCharacters.contains(s) || CharacterSet.symbols.contains(s)
    }
}

/// Failed-login handling (GB/T 22239-2019 §8.1.4.1 b): after `maximumFailures` consecutive failures
/// the account is locked for `coolDown`; a success resets the count. ASVS V2.2.1 allows at most
/// 100 failures per hour; the defaults allow 5 per 15 minutes.
public struct LockoutPolicy: Sendable, Hashable, Codable {
    public var maximumFailures = 5
    public var coolDown: Duration = .seconds(15 * 60)
    public init() {}

    /// The login counters of one account.
    public struct State: Sendable, Hashable, Codable {
        public var failures: Int
        public var lockedUntil: Date?
        public init(failures: Int = 0, lockedUntil: Date? = nil) {
            self.failures = failures
            self.lockedUntil = lockedUntil
        }
    }

    /// True while a lockout is running.
    public func isLocked(_ state: State, now: Date) -> Bool {
        guard let until = state.lockedUntil else { return false }
        return now < until
    }

    /// The state after one more failure at `now`. A lockout that has run out starts a new count;
    /// reaching the limit starts a cool-down (and returns `locked: true` once, to be audited).
    public func afterFailure(_ state: State, now: Date) -> (state: State, lockedNow: Bool) {
        var failures = state.failures
        if let until = state.lockedUntil, now >= until { failures = 0 }
        failures += 1
        if failures >= maximumFailures {
            return (State(failures: failures, lockedUntil: now.addingTimeInterval(Double(coolDown.components.seconds))), true)
        }
        return (State(failures: failures, lockedUntil: nil), false)
    }
}

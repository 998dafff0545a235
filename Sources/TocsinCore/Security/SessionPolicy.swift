import Foundation

/// Session lifetimes (ASVS 4.0.3 V3.3.2 at level 2: re-authenticate after 30 minutes idle or
/// 12 hours in all; GB/T 22239-2019 §8.1.4.1 b: log out on timeout).
public struct SessionPolicy: Sendable, Hashable, Codable {
    public var idleTimeout: Duration = .seconds(30 * 60)
    public var absoluteTimeout: Duration = .seconds(12 * 3600)
    public init() {}

    /// Whether `session` may still be used at `now`; throws `.sessionExpired` saying which limit ran out.
    public func check(_ session: Session, now: Date) throws(SecurityError) {
        if now.timeIntervalSince(session.createdAt) >= Double(absoluteTimeout.components.seconds) {
            throw SecurityError(.sessionExpired, "the session reached its \(Self.describe(absoluteTimeout)) limit; log in again")
        }
        if now.timeIntervalSince(session.lastSeenAt) >= Double(idleTimeout.components.seconds) {
            throw SecurityError(.sessionExpired, "the session was idle for \(Self.describe(idleTimeout)); log in again")
        }
    }

    static func describe(_ d: Duration) -> String {
        let s = d.components.seconds
        return s % 3600 == 0 ? "\(s / 3600) h" : s % 60 == 0 ? "\(s / 60) min" : "\(s) s"
    }
}

/// A console session. The secret the browser holds is never stored: `idHash` is its SHA-256.
public struct Session: Sendable, Hashable, Codable {
    public var idHash: String
    public var userID: Int64
    public var createdAt: Date
    public var lastSeenAt: Date
    /// Where the login came from (client address).
    public var source: String
    public init(idHash: String, userID: Int64, createdAt: Date, lastSeenAt: Date, source: String) {
        self.idHash = idHash
        self.userID = userID
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.source = source
    }
}

/// The policies of the security layer together, with the contract defaults.
public struct SecurityPolicy: Sendable, Hashable, Codable {
    public var password = PasswordPolicy()
    public var lockout = LockoutPolicy()
    public var session = SessionPolicy()
    public init() {}
}

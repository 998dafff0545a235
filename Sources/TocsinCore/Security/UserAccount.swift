import Foundation

/// A person who logs in. The password is held only as a self-describing slow hash.
public struct UserAccount: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var roles: RoleSet
    public var passwordHash: String
    public var passwordChangedAt: Date
    /// Set when an admin set the password (the user must choose their own) or on expiry.
    public var mustChangePassword: Bool
    public var login: LockoutPolicy.State
    /// Locked by a security admin (`tocsin user lock`), independent of failed logins.
    public var disabled: Bool
    public var createdAt: Date

    public init(id: Int64, name: String, roles: RoleSet, passwordHash: String, passwordChangedAt: Date, mustChangePassword: Bool,
                login: LockoutPolicy.State = .init(), disabled: Bool = false, createdAt: Date) {
        self.id = id
        self.name = name
        self.roles = roles
        self.passwordHash = passwordHash
        self.passwordChangedAt = passwordChangedAt
        self.mustChangePassword = mustChangePassword
        self.login = login
        self.disabled = disabled
        self.createdAt = createdAt
    }
}

/// A credential of a machine client (another system pushing CAP, a monitoring scraper). The
/// secret is shown once at creation; only its SHA-256 is stored.
public struct APIToken: Sendable, Hashable {
    public var id: Int64
    /// Who uses it, e.g. `national-platform` or `prometheus`.
    public var name: String
    public var roles: RoleSet
    public var tokenHash: String
    public var createdBy: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?

    public init(id: Int64, name: String, roles: RoleSet, tokenHash: String, createdBy: String, createdAt: Date, expiresAt: Date? = nil, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.roles = roles
        self.tokenHash = tokenHash
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Usable at `now`: not revoked and not past its expiry.
    public func isActive(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { now < $0 } ?? true)
    }
}

/// Who is calling, once authenticated: a person through a session, or a machine through a token.
public struct Principal: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable { case user, token }
    public var kind: Kind
    public var id: Int64
    public var name: String
    public var roles: RoleSet
    public init(kind: Kind, id: Int64, name: String, roles: RoleSet) {
        self.kind = kind
        self.id = id
        self.name = name
        self.roles = roles
    }
    /// The audit `actor`: `alice`, or `token:prometheus` for machine clients.
    public var description: String { kind == .user ? name : "token:\(name)" }
}

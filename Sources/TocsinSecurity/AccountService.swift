import Foundation
import TocsinCore

/// Authentication, password changes, sessions, tokens and authorisation: what the JSON API and
/// the console call. Every decision that matters is appended to the audit chain by the store in
/// the same transaction as the change.
///
/// Login failures never say whether the user name exists: wrong name, wrong password, a
/// failed-login lockout and an admin lock all throw the same `.invalidCredentials` message (the
/// audit trail records the real reason), and an unknown name costs the same hashing time.
///
/// Raising `PasswordHasher.iterations` needs no migration: old hashes keep verifying, and the
/// 30-day rotation re-hashes every password with the new parameters.
public struct AccountService: Sendable {
    public let store: any AccountStore
    public let policy: SecurityPolicy
    public let hasher: PasswordHasher
    public let clock: any WallClock

    public init(store: any AccountStore, policy: SecurityPolicy = SecurityPolicy(), hasher: PasswordHasher = PasswordHasher(),
                clock: any WallClock = SystemWallClock()) {
        self.store = store
        self.policy = policy
        self.hasher = hasher
        self.clock = clock
    }

    /// What a successful login hands back. `secret` goes into the session cookie and is not
    /// stored anywhere on the server (only its SHA-256 is).
    public struct Login: Sendable {
        public var secret: String
        public var session: Session
        public var principal: Principal
    }

    static let invalidLogin = SecurityError(.invalidCredentials,
        "the user name or password is wrong, or the account is locked after repeated failures; try again in a few minutes or ask a security admin")

    /// Logs in with a password from `source` (client address) and opens a session.
    /// - Throws: `.invalidCredentials` (see above), or `.passwordChangeRequired` when the password
    ///   is right but expired or admin-set: call `changePassword` first.
    public func login(name: String, password: String, source: String) async throws -> Login {
        let user = try await checkPassword(name: name, password: password, source: source, action: "login")
        let now = clock.now()
        if user.mustChangePassword || policy.password.isExpired(changedAt: user.passwordChangedAt, now: now) {
            try await store.recordLoginSuccess(userID: user.id, at: now, audit: [
                AuditEvent(at: now, actor: user.name, action: "login", target: "user:\(user.name)", source: source, result: .denied,
                           detail: "{\"reason\":\"password_change_required\"}")])
            throw SecurityError(.passwordChangeRequired, user.mustChangePassword
                ? "this password was set by an administrator; choose your own password before logging in"
                : "the password is older than \(Int(policy.password.maximumAge!.components.seconds / 86400)) days; choose a new one before logging in")
        }
        let secret = SecretGenerator.token(prefix: "s_")
        let session = Session(idHash: SecretGenerator.digest(secret), userID: user.id, createdAt: now, lastSeenAt: now, source: source)
        try await store.recordLoginSuccess(userID: user.id, at: now, audit: [
            AuditEvent(at: now, actor: user.name, action: "login", target: "user:\(user.name)", source: source)])
        try await store.createSession(session, audit: [])
        return Login(secret: secret, session: session, principal: Principal(kind: .user, id: user.id, name: user.name, roles: user.roles))
    }

    /// Changes one's own password, proving the current one (counts as a login attempt).
    /// Throws `.invalidCredentials`, `.passwordPolicy` or `.passwordReused`. Ends every session.
    public func changePassword(name: String, current: String, new: String, source: String) async throws {
        let user = try await checkPassword(name: name, password: current, source: source, action: "password.change")
        try await storeNewPassword(new, for: user, mustChange: false, actor: user.name, source: source)
    }

    /// Verifies name and password, counting failures and lockouts. Returns the user on success.
    func checkPassword(name: String, password: String, source: String, action: String) async throws -> UserAccount {
        let now = clock.now()
        let attempted = String(name.prefix(64))
        guard let user = try await store.user(named: name) else {
            hasher.burn(password)
            try await store.appendAudit([AuditEvent(at: now, actor: attempted, action: action, target: "user:\(attempted)", source: source,
                                                    result: .failure, detail: "{\"reason\":\"unknown_user\"}")])
            throw Self.invalidLogin
        }
        if user.disabled || policy.lockout.isLocked(user.login, now: now) {
            hasher.burn(password)
            try await store.appendAudit([AuditEvent(at: now, actor: user.name, action: action, target: "user:\(user.name)", source: source,
                                                    result: .denied, detail: "{\"reason\":\"\(user.disabled ? "disabled" : "locked")\"}")])
            throw Self.invalidLogin
        }
        guard hasher.verify(password, against: user.passwordHash) else {
            let failure = AuditEvent(at: now, actor: user.name, action: action, target: "user:\(user.name)", source: source,
                                     result: .failure, detail: "{\"reason\":\"wrong_password\"}")
            let outcome = try await store.recordLoginFailure(userID: user.id, policy: policy.lockout, at: now, audit: [failure])
            if outcome.lockedNow { try await store.deleteSessions(userID: user.id) }
            throw Self.invalidLogin
        }
        return user
    }

    /// Checks policy and history, then stores the new hash and ends the user's sessions.
    func storeNewPassword(_ password: String, for user: UserAccount, mustChange: Bool, actor: String, source: String) async throws {
        try policy.password.check(password, userName: user.name)
        let history = try await store.passwordHistory(userID: user.id, limit: max(policy.password.historyCount, 1))
        if history.contains(where: { hasher.verify(password, against: $0) }) {
            throw SecurityError(.passwordReused, "this password was used recently; choose one that differs from the last \(policy.password.historyCount)")
        }
        let now = clock.now()
        try await store.setPassword(userID: user.id, passwordHash: try hasher.hash(password), mustChange: mustChange, at: now, audit: [
            AuditEvent(at: now, actor: actor, action: actor == user.name ? "password.change" : "password.reset", target: "user:\(user.name)",
                       source: source)])
        try await store.deleteSessions(userID: user.id)
    }
}

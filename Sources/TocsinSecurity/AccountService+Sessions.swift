import Foundation
import TocsinCore

extension AccountService {
    /// The caller behind a session cookie, after checking the idle and absolute timeouts and that
    /// the user is still enabled; records the activity (moves the idle timer).
    /// - Throws: `.sessionExpired` (the session is then deleted), or `.invalidCredentials`.
    public func principal(forSession secret: String) async throws -> Principal {
        let now = clock.now()
        let hash = SecretGenerator.digest(secret)
        guard let session = try await store.session(idHash: hash) else {
            throw SecurityError(.sessionExpired, "not logged in, or the session ended; log in again")
        }
        do {
            try policy.session.check(session, now: now)
        } catch {
            try await store.deleteSession(idHash: hash, audit: [])
            throw error
        }
        guard let user = try await store.user(id: session.userID), !user.disabled, !policy.lockout.isLocked(user.login, now: now) else {
            try await store.deleteSession(idHash: hash, audit: [])
            throw SecurityError(.sessionExpired, "the account was locked; the session ended")
        }
        try await store.touchSession(idHash: hash, at: now)
        return Principal(kind: .user, id: user.id, name: user.name, roles: user.roles)
    }

    /// Ends a session (logout, ASVS V3.3.1).
    public func logout(secret: String, source: String) async throws {
        let hash = SecretGenerator.digest(secret)
        guard let session = try await store.session(idHash: hash) else { return }
        let name = try await store.user(id: session.userID)?.name ?? "#\(session.userID)"
        try await store.deleteSession(idHash: hash, audit: [AuditEvent(at: clock.now(), actor: name, action: "logout", target: "user:\(name)", source: source)])
    }

    /// The machine client behind an API token (`Authorization: Bearer …`).
    /// - Throws: `.invalidToken` for an unknown, revoked or expired token (same message for all).
    public func principal(forToken secret: String, source: String) async throws -> Principal {
        let now = clock.now()
        guard let token = try await store.token(hash: SecretGenerator.digest(secret)), token.isActive(at: now) else {
            try await store.appendAudit([AuditEvent(at: now, actor: "token:?", action: "token.use", target: "token:?", source: source, result: .failure)])
            throw SecurityError(.invalidToken, "the API token is not valid (unknown, revoked or expired); ask a security admin for a new one")
        }
        return Principal(kind: .token, id: token.id, name: token.name, roles: token.roles)
    }

    /// Allows `permission` for `principal` or throws `.forbidden`; refusals are audited
    /// (ASVS V7.2.2: log failed access decisions).
    public func authorise(_ principal: Principal, _ permission: Permission, target: String, source: String) async throws {
        guard !principal.roles.allows(permission) else { return }
        try await store.appendAudit([AuditEvent(at: clock.now(), actor: principal.description, action: "access", target: target, source: source,
                                                result: .denied, detail: "{\"permission\":\"\(permission.rawValue)\"}")])
        throw SecurityError(.forbidden, "\(principal.description) may not do \(permission.rawValue): it needs one of the roles \(Role.allCases.filter { $0.permissions.contains(permission) }.map(\.rawValue).joined(separator: ", "))")
    }
}

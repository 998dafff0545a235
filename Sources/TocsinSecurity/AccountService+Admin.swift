import Foundation
import TocsinCore

/// User and token administration. The caller (web layer) first authorises the acting principal
/// with `.manageUsers`; `actor` is what the audit trail records (`alice`, `cli:root`).
extension AccountService {
    /// Creates a user with `password`, or a generated compliant one when `nil` (returned once,
    /// never stored). The user must change an admin-set password at first login.
    /// - Throws: `.roleConflict` (checked by `RoleSet`), `.passwordPolicy`, `.userExists`.
    public func addUser(name: String, roles: RoleSet, password: String?, actor: String, source: String) async throws -> (user: UserAccount, generatedPassword: String?) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64, !trimmed.contains(where: { $0.isWhitespace || $0 == ":" || $0 == "," }) else {
            throw SecurityError(.unknownUser, "a user name needs 1–64 characters without spaces, ':' or ','")
        }
        let generated = password == nil ? SecretGenerator.password(for: policy.password) : nil
        let chosen = password ?? generated!
        try policy.password.check(chosen, userName: trimmed)
        let now = clock.now()
        let user = try await store.createUser(name: trimmed, roles: roles, passwordHash: try hasher.hash(chosen), mustChangePassword: true, at: now, audit: [
            AuditEvent(at: now, actor: actor, action: "user.create", target: "user:\(trimmed)", source: source, detail: "{\"roles\":\"\(roles)\"}")])
        return (user, generated)
    }

    /// Sets a user's password as an admin (policy and history apply); the user must change it at
    /// next login. Returns the generated password when `password` is nil.
    public func resetPassword(name: String, password: String?, actor: String, source: String) async throws -> String? {
        let user = try await existingUser(name)
        let generated = password == nil ? SecretGenerator.password(for: policy.password) : nil
        try await storeNewPassword(password ?? generated!, for: user, mustChange: actor != user.name, actor: actor, source: source)
        return generated
    }

    /// Replaces a user's roles (separation of duties is enforced by `RoleSet`).
    public func setRoles(name: String, roles: RoleSet, actor: String, source: String) async throws {
        let user = try await existingUser(name)
        try await store.setRoles(userID: user.id, roles: roles, audit: [
            AuditEvent(at: clock.now(), actor: actor, action: "user.roles", target: "user:\(name)", source: source,
                       detail: "{\"from\":\"\(user.roles)\",\"to\":\"\(roles)\"}")])
    }

    /// Locks (`true`) or unlocks a user. Locking ends their sessions; unlocking also ends a
    /// failed-login lockout.
    public func setLocked(name: String, _ locked: Bool, actor: String, source: String) async throws {
        let user = try await existingUser(name)
        try await store.setDisabled(userID: user.id, disabled: locked, audit: [
            AuditEvent(at: clock.now(), actor: actor, action: locked ? "user.lock" : "user.unlock", target: "user:\(name)", source: source)])
        if locked { try await store.deleteSessions(userID: user.id) }
    }

    /// Creates an API token for a machine client; returns the secret, shown once. Administrator
    /// roles cannot be given to tokens: administrators are people.
    public func createToken(name: String, roles: RoleSet, expiresAt: Date? = nil, actor: String, source: String) async throws -> (token: APIToken, secret: String) {
        if let admin = roles.roles.intersection(Role.administrators).first {
            throw SecurityError(.roleConflict, "an API token cannot hold \(admin.rawValue): administrator roles belong to named people who log in")
        }
        let secret = SecretGenerator.token(prefix: "tcs_")
        let now = clock.now()
        let token = try await store.createToken(name: name, roles: roles, tokenHash: SecretGenerator.digest(secret), createdBy: actor, at: now,
                                                expiresAt: expiresAt, audit: [
            AuditEvent(at: now, actor: actor, action: "token.create", target: "token:\(name)", source: source, detail: "{\"roles\":\"\(roles)\"}")])
        return (token, secret)
    }

    /// Revokes a token at once; throws `.unknownToken` when there is none with that id.
    public func revokeToken(id: Int64, actor: String, source: String) async throws {
        try await store.revokeToken(id: id, at: clock.now(), audit: [
            AuditEvent(at: clock.now(), actor: actor, action: "token.revoke", target: "token:\(id)", source: source)])
    }

    func existingUser(_ name: String) async throws -> UserAccount {
        guard let user = try await store.user(named: name) else { throw SecurityError(.unknownUser, "there is no user '\(name)'; see `tocsin user list`") }
        return user
    }
}

import Foundation

/// The storage port of the security layer (implemented by `TocsinStorage.Store`). Every method
/// that changes something is one transaction and appends its `audit` events to the audit chain in
/// that same transaction, so a change and its audit record exist together or not at all.
public protocol AccountStore: Sendable {
    /// Creates a user; throws `.userExists` when the name is taken.
    func createUser(name: String, roles: RoleSet, passwordHash: String, mustChangePassword: Bool, at: Date, audit: [AuditEvent]) async throws -> UserAccount
    func user(named name: String) async throws -> UserAccount?
    func user(id: Int64) async throws -> UserAccount?
    func users() async throws -> [UserAccount]
    /// The hashes of the last `limit` passwords, newest first (the current one included).
    func passwordHistory(userID: Int64, limit: Int) async throws -> [String]
    /// Sets a new password hash, keeps it in the history, clears failed logins.
    func setPassword(userID: Int64, passwordHash: String, mustChange: Bool, at: Date, audit: [AuditEvent]) async throws
    /// Counts one failed login under `policy` atomically (several nodes may see failures at once)
    /// and returns the new state and whether this failure started a lockout; when it did, a
    /// `user.lockout` event follows the `audit` events (whose first names the target and source).
    func recordLoginFailure(userID: Int64, policy: LockoutPolicy, at: Date, audit: [AuditEvent]) async throws -> (state: LockoutPolicy.State, lockedNow: Bool)
    /// Clears the failure count after a successful login.
    func recordLoginSuccess(userID: Int64, at: Date, audit: [AuditEvent]) async throws
    func setRoles(userID: Int64, roles: RoleSet, audit: [AuditEvent]) async throws
    /// Admin lock (`disabled`) on or off; unlocking also ends a failed-login lockout.
    func setDisabled(userID: Int64, disabled: Bool, audit: [AuditEvent]) async throws

    func createSession(_ session: Session, audit: [AuditEvent]) async throws
    func session(idHash: String) async throws -> Session?
    func touchSession(idHash: String, at: Date) async throws
    func deleteSession(idHash: String, audit: [AuditEvent]) async throws
    /// Ends every session of a user (password change, lock, role change).
    func deleteSessions(userID: Int64) async throws

    func createToken(name: String, roles: RoleSet, tokenHash: String, createdBy: String, at: Date, expiresAt: Date?, audit: [AuditEvent]) async throws -> APIToken
    func token(hash: String) async throws -> APIToken?
    func tokens() async throws -> [APIToken]
    /// Throws `.unknownToken` when no such token exists.
    func revokeToken(id: Int64, at: Date, audit: [AuditEvent]) async throws

    /// Appends events that change nothing else (e.g. a failed login for an unknown name).
    func appendAudit(_ events: [AuditEvent]) async throws
}

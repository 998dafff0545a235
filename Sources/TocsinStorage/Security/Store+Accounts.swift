import Foundation
import SQLKit
import TocsinCore

/// Users and password history (the `AccountStore` port). Each write is one transaction with its
/// audit events.
extension Store: AccountStore {
    static let userColumns = ["id", "name", "roles", "password_hash", "password_changed_at", "must_change", "failed_logins", "locked_until",
                              "disabled", "created_at"]

    public func createUser(name: String, roles: RoleSet, passwordHash: String, mustChangePassword: Bool, at: Date, audit: [AuditEvent]) async throws -> UserAccount {
        try await transaction { db in
            if try await db.select().column("id").from("users").where("name", .equal, name).first() != nil {
                throw SecurityError(.userExists, "a user named '\(name)' already exists; choose another name or use `tocsin user passwd`")
            }
            let id = try await self.reserveIDs(1, table: "users", in: db)[0]
            try await db.insert(into: "users").columns(Self.userColumns)
                .values(SQLBind(id), SQLBind(name), SQLBind(roles.description), SQLBind(passwordHash), SQLBind(at.millis), SQLBind(mustChangePassword),
                        SQLBind(0), SQLBind(Int64?.none), SQLBind(false), SQLBind(at.millis)).run()
            try await self.insertHistory(userID: id, hash: passwordHash, at: at, in: db)
            try await self.appendAudit(audit, in: db)
            return UserAccount(id: id, name: name, roles: roles, passwordHash: passwordHash, passwordChangedAt: at, mustChangePassword: mustChangePassword, createdAt: at)
        }
    }

    public func user(named name: String) async throws -> UserAccount? {
        try await sql.select().columns(Self.userColumns.map { SQLColumn($0) }).from("users").where("name", .equal, name).first().map(Self.decodeUser)
    }

    public func user(id: Int64) async throws -> UserAccount? {
        try await sql.select().columns(Self.userColumns.map { SQLColumn($0) }).from("users").where("id", .equal, id).first().map(Self.decodeUser)
    }

    public func users() async throws -> [UserAccount] {
        try await sql.select().columns(Self.userColumns.map { SQLColumn($0) }).from("users").orderBy("name").all().map(Self.decodeUser)
    }

    public func passwordHistory(userID: Int64, limit: Int) async throws -> [String] {
        try await sql.select().column("password_hash").from("password_history").where("user_id", .equal, userID)
            .orderBy("id", .descending).limit(limit).all().map { try $0.decode(column: "password_hash", as: String.self) }
    }

    public func setPassword(userID: Int64, passwordHash: String, mustChange: Bool, at: Date, audit: [AuditEvent]) async throws {
        try await transaction { db in
            try await db.update("users").set("password_hash", to: passwordHash).set("password_changed_at", to: at.millis).set("must_change", to: mustChange)
                .set("failed_logins", to: 0).set(SQLColumn("locked_until"), to: SQLLiteral.null).where("id", .equal, userID).run()
            try await self.insertHistory(userID: userID, hash: passwordHash, at: at, in: db)
            try await self.appendAudit(audit, in: db)
        }
    }

    public func recordLoginFailure(userID: Int64, policy: LockoutPolicy, at: Date, audit: [AuditEvent]) async throws -> (state: LockoutPolicy.State, lockedNow: Bool) {
        try await transaction { db in
            // Lock the row so two nodes counting failures at once do not lose one.
            guard let row = try await db.raw("SELECT failed_logins, locked_until FROM users WHERE id = \(bind: userID)\(unsafeRaw: self.dialect.forUpdate)").first() else {
                throw SecurityError(.unknownUser, "user #\(userID) no longer exists")
            }
            let current = LockoutPolicy.State(failures: try row.decode(column: "failed_logins", as: Int.self),
                                              lockedUntil: try row.decode(column: "locked_until", as: Int64?.self).map(Date.init(millis:)))
            let next = policy.afterFailure(current, now: at)
            try await db.update("users").set("failed_logins", to: next.state.failures).set("locked_until", to: next.state.lockedUntil?.millis)
                .where("id", .equal, userID).run()
            var events = audit
            if next.lockedNow, let failure = audit.first {
                events.append(AuditEvent(at: at, actor: "system", action: "user.lockout", target: failure.target, source: failure.source,
                                         detail: "{\"failures\":\(next.state.failures),\"seconds\":\(policy.coolDown.components.seconds)}"))
            }
            try await self.appendAudit(events, in: db)
            return next
        }
    }

    public func recordLoginSuccess(userID: Int64, at: Date, audit: [AuditEvent]) async throws {
        try await transaction { db in
            try await db.update("users").set("failed_logins", to: 0).set(SQLColumn("locked_until"), to: SQLLiteral.null).where("id", .equal, userID).run()
            try await self.appendAudit(audit, in: db)
        }
    }

    public func setRoles(userID: Int64, roles: RoleSet, audit: [AuditEvent]) async throws {
        try await transaction { db in
            try await db.update("users").set("roles", to: roles.description).where("id", .equal, userID).run()
            try await self.appendAudit(audit, in: db)
        }
    }

    public func setDisabled(userID: Int64, disabled: Bool, audit: [AuditEvent]) async throws {
        try await transaction { db in
            let q = db.update("users").set("disabled", to: disabled)
            if !disabled { _ = q.set("failed_logins", to: 0).set(SQLColumn("locked_until"), to: SQLLiteral.null) }
            try await q.where("id", .equal, userID).run()
            try await self.appendAudit(audit, in: db)
        }
    }

    func insertHistory(userID: Int64, hash: String, at: Date, in db: any SQLDatabase) async throws {
        let id = try await reserveIDs(1, table: "password_history", in: db)[0]
        try await db.insert(into: "password_history").columns("id", "user_id", "password_hash", "set_at")
            .values(SQLBind(id), SQLBind(userID), SQLBind(hash), SQLBind(at.millis)).run()
    }

    static func decodeUser(_ row: any SQLRow) throws -> UserAccount {
        let rolesText = try row.decode(column: "roles", as: String.self)
        let roles: RoleSet
        do { roles = try RoleSet(parsing: rolesText) } catch { throw StorageError(.conflict, "user row has invalid roles '\(rolesText)': \(error.message)") }
        return UserAccount(id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self), roles: roles,
                           passwordHash: try row.decode(column: "password_hash", as: String.self),
                           passwordChangedAt: Date(millis: try row.decode(column: "password_changed_at", as: Int64.self)),
                           mustChangePassword: try row.decode(column: "must_change", as: Bool.self),
                           login: LockoutPolicy.State(failures: try row.decode(column: "failed_logins", as: Int.self),
                                                      lockedUntil: try row.decode(column: "locked_until", as: Int64?.self).map(Date.init(millis:))),
                           disabled: try row.decode(column: "disabled", as: Bool.self),
                           createdAt: Date(millis: try row.decode(column: "created_at", as: Int64.self)))
    }
}

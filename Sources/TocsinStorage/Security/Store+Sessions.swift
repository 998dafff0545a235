import Foundation
import SQLKit
import TocsinCore

/// Sessions and API tokens (the `AccountStore` port). Only SHA-256 digests of the secrets are stored.
extension Store {
    public func createSession(_ s: Session, audit: [AuditEvent]) async throws {
        try await transaction { db in
            try await db.insert(into: "sessions").columns("id_hash", "user_id", "created_at", "last_seen_at", "source")
                .values(SQLBind(s.idHash), SQLBind(s.userID), SQLBind(s.createdAt.millis), SQLBind(s.lastSeenAt.millis), SQLBind(s.source)).run()
            try await self.appendAudit(audit, in: db)
        }
    }

    public func session(idHash: String) async throws -> Session? {
        try await sql.select().columns("id_hash", "user_id", "created_at", "last_seen_at", "source").from("sessions").where("id_hash", .equal, idHash)
            .first().map { row in
                Session(idHash: try row.decode(column: "id_hash", as: String.self), userID: try row.decode(column: "user_id", as: Int64.self),
                        createdAt: Date(millis: try row.decode(column: "created_at", as: Int64.self)),
                        lastSeenAt: Date(millis: try row.decode(column: "last_seen_at", as: Int64.self)), source: try row.decode(column: "source", as: String.self))
            }
    }

    public func touchSession(idHash: String, at: Date) async throws {
        try await transaction { db in
            try await db.update("sessions").set("last_seen_at", to: at.millis).where("id_hash", .equal, idHash).run()
        }
    }

    public func deleteSession(idHash: String, audit: [AuditEvent]) async throws {
        try await transaction { db in
            try await db.delete(from: "sessions").where("id_hash", .equal, idHash).run()
            try await self.appendAudit(audit, in: db)
        }
    }

    public func deleteSessions(userID: Int64) async throws {
        try await transaction { db in try await db.delete(from: "sessions").where("user_id", .equal, userID).run() }
    }

    static let tokenColumns = ["id", "name", "roles", "token_hash", "created_by", "created_at", "expires_at", "revoked_at"]

    public func createToken(name: String, roles: RoleSet, tokenHash: String, createdBy: String, at: Date, expiresAt: Date?, audit: [AuditEvent]) async throws -> APIToken {
        try await transaction { db in
            let id = try await self.reserveIDs(1, table: "api_tokens", in: db)[0]
            try await db.insert(into: "api_tokens").columns(Self.tokenColumns)
                .values(SQLBind(id), SQLBind(name), SQLBind(roles.description), SQLBind(tokenHash), SQLBind(createdBy), SQLBind(at.millis),
                        SQLBind(expiresAt?.millis), SQLBind(Int64?.none)).run()
            try await self.appendAudit(audit, in: db)
            return APIToken(id: id, name: name, roles: roles, tokenHash: tokenHash, createdBy: createdBy, createdAt: at, expiresAt: expiresAt)
        }
    }

    public func token(hash: String) async throws -> APIToken? {
        try await sql.select().columns(Self.tokenColumns.map { SQLColumn($0) }).from("api_tokens").where("token_hash", .equal, hash).first().map(Self.decodeToken)
    }

    public func tokens() async throws -> [APIToken] {
        try await sql.select().columns(Self.tokenColumns.map { SQLColumn($0) }).from("api_tokens").orderBy("id").all().map(Self.decodeToken)
    }

    public func revokeToken(id: Int64, at: Date, audit: [AuditEvent]) async throws {
        try await transaction { db in
            guard try await db.select().column("id").from("api_tokens").where("id", .equal, id).first() != nil else {
                throw SecurityError(.unknownToken, "there is no API token #\(id); see `tocsin token list`")
            }
            try await db.update("api_tokens").set("revoked_at", to: at.millis).where("id", .equal, id).where("revoked_at", .is, SQLLiteral.null).run()
            try await self.appendAudit(audit, in: db)
        }
    }

    static func decodeToken(_ row: any SQLRow) throws -> APIToken {
        let rolesText = try row.decode(column: "roles", as: String.self)
        let roles: RoleSet
        do { roles = try RoleSet(parsing: rolesText) } catch { throw StorageError(.conflict, "token row has invalid roles '\(rolesText)': \(error.message)") }
        return APIToken(id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self), roles: roles,
                        tokenHash: try row.decode(column: "token_hash", as: String.self), createdBy: try row.decode(column: "created_by", as: String.self),
                        createdAt: Date(millis: try row.decode(column: "created_at", as: Int64.self)),
                        expiresAt: try row.decode(column: "expires_at", as: Int64?.self).map(Date.init(millis:)),
                        revokedAt: try row.decode(column: "revoked_at", as: Int64?.self).map(Date.init(millis:)))
    }
}

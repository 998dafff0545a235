import Foundation
import SQLKit
import TocsinCore

extension Store {
    /// Creates a group. Throws `.conflict` when the name exists.
    @discardableResult
    public func createGroup(_ group: ContactGroup, actor: String, now: Date) async throws -> ContactGroup {
        try await transaction { db in
            if try await db.select().column("id").from("contact_groups").where("name", .equal, group.name).first() != nil {
                throw StorageError(.conflict, "a group named '\(group.name)' already exists")
            }
            let id = try await self.reserveIDs(1, table: "contact_groups", in: db)[0]
            try await db.insert(into: "contact_groups").columns("id", "name", "parent_id", "description")
                .values(SQLBind(id), SQLBind(group.name), SQLBind(group.parentID), SQLBind(group.description)).run()
            try await ChangeLog.append([ChangeRecord(at: now, actor: actor, entity: "group", entityID: String(id), action: .create,
                                                     detail: "{\"name\":\(jsonString(group.name))}")], in: db, audit: self)
            var g = group
            g.id = id
            return g
        }
    }

    public func groups() async throws -> [ContactGroup] {
        let rows = try await sql.raw("SELECT id, name, parent_id, description FROM contact_groups ORDER BY name").all()
        return try rows.map {
            ContactGroup(id: try $0.decode(column: "id", as: Int64.self), name: try $0.decode(column: "name", as: String.self),
                         parentID: try $0.decode(column: "parent_id", as: Int64?.self), description: try $0.decode(column: "description", as: String.self))
        }
    }

    /// Finds an organisation by name or creates it (inside the caller's transaction).
    func organisationID(named name: String, in db: any SQLDatabase, cache: inout [String: Int64], created: inout [ChangeRecord], actor: String, now: Date) async throws -> Int64? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let id = cache[trimmed] { return id }
        if let row = try await db.select().column("id").from("organisations").where("name", .equal, trimmed).first() {
            let id = try row.decode(column: "id", as: Int64.self)
            cache[trimmed] = id
            return id
        }
        let id = try await reserveIDs(1, table: "organisations", in: db)[0]
        try await db.insert(into: "organisations").columns("id", "name").values(SQLBind(id), SQLBind(trimmed)).run()
        created.append(ChangeRecord(at: now, actor: actor, entity: "organisation", entityID: String(id), action: .create,
                                    detail: "{\"name\":\(jsonString(trimmed))}"))
        cache[trimmed] = id
        return id
    }

    public func organisations() async throws -> [Organisation] {
        let rows = try await sql.raw("SELECT id, name, parent_id FROM organisations ORDER BY name").all()
        return try rows.map {
            Organisation(id: try $0.decode(column: "id", as: Int64.self), name: try $0.decode(column: "name", as: String.self),
                         parentID: try $0.decode(column: "parent_id", as: Int64?.self))
        }
    }

    /// Creates an organisation under an optional parent.
    @discardableResult
    public func createOrganisation(name: String, parentID: Int64? = nil, actor: String, now: Date) async throws -> Organisation {
        try await transaction { db in
            if try await db.select().column("id").from("organisations").where("name", .equal, name).first() != nil {
                throw StorageError(.conflict, "an organisation named '\(name)' already exists")
            }
            let id = try await self.reserveIDs(1, table: "organisations", in: db)[0]
            try await db.insert(into: "organisations").columns("id", "name", "parent_id").values(SQLBind(id), SQLBind(name), SQLBind(parentID)).run()
            try await ChangeLog.append([ChangeRecord(at: now, actor: actor, entity: "organisation", entityID: String(id), action: .create,
                                                     detail: "{\"name\":\(jsonString(name))}")], in: db, audit: self)
            return Organisation(id: id, name: name, parentID: parentID)
        }
    }

    /// Adds a subscription for a contact or a group.
    @discardableResult
    public func addSubscription(_ s: Subscription, actor: String, now: Date) async throws -> Subscription {
        try await transaction { db in
            let id = try await self.reserveIDs(1, table: "subscriptions", in: db)[0]
            var contactID: Int64?
            var groupID: Int64?
            switch s.subject {
            case .contact(let c): contactID = c
            case .group(let g): groupID = g
            }
            try await db.insert(into: "subscriptions").columns("id", "contact_id", "group_id", "hazard_code", "min_level_rank")
                .values(SQLBind(id), SQLBind(contactID), SQLBind(groupID), SQLBind(s.hazardCode), SQLBind(s.minimumLevel.rank)).run()
            try await ChangeLog.append([ChangeRecord(at: now, actor: actor, entity: "subscription", entityID: String(id), action: .create,
                                                     detail: "{\"hazard\":\(jsonString(s.hazardCode ?? "*")),\"min_level\":\"\(s.minimumLevel.rawValue)\"}")], in: db, audit: self)
            var out = s
            out.id = id
            return out
        }
    }

    public func subscriptions() async throws -> [Subscription] {
        let rows = try await sql.raw("SELECT id, contact_id, group_id, hazard_code, min_level_rank FROM subscriptions ORDER BY id").all()
        return try rows.compactMap { row in
            let subject: Subscription.Subject
            if let c = try row.decode(column: "contact_id", as: Int64?.self) { subject = .contact(c) }
            else if let g = try row.decode(column: "group_id", as: Int64?.self) { subject = .group(g) }
            else { return nil }
            return Subscription(id: try row.decode(column: "id", as: Int64.self), subject: subject,
                                hazardCode: try row.decode(column: "hazard_code", as: String?.self),
                                minimumLevel: WarningLevel(rank: try row.decode(column: "min_level_rank", as: Int.self)) ?? .blue)
        }
    }
}

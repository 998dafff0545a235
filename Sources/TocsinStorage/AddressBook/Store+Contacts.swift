import Foundation
import SQLKit
import TocsinCore

/// One contact to create (existingID nil) or to overwrite (existingID set), as planned by an import
/// or an edit. `groupIDs` replaces the contact's group memberships.
public struct ContactWrite: Sendable {
    public var existingID: Int64?
    public var record: ContactRecord
    public var groupIDs: [Int64]
    /// Where the change came from, for the change log (e.g. "import:contacts.xlsx row 12").
    public var source: String

    public init(existingID: Int64?, record: ContactRecord, groupIDs: [Int64], source: String) {
        self.existingID = existingID
        self.record = record
        self.groupIDs = groupIDs
        self.source = source
    }
}

/// The contact a number currently belongs to.
public struct NumberOwner: Sendable, Hashable {
    public var contactID: Int64
    public var fingerprint: String
}

extension Store {
    static let contactColumns = ["id", "name", "organisation_id", "title", "region_code", "note", "valid_from", "valid_until",
                                 "quiet_start", "quiet_end", "quiet_orange", "row_hash", "created_at", "updated_at"]

    /// Writes contacts in bulk inside the caller's transaction: multi-row inserts of a few hundred
    /// rows for new contacts, per-row updates for existing ones, numbers and memberships replaced,
    /// one change record per contact.
    public func writeContacts(_ writes: [ContactWrite], actor: String, now: Date, in db: any SQLDatabase) async throws {
        var orgCache: [String: Int64] = [:]
        var changes: [ChangeRecord] = []
        var orgIDs: [Int64?] = []
        orgIDs.reserveCapacity(writes.count)
        for w in writes {
            orgIDs.append(try await organisationID(named: w.record.organisationName, in: db, cache: &orgCache, created: &changes, actor: actor, now: now))
        }
        let newIndices = writes.indices.filter { writes[$0].existingID == nil }
        let newIDs = try await reserveIDs(newIndices.count, table: "contacts", in: db)
        var ids = writes.map(\.existingID)
        for (k, i) in newIndices.enumerated() { ids[i] = newIDs[k] }

        // New contacts: multi-row inserts.
        try await bulkInsert(into: "contacts", columns: Self.contactColumns,
                             rows: newIndices.map { contactValues(writes[$0].record, id: ids[$0]!, organisationID: orgIDs[$0], now: now, created: now) },
                             in: db)
        // Existing contacts: update in place, then replace numbers and memberships.
        let updated = writes.indices.filter { writes[$0].existingID != nil }
        for i in updated {
            let c = writes[i].record.contact
            try await db.update("contacts")
                .set("name", to: c.name).set("organisation_id", to: orgIDs[i]).set("title", to: c.title)
                .set("region_code", to: c.regionCode).set("note", to: c.note)
                .set("valid_from", to: c.validFrom?.millis).set("valid_until", to: c.validUntil?.millis)
                .set("quiet_start", to: c.quietHours?.startMinute).set("quiet_end", to: c.quietHours?.endMinute)
                .set("quiet_orange", to: c.quietHours?.orangeOverrides ?? false)
                .set("row_hash", to: writes[i].record.fingerprint).set("updated_at", to: now.millis)
                .where("id", .equal, ids[i]!).run()
        }
        for chunk in updated.chunked(into: 400) {
            let idList = chunk.map { ids[$0]! }
            try await db.delete(from: "contact_numbers").where("contact_id", .in, idList).run()
            try await db.delete(from: "group_members").where("contact_id", .in, idList).run()
        }
        // Numbers and memberships for all written contacts.
        var numberRows: [[BulkValue]] = []
        var memberRows: [[BulkValue]] = []
        for (i, w) in writes.enumerated() {
            for (p, n) in w.record.contact.numbers.enumerated() { numberRows.append([.text(n.digits), .int(ids[i]!), .int(Int64(p))]) }
            for g in Set(w.groupIDs) { memberRows.append([.int(g), .int(ids[i]!)]) }
            changes.append(ChangeRecord(at: now, actor: actor, entity: "contact", entityID: String(ids[i]!),
                                        action: w.existingID == nil ? .create : .update,
                                        detail: "{\"source\":\(jsonString(w.source)),\"hash\":\"\(w.record.fingerprint)\"}"))
        }
        try await bulkInsert(into: "contact_numbers", columns: ["number", "contact_id", "position"], rows: numberRows, in: db)
        try await bulkInsert(into: "group_members", columns: ["group_id", "contact_id"], rows: memberRows, in: db)
        try await ChangeLog.append(changes, in: db, audit: self)
    }

    private func contactValues(_ r: ContactRecord, id: Int64, organisationID: Int64?, now: Date, created: Date) -> [BulkValue] {
        let c = r.contact
        return [.int(id), .text(c.name), .int(organisationID), .text(c.title), .text(c.regionCode), .text(c.note),
                .int(c.validFrom?.millis), .int(c.validUntil?.millis), .int(c.quietHours?.startMinute),
                .int(c.quietHours?.endMinute), .bool(c.quietHours?.orangeOverrides ?? false), .text(r.fingerprint),
                .int(created.millis), .int(now.millis)]
    }

    /// Creates or overwrites contacts in one transaction (all or nothing).
    public func saveContacts(_ writes: [ContactWrite], actor: String, now: Date) async throws {
        try await transaction { db in try await self.writeContacts(writes, actor: actor, now: now, in: db) }
    }

    /// The current owner of each of `numbers` that belongs to a contact.
    public func owners(of numbers: [String], in db: (any SQLDatabase)? = nil) async throws -> [String: NumberOwner] {
        let sql = db ?? self.sql
        var result: [String: NumberOwner] = [:]
        for chunk in numbers.chunked(into: 500) {
            let rows = try await sql.select().column(SQLColumn("number", table: "n")).column(SQLColumn("id", table: "c")).column(SQLColumn("row_hash", table: "c"))
                .from(SQLAlias(SQLIdentifier("contact_numbers"), as: SQLIdentifier("n")))
                .join(SQLAlias(SQLIdentifier("contacts"), as: SQLIdentifier("c")), method: SQLJoinMethod.inner, on: SQLColumn("contact_id", table: "n"), .equal, SQLColumn("id", table: "c"))
                .where(SQLColumn("number", table: "n"), .in, SQLBind.group(Array(chunk)))
                .all()
            for row in rows {
                result[try row.decode(column: "number", as: String.self)] =
                    NumberOwner(contactID: try row.decode(column: "id", as: Int64.self), fingerprint: try row.decode(column: "row_hash", as: String.self))
            }
        }
        return result
    }

    /// Deletes a contact (numbers, memberships and subscriptions go with it), recorded.
    public func deleteContact(id: Int64, actor: String, now: Date) async throws {
        try await transaction { db in
            guard try await db.select().column("id").from("contacts").where("id", .equal, id).first() != nil else {
                throw StorageError(.notFound, "contact \(id) does not exist")
            }
            try await db.delete(from: "contact_numbers").where("contact_id", .equal, id).run()
            try await db.delete(from: "group_members").where("contact_id", .equal, id).run()
            try await db.delete(from: "subscriptions").where("contact_id", .equal, id).run()
            try await db.delete(from: "contacts").where("id", .equal, id).run()
            try await ChangeLog.append([ChangeRecord(at: now, actor: actor, entity: "contact", entityID: String(id), action: .delete, detail: "{}")], in: db, audit: self)
        }
    }

    public func contactCount() async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM contacts").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}

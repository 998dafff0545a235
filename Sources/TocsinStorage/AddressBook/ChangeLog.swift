import Foundation
import SQLKit
import TocsinCore

/// The append-only change log of the address book. Nothing updates or deletes these rows. Every
/// record also goes into the tamper-evident audit chain, in the same transaction.
enum ChangeLog {
    static let columns = ["at", "actor", "entity", "entity_id", "action", "detail"]

    static func append(_ records: [ChangeRecord], in db: any SQLDatabase, audit store: Store) async throws {
        try await store.bulkInsert(into: "changes", columns: columns, rows: records.map {
            [.int($0.at.millis), .text($0.actor), .text($0.entity), .text($0.entityID), .text($0.action.rawValue), .text($0.detail)]
        }, in: db)
        try await store.appendAudit(records.map(AuditEvent.init(change:)), in: db)
    }
}

extension Store {
    /// Recent changes, newest first, optionally for one entity kind and id.
    public func changes(entity: String? = nil, entityID: String? = nil, limit: Int = 100) async throws -> [ChangeRecord] {
        let q = sql.select().columns("id", "at", "actor", "entity", "entity_id", "action", "detail").from("changes")
        if let entity { _ = q.where("entity", .equal, entity) }
        if let entityID { _ = q.where("entity_id", .equal, entityID) }
        let rows = try await q.orderBy("id", .descending).limit(limit).all()
        return try rows.map {
            ChangeRecord(id: try $0.decode(column: "id", as: Int64.self), at: Date(millis: try $0.decode(column: "at", as: Int64.self)),
                         actor: try $0.decode(column: "actor", as: String.self), entity: try $0.decode(column: "entity", as: String.self),
                         entityID: try $0.decode(column: "entity_id", as: String.self),
                         action: ChangeRecord.Action(rawValue: try $0.decode(column: "action", as: String.self)) ?? .update,
                         detail: try $0.decode(column: "detail", as: String.self))
        }
    }
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

/// Minimal JSON string escaping for change details.
func jsonString(_ s: String) -> String {
    var out = "\""
    for ch in s.unicodeScalars {
        switch ch {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if ch.value < 0x20 { out += String(format: "\\u%04x", ch.value) } else { out.unicodeScalars.append(ch) }
        }
    }
    return out + "\""
}

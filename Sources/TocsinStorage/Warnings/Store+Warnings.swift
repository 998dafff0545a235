import Foundation
import SQLKit
import TocsinCore

/// Persistence of warnings: every write bumps the row's version, adds a history entry and appends
/// an audit-chain record, all in one transaction — the three exist together or not at all.
extension Store {
    static let warningColumns = ["id", "version", "state", "level", "hazard_code", "mode", "msg_type", "author", "effective", "expires",
                                 "replaced_by", "created_at", "updated_at", "document"]

    /// Writes `writes` in order in one transaction, with their history entries and audit records
    /// (`warning.<action>`, target `warning:<id>`, from `source`). Used for a single transition and
    /// for the pairs that must commit together (an approved follow-up and the original it closes).
    ///
    /// - Returns: the stored warnings with their new versions, in the order of `writes`.
    /// - Throws: `StorageError` `.conflict` when creating an id that exists, `.notFound` when
    ///   updating a missing warning, `.staleVersion` when the stored version is not the expected
    ///   one (someone else changed it first), `.auditKey` without an audit key. Nothing is written then.
    @discardableResult
    public func saveWarnings(_ writes: [WarningWrite], source: String) async throws -> [StoredWarning] {
        guard !writes.isEmpty else { return [] }
        return try await transaction { db in
            var stored: [StoredWarning] = []
            var audit: [AuditEvent] = []
            for write in writes {
                let saved = try await self.saveWarning(write, in: db)
                try await self.insertHistory(write, version: saved.version, source: source, in: db)
                audit.append(Self.auditEvent(write, version: saved.version, source: source))
                stored.append(saved)
            }
            try await self.appendAudit(audit, in: db)
            return stored
        }
    }

    private func saveWarning(_ write: WarningWrite, in db: any SQLDatabase) async throws -> StoredWarning {
        let w = write.warning
        let id = w.id.description
        let current = try await db.raw("SELECT version, created_at FROM warnings WHERE id = \(bind: id)\(unsafeRaw: dialect.forUpdate)").first()
        let document = String(decoding: try Self.warningEncoder.encode(w), as: UTF8.self)
        switch write.kind {
        case .create:
            guard current == nil else {
                throw StorageError(.conflict, "a warning with identifier \(id) already exists; create the draft again for a new identifier")
            }
            try await db.insert(into: "warnings").columns(Self.warningColumns)
                .values(SQLBind(id), SQLBind(1), SQLBind(w.state.rawValue), SQLBind(w.level.rawValue), SQLBind(w.hazardCode), SQLBind(w.mode.rawValue),
                        SQLBind(w.msgType.rawValue), SQLBind(w.author), SQLBind(w.effective.millis), SQLBind(w.expires.millis),
                        SQLBind(w.replacedBy?.description), SQLBind(write.at.millis), SQLBind(write.at.millis), SQLBind(document)).run()
            return StoredWarning(warning: w, version: 1, createdAt: Date(millis: write.at.millis), updatedAt: Date(millis: write.at.millis))
        case .update(let expected):
            guard let current else {
                throw StorageError(.notFound, "there is no warning \(id)")
            }
            let version = try current.decode(column: "version", as: Int.self)
            guard version == expected else {
                throw StorageError(.staleVersion, "warning \(id) was changed by someone else since you read it (now version \(version), yours \(expected)); reload it and try again")
            }
            try await db.update("warnings").set("version", to: version + 1).set("state", to: w.state.rawValue).set("level", to: w.level.rawValue)
                .set("hazard_code", to: w.hazardCode).set("mode", to: w.mode.rawValue).set("msg_type", to: w.msgType.rawValue)
                .set("author", to: w.author).set("effective", to: w.effective.millis).set("expires", to: w.expires.millis)
                .set("replaced_by", to: w.replacedBy?.description).set("updated_at", to: write.at.millis).set("document", to: document)
                .where("id", .equal, id).run()
            return StoredWarning(warning: w, version: version + 1, createdAt: Date(millis: try current.decode(column: "created_at", as: Int64.self)),
                                 updatedAt: Date(millis: write.at.millis))
        }
    }

    private func insertHistory(_ write: WarningWrite, version: Int, source: String, in db: any SQLDatabase) async throws {
        let ids = try await reserveIDs(1, table: "warning_events", in: db)
        try await db.insert(into: "warning_events")
            .columns("id", "warning_id", "version", "action", "actor", "at", "from_state", "to_state", "comment", "related_id", "source")
            .values(SQLBind(ids[0]), SQLBind(write.warning.id.description), SQLBind(version), SQLBind(write.action), SQLBind(write.actor),
                    SQLBind(write.at.millis), SQLBind(write.from.rawValue), SQLBind(write.warning.state.rawValue), SQLBind(write.comment),
                    SQLBind(write.relatedID?.description), SQLBind(source)).run()
    }

    /// The audit record of one write. The detail is JSON with the states, the new version, the
    /// mode (drills are marked) and the comment; never recipients' numbers.
    static func auditEvent(_ write: WarningWrite, version: Int, source: String) -> AuditEvent {
        struct Detail: Encodable {
            var from: String, to: String, version: Int, mode: String, level: String, comment: String?, related: String?
        }
        let detail = Detail(from: write.from.rawValue, to: write.warning.state.rawValue, version: version, mode: write.warning.mode.rawValue,
                            level: write.warning.level.rawValue, comment: write.comment.isEmpty ? nil : write.comment,
                            related: write.relatedID?.description)
        let json = (try? detailEncoder.encode(detail)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return AuditEvent(at: write.at, actor: write.actor, action: "warning.\(write.action)", target: "warning:\(write.warning.id)",
                          source: source, detail: json)
    }

    /// Exact round trip of every field (dates as Double seconds, which JSON carries losslessly).
    static let warningEncoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()
    static let detailEncoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()
}

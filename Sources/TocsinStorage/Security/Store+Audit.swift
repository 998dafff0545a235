import Foundation
import SQLKit
import TocsinCore

/// The audit chain: `audit_log` rows with contiguous ids, each sealed with an HMAC over the
/// previous record's MAC and its own fields, and `audit_head` holding the last id and MAC.
extension Store {
    static let auditColumns = ["id", "at", "actor", "action", "target", "source", "result", "detail", "prev_mac", "mac"]

    static let missingKey = StorageError(.auditKey, """
        no audit key is configured, so nothing that must be audited can be written: set TOCSIN_AUDIT_KEY \
        (at least 32 characters, e.g. from `openssl rand -hex 32`) or TOCSIN_AUDIT_KEY_FILE / --audit-key-file
        """)

    /// Appends `events` to the audit chain inside the caller's transaction `db`. The chain head is
    /// locked first (`SELECT … FOR UPDATE` on PostgreSQL, so several nodes append one after
    /// another; SQLite's `BEGIN IMMEDIATE` already holds its one write lock), so the records get
    /// the next ids and link to the last MAC.
    /// - Throws: `.auditKey` when no key is configured or it is not the key that started the chain.
    public func appendAudit(_ events: [AuditEvent], in db: any SQLDatabase) async throws {
        guard !events.isEmpty else { return }
        guard let sealer = auditSealer else { throw Self.missingKey }
        var head = try await lockedAuditHead(in: db)
        if head.keyID.isEmpty {
            head.keyID = sealer.keyID
        } else if head.keyID != sealer.keyID {
            throw StorageError(.auditKey, "the configured audit key (id \(sealer.keyID)) is not the key this audit chain was started with (id \(head.keyID)); configure the original key")
        }
        var records: [AuditRecord] = []
        records.reserveCapacity(events.count)
        for e in events {
            let r = sealer.seal(e, id: head.lastID + 1, previousMAC: head.lastMAC)
            records.append(r)
            head.lastID = r.id
            head.lastMAC = r.mac
        }
        try await bulkInsert(into: "audit_log", columns: Self.auditColumns, rows: records.map { r in
            let e = r.event
            return [.int(r.id), .int(e.at.auditMillis), .text(e.actor), .text(e.action), .text(e.target), .text(e.source),
                    .text(e.result.rawValue), .text(e.detail), .text(r.previousMAC), .text(r.mac)]
        }, in: db)
        try await db.update("audit_head").set("last_id", to: head.lastID).set("last_mac", to: head.lastMAC).set("key_id", to: head.keyID)
            .where("id", .equal, 1).run()
    }

    /// Appends `events` in a transaction of their own.
    public func appendAudit(_ events: [AuditEvent]) async throws {
        try await transaction { db in try await self.appendAudit(events, in: db) }
    }

    private func lockedAuditHead(in db: any SQLDatabase) async throws -> AuditHead {
        let row = try await db.raw("SELECT last_id, last_mac, key_id FROM audit_head WHERE id = 1\(unsafeRaw: dialect.forUpdate)").first()
        guard let row else { throw StorageError(.notMigrated, "the audit chain head is missing; run `tocsin migrate`") }
        return AuditHead(lastID: try row.decode(column: "last_id", as: Int64.self), lastMAC: try row.decode(column: "last_mac", as: String.self),
                         keyID: try row.decode(column: "key_id", as: String.self))
    }

    /// The chain head as stored (publish it somewhere the database admin cannot rewrite, so a cut
    /// at the end of the chain shows).
    public func auditHead() async throws -> AuditHead {
        try await lockedAuditHead(in: sql)
    }

    /// Audit records in id order after `afterID`, optionally for one actor or action prefix.
    public func auditRecords(after afterID: Int64 = 0, limit: Int = 100, actor: String? = nil, actionPrefix: String? = nil) async throws -> [AuditRecord] {
        let q = sql.select().columns(Self.auditColumns.map { SQLColumn($0) }).from("audit_log").where("id", .greaterThan, afterID)
        if let actor { _ = q.where("actor", .equal, actor) }
        if let actionPrefix { _ = q.where("action", .like, actionPrefix + "%") }
        return try await q.orderBy("id").limit(limit).all().map { row in
            AuditRecord(id: try row.decode(column: "id", as: Int64.self),
                        event: AuditEvent(at: Date(millis: try row.decode(column: "at", as: Int64.self)), actor: try row.decode(column: "actor", as: String.self),
                                          action: try row.decode(column: "action", as: String.self), target: try row.decode(column: "target", as: String.self),
                                          source: try row.decode(column: "source", as: String.self),
                                          result: AuditEvent.Result(rawValue: try row.decode(column: "result", as: String.self)) ?? .failure,
                                          detail: try row.decode(column: "detail", as: String.self)),
                        previousMAC: try row.decode(column: "prev_mac", as: String.self), mac: try row.decode(column: "mac", as: String.self))
        }
    }

    /// Recomputes the whole chain with `sealer` (default: the store's), page by page.
    /// - Throws: `.auditKey` when no key is configured.
    public func verifyAudit(with sealer: (any AuditSealer)? = nil, pageSize: Int = 2000) async throws -> AuditChainVerifier.Report {
        guard let sealer = sealer ?? auditSealer else {
            throw StorageError(.auditKey, "no audit key is configured, so the chain cannot be verified: set TOCSIN_AUDIT_KEY or TOCSIN_AUDIT_KEY_FILE / --audit-key-file to the key the chain was started with")
        }
        var verifier = AuditChainVerifier(sealer: sealer, head: try await auditHead())
        var after = Int64.min
        while true {
            let page = try await auditRecords(after: after, limit: pageSize)
            for r in page { verifier.consume(r) }
            guard let last = page.last, page.count == pageSize else { break }
            after = last.id
        }
        return verifier.finish()
    }
}

import Foundation
import SQLKit
import TocsinCore

/// Dispatch rows and planning (docs/dispatch.md "Planning").
extension Store {
    /// Creates the `dispatches` row of a warning, or returns the existing one: a second approval
    /// of the same warning opens nothing new. `created` says which.
    public func openDispatch(warningID: String, priority: Int, approvedAt: Date, expiresAt: Date,
                             warningJSON: String) async throws -> (record: DispatchRecord, created: Bool) {
        let created = try await transaction { db in
            let existing = try await db.raw("SELECT id FROM dispatches WHERE warning_id = \(bind: warningID)").first()
            guard existing == nil else { return false }
            try await db.raw("""
                INSERT INTO dispatches (warning_id, priority, approved_at, expires_at, warning)
                VALUES (\(bind: warningID), \(bind: priority), \(bind: approvedAt.millis), \(bind: expiresAt.millis), \(bind: warningJSON))
                """).run()
            return true
        }
        guard let record = try await dispatchRecord(warningID: warningID) else {
            throw StorageError(.notFound, "dispatch of \(warningID) vanished after it was opened")
        }
        return (record, created)
    }

    /// The dispatch of a warning, or nil when it was never dispatched.
    public func dispatchRecord(warningID: String) async throws -> DispatchRecord? {
        try await dispatchRecords(where: "warning_id = ?", [.text(warningID)]).first
    }

    /// Dispatches not finished yet (planning incomplete or deliveries open), oldest first.
    public func unfinishedDispatches() async throws -> [DispatchRecord] {
        try await dispatchRecords(where: "finished_at IS NULL", [])
    }

    /// Inserts one batch of planned deliveries (state `queued`) in one transaction, skipping
    /// numbers the dispatch already has (a re-run after a crash plans only what is missing).
    /// Returns how many rows are new.
    public func planDeliveries(_ rows: [PlannedDelivery], dispatchID: Int64, priority: Int) async throws -> Int {
        guard !rows.isEmpty else { return 0 }
        let values = rows.map { r -> [BulkValue] in
            [.int(dispatchID), .int(r.number), .int(r.contactID), .int(Int64(r.carrier)), .int(Int64(r.route)), .int(Int64(priority))]
        }
        if let direct = sqliteDirect {
            // Row by row through one prepared statement; a row the dispatch has already changes nothing.
            return try await directTransaction(direct) { c in
                try values.reduce(0) { added, row in added + (try c.run(Self.planRowSQL, row)) }
            }
        }
        return try await transaction { db in
            let before = try await self.changeCount(in: db)
            let existing = try await self.alreadyPlanned(rows, dispatchID: dispatchID, in: db)
            // Rows as one JSON parameter (see `Store.json`); `WHERE 1 = 1` lets SQLite parse the upsert.
            try await self.fastRun("""
                INSERT INTO deliveries (dispatch_id, number, contact_id, carrier, route, priority)
                \(self.jsonRows(["d", "n", "c", "k", "r", "p"], [.bigint, .bigint, .bigint, .bigint, .bigint, .bigint])) WHERE 1 = 1
                ON CONFLICT DO NOTHING
                """, [.text(Self.json(values))], in: db)
            if self.dialect == .sqlite { return try await self.changeCount(in: db) - before }
            return rows.count - existing
        }
    }

    /// One planned delivery bound as `?1` … `?6` (the direct SQLite writer).
    private static let planRowSQL = """
        INSERT INTO deliveries (dispatch_id, number, contact_id, carrier, route, priority) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT DO NOTHING
        """

    /// Records that planning is complete with `planned` deliveries in total.
    public func finishPlanning(dispatchID: Int64, planned: Int, at: Date) async throws {
        try await transaction { db in
            try await db.raw("UPDATE dispatches SET planned = \(bind: planned), planned_at = \(bind: at.millis) WHERE id = \(bind: dispatchID)").run()
        }
    }

    /// Records a stop (cancel, supersede, withdraw) on the dispatch.
    public func markDispatchStopped(dispatchID: Int64, reason: String, at: Date) async throws {
        try await transaction { db in
            try await db.raw("""
                UPDATE dispatches SET stopped_at = COALESCE(stopped_at, \(bind: at.millis)), stop_reason = COALESCE(stop_reason, \(bind: reason))
                WHERE id = \(bind: dispatchID)
                """).run()
        }
    }

    /// On PostgreSQL, how many of `rows` the dispatch already has (SQLite counts changes instead).
    private func alreadyPlanned(_ rows: [PlannedDelivery], dispatchID: Int64, in db: any SQLDatabase) async throws -> Int {
        guard dialect == .postgres else { return 0 }
        var n = 0
        for chunk in rows.chunked(into: 1000) {
            let row = try await db.raw("""
                SELECT COUNT(*) AS n FROM deliveries WHERE dispatch_id = \(bind: dispatchID) AND number IN (\(binds: chunk.map(\.number)))
                """).first()
            n += try row?.decode(column: "n", as: Int.self) ?? 0
        }
        return n
    }

    /// Rows changed so far on the SQLite writer connection (`total_changes()`); 0 on PostgreSQL.
    private func changeCount(in db: any SQLDatabase) async throws -> Int {
        guard dialect == .sqlite else { return 0 }
        let row = try await db.raw("SELECT total_changes() AS n").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    private func dispatchRecords(where condition: String, _ binds: [BulkValue]) async throws -> [DispatchRecord] {
        let sink = RowSink<[DispatchRecord]>([])
        try await fastRead("""
            SELECT id, warning_id, priority, approved_at, expires_at, warning, planned, planned_at, started_at, first_submit_at,
                last_submit_at, delivered50_at, delivered90_at, delivered99_at, finished_at, stopped_at, stop_reason
            FROM dispatches WHERE \(condition) ORDER BY id
            """, binds) { row in
            func date(_ c: String) -> Date? { row.int(c).map(Date.init(millis:)) }
            let record = DispatchRecord(
                id: row.int("id") ?? 0, warningID: row.text("warning_id") ?? "", priority: Int(row.int("priority") ?? 0),
                approvedAt: date("approved_at") ?? Date(millis: 0), expiresAt: date("expires_at") ?? Date(millis: 0),
                warningJSON: row.text("warning") ?? "", planned: Int(row.int("planned") ?? 0), plannedAt: date("planned_at"),
                startedAt: date("started_at"), firstSubmitAt: date("first_submit_at"), lastSubmitAt: date("last_submit_at"),
                delivered50At: date("delivered50_at"), delivered90At: date("delivered90_at"), delivered99At: date("delivered99_at"),
                finishedAt: date("finished_at"), stoppedAt: date("stopped_at"), stopReason: row.text("stop_reason"))
            sink.update { $0.append(record) }
        }
        return try sink.result()
    }
}

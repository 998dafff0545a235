import Foundation
import SQLKit
import TocsinCore

/// The deliveries queue: claims with leases, group-committed outcomes, sweeps and recovery
/// (docs/dispatch.md "Sending", "Recovery").
extension Store {
    /// Claims up to `limit` queued deliveries of `route` within `priorities`, highest priority
    /// (smallest value) first, then planning order: state `claimed`, `attempts + 1`, leased to
    /// `owner` until `leaseUntil`. Skips rows whose retry is not due (`not_before` after `now`)
    /// and rows to keep away from `avoiding` (the account that just failed them).
    ///
    /// PostgreSQL: `FOR UPDATE SKIP LOCKED`, so nodes claiming together never take the same row.
    /// SQLite: the one writer makes the statement atomic.
    public func claimDeliveries(route: Int, priorities: ClosedRange<Int>, limit: Int, owner: String, leaseUntil: Date,
                                now: Date, avoiding: String) async throws -> [ClaimedDelivery] {
        let lock = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let sql = """
            UPDATE deliveries SET state = 1, attempts = attempts + 1, lease_owner = ?, lease_until = ?
            WHERE id IN (SELECT id FROM deliveries WHERE state = 0 AND route = ? AND priority BETWEEN ? AND ?
                AND not_before <= ? AND (avoid_account IS NULL OR avoid_account <> ?) ORDER BY priority, id LIMIT ?\(lock))
            RETURNING id, dispatch_id, number, carrier, priority, attempts
            """
        let binds: [BulkValue] = [.text(owner), .int(leaseUntil.millis), .int(Int64(route)), .int(Int64(priorities.lowerBound)),
                                  .int(Int64(priorities.upperBound)), .int(now.millis), .text(avoiding), .int(Int64(limit))]
        if let direct = sqliteDirect {
            let claimed = try await directTransaction(direct) { c in
                var claimed: [ClaimedDelivery] = []
                try c.run(sql, binds) { row in
                    claimed.append(ClaimedDelivery(id: row.int(0) ?? 0, dispatchID: row.int(1) ?? 0, number: row.int(2) ?? 0,
                                                   carrier: Int(row.int(3) ?? 0), priority: Int(row.int(4) ?? 0),
                                                   attempt: Int(row.int(5) ?? 0), leaseUntil: leaseUntil))
                }
                return claimed
            }
            return claimed.sorted { ($0.priority, $0.id) < ($1.priority, $1.id) }
        }
        let sink = RowSink<[ClaimedDelivery]>([])
        try await transaction { db in
            try await self.fastRun(sql, binds, in: db) { row in
                let claimed = ClaimedDelivery(id: row.int("id") ?? 0, dispatchID: row.int("dispatch_id") ?? 0, number: row.int("number") ?? 0,
                                              carrier: Int(row.int("carrier") ?? 0), priority: Int(row.int("priority") ?? 0),
                                              attempt: Int(row.int("attempts") ?? 0), leaseUntil: leaseUntil)
                sink.update { $0.append(claimed) }
            }
        }
        // RETURNING does not promise an order.
        return try sink.result().sorted { ($0.priority, $0.id) < ($1.priority, $1.id) }
    }

    /// Writes a batch of outcomes in one transaction (group commit) and says which took effect.
    /// Acceptances and reports go in one statement, a report merged into the acceptance of the
    /// same delivery when both are in the batch (the report overtook its submit response); a batch
    /// of only those is one statement without `BEGIN`/`COMMIT`.
    ///
    /// `committed` gets what took effect once the batch is durable, before this returns, and only
    /// if it returns: on the SQLite writer's thread right after its commit (the recorder lets the
    /// senders waiting for the commit go on from there, without a hop back to its own task first).
    public func apply(_ changes: DeliveryChanges, committed: (@Sendable (AppliedChanges) -> Void)? = nil) async throws -> AppliedChanges {
        guard !changes.isEmpty else {
            committed?(AppliedChanges())
            return AppliedChanges()
        }
        let sink = RowSink<AppliedChanges>(AppliedChanges())
        let (outcomes, accepted, reported) = Self.outcomeRows(changes)
        let onlyOutcomes = changes.isOnlyOutcomes
        let record: @Sendable (FastRow) -> Void = { row in
            guard let id = row.int("id") else { return }
            sink.update { a in
                if accepted.contains(id) { a.accepted.insert(id) }
                if reported.contains(id) { a.reported.insert(id) }
            }
        }
        if onlyOutcomes, let direct = sqliteDirect {
            // Row by row through one prepared statement; `changes` says whether the guard held.
            return try await directTransaction(direct, afterCommit: committed) { c in
                try Self.writeOutcomeRows(outcomes, accepted: accepted, reported: reported, in: c)
            }
        }
        let outcomeBinds: [BulkValue] = [.text(Self.json(outcomes))]
        if onlyOutcomes {
            try await fastWrite(outcomeSQL, outcomeBinds, row: record)
            let applied = try sink.result()
            committed?(applied)
            return applied
        }
        try await transaction { db in
            if !outcomes.isEmpty { try await self.fastRun(self.outcomeSQL, outcomeBinds, in: db, row: record) }
            for chunk in changes.closed.chunked(into: 5_000) {
                try await self.updateFrom(["vid": .bigint, "vatt": .bigint, "vst": .bigint, "vcode": .text, "vwhy": .text, "vat": .bigint],
                                          chunk.map { [.int($0.id), .int(Int64($0.attempt)), .int(Int64($0.state.rawValue)), .text($0.statusCode), .text($0.reason), .int($0.at.millis)] },
                                          set: "state = v.vst, status_code = v.vcode, reason = v.vwhy, finished_at = v.vat, lease_owner = NULL, lease_until = NULL",
                                          guard: "deliveries.attempts = v.vatt AND deliveries.state IN (0, 1)", in: db) { id in sink.update { $0.closed.insert(id) } }
            }
            for chunk in changes.requeued.chunked(into: 5_000) {
                try await self.updateFrom(["vid": .bigint, "vatt": .bigint, "vnb": .bigint, "vavoid": .text, "vwhy": .text, "vrel": .bigint],
                                          chunk.map { [.int($0.id), .int(Int64($0.attempt)), .int($0.notBefore.millis), .text($0.avoidAccount), .text($0.reason), .int($0.release ? 1 : 0)] },
                                          set: "state = 0, attempts = deliveries.attempts - v.vrel, not_before = v.vnb, avoid_account = v.vavoid, reason = COALESCE(v.vwhy, deliveries.reason), lease_owner = NULL, lease_until = NULL",
                                          guard: "deliveries.attempts = v.vatt AND deliveries.state = 1", in: db) { id in sink.update { $0.requeued.insert(id) } }
            }
            for chunk in changes.acknowledged.chunked(into: 5_000) {
                try await self.updateFrom(["vid": .bigint, "vat": .bigint], chunk.map { [.int($0.id), .int($0.at.millis)] },
                                          set: "acked_at = v.vat", guard: "deliveries.acked_at IS NULL", in: db) { id in sink.update { $0.acknowledged.insert(id) } }
            }
            for s in changes.stamps { try await self.writeStamps(s, in: db) }
        }
        let applied = try sink.result()
        committed?(applied)
        return applied
    }

    /// Writes `first` and then each batch `next()` hands over, every one its own transaction, one
    /// after the other in a single job of the direct SQLite writer: the group commit's next batch
    /// starts the moment the previous one is durable, without handing the writer back to a task
    /// and waiting to get it again. A batch's `committed` runs on the writer's thread right after
    /// its commit. The turn ends when `next()` has nothing (or nothing it may hand over: see
    /// `OutcomeBatch`) or after `budget`, so claims and planning wait at most that long for the
    /// writer. Without the direct writer (PostgreSQL, in-memory SQLite) only `first` is written,
    /// as `apply` does.
    ///
    /// - Throws: `OutcomeTurnError` with the batch whose transaction failed (rolled back; those
    ///   before it are committed, those after it were never taken).
    public func applyOutcomes(_ first: OutcomeBatch, budget: Duration, next: @escaping @Sendable () -> OutcomeBatch?) async throws {
        guard let direct = sqliteDirect, first.changes.isOnlyOutcomes else {
            do { _ = try await apply(first.changes, committed: first.committed) } catch { throw OutcomeTurnError(batch: first, underlying: error) }
            return
        }
        do {
            try await withWriteLock {
                try await direct.session { session in
                    let deadline = ContinuousClock.now + budget
                    var batch: OutcomeBatch? = first
                    while let current = batch {
                        let (outcomes, accepted, reported) = Self.outcomeRows(current.changes)
                        let applied: AppliedChanges
                        do {
                            applied = try session.transaction { c in
                                try Self.writeOutcomeRows(outcomes, accepted: accepted, reported: reported, in: c)
                            }
                        } catch {
                            throw OutcomeTurnError(batch: current, underlying: error)
                        }
                        current.committed(applied)
                        batch = ContinuousClock.now < deadline ? next() : nil
                    }
                }
            }
        } catch let error as OutcomeTurnError {
            throw error
        } catch {
            // The writer could not be reached at all: nothing of `first` was written.
            throw OutcomeTurnError(batch: first, underlying: error)
        }
    }

    /// Acceptances and reports row by row through the prepared `outcomeRowSQL`; `sqlite3_changes`
    /// says whether the row's guard held.
    private static func writeOutcomeRows(_ rows: [[BulkValue]], accepted: Set<Int64>, reported: Set<Int64>,
                                         in c: SQLiteDirect.Connection) throws -> AppliedChanges {
        var applied = AppliedChanges()
        for row in rows {
            guard case .int(let id) = row[0], try c.run(outcomeRowSQL, row) == 1 else { continue }
            if accepted.contains(id) { applied.accepted.insert(id) }
            if reported.contains(id) { applied.reported.insert(id) }
        }
        return applied
    }

    /// One `VALUES` row per delivery for acceptances and reports: `vatt` (attempt) is set for an
    /// acceptance, `vcode` for a report, both when a report is merged into its acceptance.
    private static func outcomeRows(_ changes: DeliveryChanges) -> (rows: [[BulkValue]], accepted: Set<Int64>, reported: Set<Int64>) {
        var rows: [[BulkValue]] = []
        rows.reserveCapacity(changes.accepted.count + changes.reported.count)
        var index: [Int64: Int] = [:]
        var reported: Set<Int64> = []
        for a in changes.accepted where index[a.id] == nil {
            index[a.id] = rows.count
            rows.append([.int(a.id), .int(Int64(a.attempt)), .int(Int64(DeliveryState.submitted.rawValue)), .text(a.account), .text(a.messageID),
                         .int(a.at.millis), .null, .null, .null])
        }
        for r in changes.reported where !reported.contains(r.id) {
            reported.insert(r.id)
            let report: [BulkValue] = [.text(r.statusCode), .text(r.reason), .int(r.at.millis)]
            if let i = index[r.id] {
                rows[i][2] = .int(Int64(r.state.rawValue))
                rows[i].replaceSubrange(6...8, with: report)
            } else {
                rows.append([.int(r.id), .null, .int(Int64(r.state.rawValue)), .null, .null, .null] + report)
            }
        }
        return (rows, Set(index.keys), reported)
    }

    /// One statement for every acceptance and report of a batch, its rows bound as one JSON text.
    private var outcomeSQL: String {
        "WITH v(vid, vatt, vst, vacc, vmid, vsub, vcode, vwhy, vfin) AS ("
            + jsonRows(["vid", "vatt", "vst", "vacc", "vmid", "vsub", "vcode", "vwhy", "vfin"],
                       [.bigint, .bigint, .bigint, .text, .text, .bigint, .text, .text, .bigint])
            + """
            ) UPDATE deliveries SET state = v.vst, account = COALESCE(v.vacc, deliveries.account),
                message_id = COALESCE(v.vmid, deliveries.message_id), submitted_at = COALESCE(v.vsub, deliveries.submitted_at),
                status_code = COALESCE(v.vcode, deliveries.status_code),
                reason = CASE WHEN v.vcode IS NULL THEN deliveries.reason ELSE v.vwhy END,
                finished_at = COALESCE(v.vfin, deliveries.finished_at),
                lease_owner = CASE WHEN v.vatt IS NULL THEN deliveries.lease_owner END,
                lease_until = CASE WHEN v.vatt IS NULL THEN deliveries.lease_until END
            FROM v WHERE deliveries.id = v.vid
                AND ((v.vatt IS NOT NULL AND deliveries.attempts = v.vatt) OR (v.vatt IS NULL AND deliveries.state = 2))
            RETURNING id
            """
    }

    /// `outcomeSQL` for one row of `outcomeRows` bound as `?1` … `?9` (the direct SQLite writer).
    private static let outcomeRowSQL = """
        UPDATE deliveries SET state = ?3, account = COALESCE(?4, account), message_id = COALESCE(?5, message_id),
            submitted_at = COALESCE(?6, submitted_at), status_code = COALESCE(?7, status_code),
            reason = CASE WHEN ?7 IS NULL THEN reason ELSE ?8 END, finished_at = COALESCE(?9, finished_at),
            lease_owner = CASE WHEN ?2 IS NULL THEN lease_owner END, lease_until = CASE WHEN ?2 IS NULL THEN lease_until END
        WHERE id = ?1 AND ((?2 IS NOT NULL AND attempts = ?2) OR (?2 IS NULL AND state = 2))
        """

    /// Runs `body` on the direct SQLite writer under the store's write lock; `afterCommit` as in
    /// `SQLiteDirect.transaction`.
    func directTransaction<T: Sendable>(_ direct: SQLiteDirect, afterCommit: (@Sendable (T) -> Void)? = nil,
                                        _ body: @escaping @Sendable (SQLiteDirect.Connection) throws -> T) async throws -> T {
        try await withWriteLock { try await direct.transaction(body, afterCommit: afterCommit) }
    }

    /// Moves every delivery of a dispatch in state `from` (and on `route`, when given) to
    /// `state` with `reason` (stop, expiry, no link for a carrier). Returns how many per carrier,
    /// as the update itself reports them (a concurrent claim on PostgreSQL is not counted twice).
    public func closeDeliveries(dispatchID: Int64, from old: DeliveryState, route: Int? = nil, to state: DeliveryState,
                                reason: String, at: Date) async throws -> [Int: Int] {
        let sink = RowSink<[Int: Int]>([:])
        let binds: [BulkValue] = [.int(Int64(state.rawValue)), .text(reason), .int(at.millis), .int(dispatchID), .int(Int64(old.rawValue))]
            + (route.map { [BulkValue.int(Int64($0))] } ?? [])
        try await transaction { db in
            try await self.fastRun("""
                UPDATE deliveries SET state = ?, reason = ?, finished_at = ?, lease_owner = NULL, lease_until = NULL
                WHERE dispatch_id = ? AND state = ?\(route == nil ? "" : " AND route = ?") RETURNING carrier
                """, binds, in: db) { row in
                let carrier = Int(row.int("carrier") ?? 0)
                sink.update { $0[carrier, default: 0] += 1 }
            }
        }
        return try sink.result()
    }

    /// Extends the leases `owner` still holds on `claims` (claimed, same attempt) to `until`, and
    /// says which it still held: a claim missing from the answer was taken back (its lease ran out
    /// and another node returned it) and must not be sent.
    public func renewLeases(_ claims: [ClaimedDelivery], owner: String, until: Date) async throws -> Set<Int64> {
        guard !claims.isEmpty else { return [] }
        let sink = RowSink<Set<Int64>>([])
        try await transaction { db in
            for chunk in claims.chunked(into: 5_000) {
                try await self.updateFrom(["vid": .bigint, "vatt": .bigint, "vown": .text, "vuntil": .bigint],
                                          chunk.map { [.int($0.id), .int(Int64($0.attempt)), .text(owner), .int(until.millis)] },
                                          set: "lease_until = v.vuntil",
                                          guard: "deliveries.state = 1 AND deliveries.attempts = v.vatt AND deliveries.lease_owner = v.vown",
                                          in: db) { id in sink.update { $0.insert(id) } }
            }
        }
        return try sink.result()
    }

    /// Returns claims of other owners to the queue: all of them (`onlyExpired` false: SQLite, one
    /// process, on start) or only leases that ran out before `now` (PostgreSQL, several nodes).
    /// A delivery with a message id is never claimed, so it is never resubmitted. Returns how many.
    @discardableResult
    public func returnClaims(owner: String, onlyExpired: Bool, now: Date) async throws -> Int {
        let sink = RowSink<Int>(0)
        try await transaction { db in
            // Never this node's own claims: it is alive and checks its leases before sending.
            let condition = "(lease_owner IS NULL OR lease_owner <> ?)" + (onlyExpired ? " AND lease_until < ?" : "")
            let binds: [BulkValue] = [.text(owner)] + (onlyExpired ? [.int(now.millis)] : [])
            try await self.fastRun("""
                UPDATE deliveries SET state = 0, lease_owner = NULL, lease_until = NULL WHERE state = 1 AND \(condition) RETURNING id
                """, binds, in: db) { _ in sink.update { $0 += 1 } }
        }
        return try sink.result()
    }

    /// `WITH v(cols) AS (rows of one JSON parameter) UPDATE deliveries SET … FROM v WHERE id =
    /// v.vid AND guard RETURNING id`, calling `changed` with each updated id. Column names are
    /// code constants.
    private func updateFrom(_ columns: KeyValuePairs<String, FastType>, _ rows: [[BulkValue]], set: String, guard condition: String,
                            in db: any SQLDatabase, changed: @escaping @Sendable (Int64) -> Void) async throws {
        guard !rows.isEmpty else { return }
        let sql = "WITH v(" + columns.map(\.key).joined(separator: ", ") + ") AS (" + jsonRows(columns.map(\.key), columns.map(\.value))
            + ") UPDATE deliveries SET " + set + " FROM v WHERE deliveries.id = v.vid AND " + condition + " RETURNING id"
        try await fastRun(sql, [.text(Self.json(rows))], in: db) { row in
            if let id = row.int("id") { changed(id) }
        }
    }

    private func writeStamps(_ s: DeliveryChanges.Stamps, in db: any SQLDatabase) async throws {
        func keep(_ d: Date?) -> BulkValue { d.map { .int($0.millis) } ?? .null }
        try await fastRun("""
            UPDATE dispatches SET started_at = COALESCE(started_at, ?), first_submit_at = COALESCE(first_submit_at, ?),
                last_submit_at = COALESCE(?, last_submit_at), delivered50_at = COALESCE(delivered50_at, ?),
                delivered90_at = COALESCE(delivered90_at, ?), delivered99_at = COALESCE(delivered99_at, ?),
                finished_at = COALESCE(finished_at, ?) WHERE id = ?
            """, [keep(s.startedAt), keep(s.firstSubmitAt), keep(s.lastSubmitAt), keep(s.delivered50At), keep(s.delivered90At),
                  keep(s.delivered99At), keep(s.finishedAt), .int(s.dispatchID)], in: db)
    }
}

import SQLKit

extension Migrations {
    /// The `dispatch` migration: one `dispatches` row per dispatched warning (its milestones and
    /// the warning as approved, so planning can resume after a crash) and the `deliveries` queue,
    /// one row per (warning, number) (docs/dispatch.md).
    ///
    /// Indexes, each for one access path: `(number, dispatch_id)` is the unique key and finds the
    /// latest warning sent to a number (MO replies); `(dispatch_id, id)` pages the ledger and
    /// sweeps one warning; the partial `(route, priority, id) WHERE state = 0` is the queue a
    /// claim reads in priority order; `message_id` matches status reports after a restart;
    /// `lease_until WHERE state = 1` finds expired leases.
    static func dispatch(_ db: any SQLDatabase, _ d: StoreDialect) async throws {
        let ts = d.bigint
        let statements: [String] = [
            """
            CREATE TABLE dispatches (\(d.idColumn), warning_id TEXT NOT NULL UNIQUE, priority INTEGER NOT NULL,
                approved_at \(ts) NOT NULL, expires_at \(ts) NOT NULL, warning TEXT NOT NULL, planned INTEGER NOT NULL DEFAULT 0,
                planned_at \(ts), started_at \(ts), first_submit_at \(ts), last_submit_at \(ts), delivered50_at \(ts),
                delivered90_at \(ts), delivered99_at \(ts), finished_at \(ts), stopped_at \(ts), stop_reason TEXT)
            """,
            """
            CREATE TABLE deliveries (\(d.idColumn), dispatch_id \(ts) NOT NULL REFERENCES dispatches(id), number \(ts) NOT NULL,
                contact_id \(ts), carrier INTEGER NOT NULL, route INTEGER NOT NULL, priority INTEGER NOT NULL,
                state INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, not_before \(ts) NOT NULL DEFAULT 0,
                lease_owner TEXT, lease_until \(ts), avoid_account TEXT, account TEXT, message_id TEXT, submitted_at \(ts),
                finished_at \(ts), status_code TEXT, reason TEXT, acked_at \(ts))
            """,
            "CREATE UNIQUE INDEX deliveries_number ON deliveries (number, dispatch_id)",
            "CREATE INDEX deliveries_dispatch ON deliveries (dispatch_id, id)",
            "CREATE INDEX deliveries_queue ON deliveries (route, priority, id) WHERE state = 0",
            "CREATE INDEX deliveries_message ON deliveries (message_id) WHERE message_id IS NOT NULL",
            "CREATE INDEX deliveries_leases ON deliveries (lease_until) WHERE state = 1",
        ]
        for s in statements { try await db.raw(SQLQueryString(s)).run() }
    }
}

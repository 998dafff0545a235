import SQLKit

extension Migrations {
    /// Warnings and their status history (docs/storage.md, docs/api.md).
    ///
    /// `warnings` keeps the queryable columns next to the whole `Warning` value as JSON
    /// (`document`), and a `version` that every write must match (optimistic concurrency: two
    /// reviewers acting on the same warning at once cannot both win). `warning_events` is the
    /// history, one row per transition or edit, written in the same transaction as the warning and
    /// as its audit-chain record.
    static func warnings(_ db: any SQLDatabase, _ d: StoreDialect) async throws {
        let ts = d.bigint
        let statements: [String] = [
            """
            CREATE TABLE warnings (id TEXT PRIMARY KEY, version INTEGER NOT NULL, state TEXT NOT NULL, level TEXT NOT NULL,
                hazard_code TEXT NOT NULL, mode TEXT NOT NULL, msg_type TEXT NOT NULL, author TEXT NOT NULL,
                effective \(ts) NOT NULL, expires \(ts) NOT NULL, replaced_by TEXT, created_at \(ts) NOT NULL,
                updated_at \(ts) NOT NULL, document TEXT NOT NULL)
            """,
            "CREATE INDEX warnings_state ON warnings (state, updated_at)",
            "CREATE INDEX warnings_author ON warnings (author, updated_at)",
            "CREATE INDEX warnings_expires ON warnings (expires)",
            """
            CREATE TABLE warning_events (\(d.idColumn), warning_id TEXT NOT NULL REFERENCES warnings(id), version INTEGER NOT NULL,
                action TEXT NOT NULL, actor TEXT NOT NULL, at \(ts) NOT NULL, from_state TEXT NOT NULL, to_state TEXT NOT NULL,
                comment TEXT NOT NULL, related_id TEXT, source TEXT NOT NULL)
            """,
            "CREATE UNIQUE INDEX warning_events_version ON warning_events (warning_id, version)",
        ]
        for s in statements { try await db.raw(SQLQueryString(s)).run() }
    }
}

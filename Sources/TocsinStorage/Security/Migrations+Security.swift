import SQLKit

extension Migrations {
    /// Version 3: users and their password history, sessions, API tokens, and the append-only
    /// audit chain (`audit_log` + the one-row `audit_head`). Triggers on both engines refuse
    /// UPDATE and DELETE of audit records (and TRUNCATE on PostgreSQL), and refuse moving the
    /// head backwards or deleting it. Someone with DDL rights can drop the triggers; the HMAC
    /// chain (`tocsin audit verify`) is what then detects the change.
    static func v3(_ db: any SQLDatabase, _ d: StoreDialect) async throws {
        let ts = d.bigint
        var statements: [String] = [
            """
            CREATE TABLE users (\(d.idColumn), name TEXT NOT NULL UNIQUE, roles TEXT NOT NULL, password_hash TEXT NOT NULL,
                password_changed_at \(ts) NOT NULL, must_change BOOLEAN NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0,
                locked_until \(ts), disabled BOOLEAN NOT NULL DEFAULT FALSE, created_at \(ts) NOT NULL)
            """,
            "CREATE TABLE password_history (\(d.idColumn), user_id \(ts) NOT NULL REFERENCES users(id), password_hash TEXT NOT NULL, set_at \(ts) NOT NULL)",
            "CREATE INDEX password_history_user ON password_history (user_id, id)",
            """
            CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, user_id \(ts) NOT NULL REFERENCES users(id), created_at \(ts) NOT NULL,
                last_seen_at \(ts) NOT NULL, source TEXT NOT NULL)
            """,
            "CREATE INDEX sessions_user ON sessions (user_id)",
            """
            CREATE TABLE api_tokens (\(d.idColumn), name TEXT NOT NULL, roles TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
                created_by TEXT NOT NULL, created_at \(ts) NOT NULL, expires_at \(ts), revoked_at \(ts))
            """,
            """
            CREATE TABLE audit_log (id \(ts) PRIMARY KEY, at \(ts) NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
                source TEXT NOT NULL, result TEXT NOT NULL, detail TEXT NOT NULL, prev_mac TEXT NOT NULL, mac TEXT NOT NULL)
            """,
            "CREATE INDEX audit_log_at ON audit_log (at)",
            "CREATE INDEX audit_log_actor ON audit_log (actor, id)",
            "CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), last_id \(ts) NOT NULL, last_mac TEXT NOT NULL, key_id TEXT NOT NULL)",
            "INSERT INTO audit_head (id, last_id, last_mac, key_id) VALUES (1, 0, '', '')",
        ]
        switch d {
        case .sqlite:
            statements += [
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END",
                "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END",
                "CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head BEGIN SELECT RAISE(ABORT, 'audit_head cannot be deleted'); END",
                """
                CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head WHEN NEW.last_id < OLD.last_id
                BEGIN SELECT RAISE(ABORT, 'audit_head cannot move backwards'); END
                """,
            ]
        case .postgres:
            statements += [
                """
                CREATE FUNCTION tocsin_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME = 'audit_head' AND TG_OP = 'UPDATE' THEN
                        IF NEW.last_id < OLD.last_id THEN RAISE EXCEPTION 'audit_head cannot move backwards'; END IF;
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$
                """,
                "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION tocsin_audit_append_only()",
                "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION tocsin_audit_append_only()",
                "CREATE TRIGGER audit_head_guard BEFORE UPDATE OR DELETE ON audit_head FOR EACH ROW EXECUTE FUNCTION tocsin_audit_append_only()",
                "CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head FOR EACH STATEMENT EXECUTE FUNCTION tocsin_audit_append_only()",
            ]
        }
        for s in statements { try await db.raw(SQLQueryString(s)).run() }
    }
}

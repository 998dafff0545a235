import NIOPosix
import VaporCSQLite

/// A second writer connection to an SQLite file, driven through SQLite's C API on a thread of
/// its own, for the dispatcher's hottest writes: the outcome batches of the group commit and the
/// claims. Statements are prepared once and kept; every row is bound and stepped directly, and
/// `sqlite3_changes` says whether it took effect — no JSON to parse, no `RETURNING` rows built
/// into Swift values, no statement text compiled per batch. Through SQLiteNIO the same batches cost
/// about three times as much writer time (docs/dispatch.md "Benchmark").
///
/// It is used only while the store's write lock is held, so it never contends with the
/// SQLiteNIO writer; a whole transaction runs in one job on its thread, so it is all or nothing
/// even when the awaiting task is cancelled.
final class SQLiteDirect: @unchecked Sendable {
    /// Mutable state touched only on `thread`.
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    private let thread: NIOThreadPool
    let path: String

    /// Opens `path` (which must exist: the store opened it first) with the store's pragmas.
    init(path: String) async throws {
        self.path = path
        thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        do {
            try await thread.runIfActive { [self] in try self.open() }
        } catch {
            try? await thread.shutdownGracefully()
            throw error
        }
    }

    private func open() throws {
        var h: OpaquePointer?
        let rc = sqlite_nio_sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let h else {
            let message = h.flatMap { sqlite_nio_sqlite3_errmsg($0).map { String(cString: $0) } } ?? "code \(rc)"
            sqlite_nio_sqlite3_close(h)
            throw SQLiteDirectError(message: "cannot open \(path): \(message)")
        }
        handle = h
        for pragma in ["PRAGMA busy_timeout = 5000", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON", "PRAGMA wal_autocheckpoint = 10000"] {
            try exec(pragma)
        }
    }

    /// Runs `body` inside `BEGIN IMMEDIATE` … `COMMIT` on the connection's thread; rolls back
    /// if it throws. `afterCommit` runs on that thread right after the commit, before the caller
    /// is resumed (whoever waits for the commit can be woken without another hop).
    func transaction<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T,
                                  afterCommit: (@Sendable (T) -> Void)? = nil) async throws -> T {
        try await session { session in
            let result = try session.transaction(body)
            afterCommit?(result)
            return result
        }
    }

    /// Runs `body` in one job on the connection's thread, where it may run several transactions
    /// one after the other (`Session.transaction`) without handing the thread back in between.
    func session<T: Sendable>(_ body: @escaping @Sendable (Session) throws -> T) async throws -> T {
        try await thread.runIfActive { [self] in try body(Session(owner: self)) }
    }

    /// The connection's thread inside `session`.
    struct Session {
        fileprivate let owner: SQLiteDirect

        /// Runs `body` inside `BEGIN IMMEDIATE` … `COMMIT`; rolls back if it throws.
        func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
            try owner.exec("BEGIN IMMEDIATE")
            do {
                let result = try body(Connection(owner: owner))
                try owner.exec("COMMIT")
                return result
            } catch {
                try? owner.exec("ROLLBACK")
                throw error
            }
        }
    }

    /// Finalises the statements, closes the connection and stops its thread.
    func close() async throws {
        try? await thread.runIfActive { [self] in
            for s in statements.values { sqlite_nio_sqlite3_finalize(s) }
            statements = [:]
            sqlite_nio_sqlite3_close(handle)
            handle = nil
        }
        try await thread.shutdownGracefully()
    }

    // MARK: - On the thread

    private func exec(_ sql: String) throws {
        let rc = sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(rc, sql) }
    }

    fileprivate func statement(_ sql: String) throws -> OpaquePointer {
        if let s = statements[sql] { return s }
        var s: OpaquePointer?
        let rc = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &s, nil)
        guard rc == SQLITE_OK, let s else { throw error(rc, sql) }
        statements[sql] = s
        return s
    }

    fileprivate func error(_ rc: Int32, _ sql: String) -> SQLiteDirectError {
        let message = sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "code \(rc)"
        return SQLiteDirectError(message: "\(message) (code \(rc)) in \(sql.prefix(80))")
    }

    /// The connection inside a `transaction` body.
    struct Connection {
        fileprivate let owner: SQLiteDirect

        /// Runs the prepared `sql` with `binds`; `row` sees each result row. Returns the number
        /// of rows the statement changed.
        @discardableResult
        func run(_ sql: String, _ binds: [BulkValue], row: ((Row) -> Void)? = nil) throws -> Int {
            let s = try owner.statement(sql)
            defer {
                sqlite_nio_sqlite3_reset(s)
                sqlite_nio_sqlite3_clear_bindings(s)
            }
            for (i, value) in binds.enumerated() {
                let index = Int32(i + 1)
                let rc: Int32 = switch value {
                case .int(let v): sqlite_nio_sqlite3_bind_int64(s, index, v)
                case .bool(let v): sqlite_nio_sqlite3_bind_int64(s, index, v ? 1 : 0)
                case .null: sqlite_nio_sqlite3_bind_null(s, index)
                case .text(let v): sqlite_nio_sqlite3_bind_text64(s, index, v, UInt64(v.utf8.count), SQLITE_TRANSIENT_DIRECT, UInt8(SQLITE_UTF8))
                }
                guard rc == SQLITE_OK else { throw owner.error(rc, sql) }
            }
            while true {
                let rc = sqlite_nio_sqlite3_step(s)
                if rc == SQLITE_DONE { break }
                guard rc == SQLITE_ROW else { throw owner.error(rc, sql) }
                row?(Row(statement: s))
            }
            return Int(sqlite_nio_sqlite3_changes(owner.handle))
        }
    }

    /// One result row, valid only inside the `row` callback.
    struct Row {
        fileprivate let statement: OpaquePointer
        /// Column `index` (0-based) as an integer; nil when NULL.
        func int(_ index: Int32) -> Int64? {
            sqlite_nio_sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : sqlite_nio_sqlite3_column_int64(statement, index)
        }
    }
}

/// SQLite's "copy the bytes now" destructor for bound text.
private let SQLITE_TRANSIENT_DIRECT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

struct SQLiteDirectError: Error, CustomStringConvertible {
    let message: String
    var description: String { "SQLite: \(message)" }
}

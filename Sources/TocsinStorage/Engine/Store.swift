import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit
import TocsinCore

/// The one store implementation over SQLKit, for SQLite and PostgreSQL.
///
/// - SQLite: WAL, one writer connection (transactions serialised by a lock), one reader
///   connection, busy timeout 5 s, foreign keys on.
/// - PostgreSQL: a connection pool; each transaction runs on one pooled connection.
///
/// Reads use `sql`; every write goes through `transaction`.
///
/// Writes that must be audited (address-book changes, security events) append to the audit
/// chain with `auditSealer`; without one they refuse (`appendAudit(_:in:)`).
public final class Store: Sendable {
    public let dialect: StoreDialect
    public let location: DatabaseLocation
    /// For reads (and single statements that need no transaction).
    public let sql: any SQLDatabase
    let writer: any SQLDatabase
    /// The SQLite reader connection itself, for bulk reads that bypass SQLKit's per-row decoding
    /// (`forEachIntegerRow`); nil on PostgreSQL.
    let sqliteReader: SQLiteConnection?
    /// The SQLite writer connection itself, for bulk inserts that skip SQLKit's per-value encoding.
    let sqliteWriter: SQLiteConnection?
    /// A writer connection driven through SQLite's C API, for the dispatcher's group commit and
    /// claims (`SQLiteDirect`); nil on PostgreSQL and in-memory SQLite.
    let sqliteDirect: SQLiteDirect?
    /// True when the dispatcher's outcome batches are written row by row through prepared
    /// statements (a SQLite file): a commit's fixed cost is then small.
    public var writesOutcomesRowByRow: Bool { sqliteDirect != nil }
    let logger: Logger
    /// Seals audit records (HMAC key held outside the database); `nil` when no key is configured.
    public let auditSealer: (any AuditSealer)?
    let writeLock = AsyncSerialLock()
    /// The in-memory targeting snapshot and its policy (Targeting/TargetingSnapshot.swift).
    let targetingSnapshots = TargetingSnapshotCache()
    private let closer: @Sendable () async throws -> Void

    private init(dialect: StoreDialect, location: DatabaseLocation, sql: any SQLDatabase, writer: any SQLDatabase,
                 sqliteReader: SQLiteConnection? = nil, sqliteWriter: SQLiteConnection? = nil, sqliteDirect: SQLiteDirect? = nil, logger: Logger,
                 auditSealer: (any AuditSealer)?, closer: @escaping @Sendable () async throws -> Void) {
        self.dialect = dialect
        self.location = location
        self.sql = sql
        self.writer = writer
        self.sqliteReader = sqliteReader
        self.sqliteWriter = sqliteWriter
        self.sqliteDirect = sqliteDirect
        self.logger = logger
        self.auditSealer = auditSealer
        self.closer = closer
    }

    /// Opens the database. Does not migrate: call `migrate()` (or `tocsin migrate`).
    /// - Parameter auditSealer: seals audit records; without it, audited writes are refused.
    public static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "tocsin.storage"),
                            auditSealer: (any AuditSealer)? = nil) async throws -> Store {
        switch location {
        case .sqlite(let path):
            let w = try await openSQLite(.file(path: path), logger: logger)
            let r = try await openSQLite(.file(path: path), logger: logger)
            let direct = try await SQLiteDirect(path: path)
            return Store(dialect: .sqlite, location: location, sql: r.sql(queryLogLevel: .trace), writer: w.sql(queryLogLevel: .trace), sqliteReader: r, sqliteWriter: w, sqliteDirect: direct, logger: logger, auditSealer: auditSealer) {
                try await direct.close()
                try await r.close()
                try await w.close()
            }
        case .sqliteMemory:
            let c = try await openSQLite(.memory, logger: logger)
            return Store(dialect: .sqlite, location: location, sql: c.sql(queryLogLevel: .trace), writer: c.sql(queryLogLevel: .trace), sqliteReader: c, sqliteWriter: c, logger: logger, auditSealer: auditSealer) {
                try await c.close()
            }
        case .postgres(let url):
            let config = try SQLPostgresConfiguration(url: url)
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: config),
                maxConnectionsPerEventLoop: 4,
                logger: logger,
                on: MultiThreadedEventLoopGroup.singleton
            )
            let db = pool.database(logger: logger).sql(queryLogLevel: .trace)
            // The pool is internally synchronised; AsyncKit predates Sendable annotations.
            let box = UncheckedSendableBox(pool)
            return Store(dialect: .postgres, location: location, sql: db, writer: db, logger: logger, auditSealer: auditSealer) {
                try await box.value.shutdownAsync()
            }
        }
    }

    static func openSQLite(_ storage: SQLiteConnection.Storage, logger: Logger) async throws -> SQLiteConnection {
        let c = try await SQLiteConnection.open(storage: storage, threadPool: .singleton, logger: logger,
                                                on: MultiThreadedEventLoopGroup.singleton.any())
        let db = c.sql()
        try await db.raw("PRAGMA journal_mode = WAL").run()
        try await db.raw("PRAGMA busy_timeout = 5000").run()
        try await db.raw("PRAGMA synchronous = NORMAL").run()
        try await db.raw("PRAGMA foreign_keys = ON").run()
        return c
    }

    /// Closes every connection. Call once, at the end.
    public func shutdown() async throws {
        try await closer()
    }

    /// Runs `body` holding the SQLite write lock, released however `body` ends: every SQLite
    /// write (SQLiteNIO writer or `SQLiteDirect`) goes through it, one at a time.
    func withWriteLock<T>(_ body: () async throws -> T) async throws -> T {
        await writeLock.lock()
        do {
            let result = try await body()
            await writeLock.unlock()
            return result
        } catch {
            await writeLock.unlock()
            throw error
        }
    }

    /// Runs `body` in one transaction on one connection: committed when it returns, rolled back
    /// when it throws. On SQLite, transactions are serialised (one writer).
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch dialect {
        case .sqlite:
            return try await withWriteLock { try await Self.inTransaction(writer, begin: "BEGIN IMMEDIATE", body) }
        case .postgres:
            return try await writer.withSession { session in
                try await Self.inTransaction(session, begin: "BEGIN", body)
            }
        }
    }

    private static func inTransaction<T>(_ db: any SQLDatabase, begin: String, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await db.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            // Not in the caller's task: a cancelled caller (a stopping dispatcher) would have its
            // ROLLBACK skipped too (SQLite's queries honour cancellation), leaving the connection
            // inside the transaction and every later BEGIN on it failing.
            await Task { try? await db.raw("ROLLBACK").run() }.value
            throw error
        }
    }

    /// Reserves `count` new ids for `table` (ids are assigned by the application so that bulk
    /// inserts can link child rows without a round trip per row). Call inside `transaction`.
    func reserveIDs(_ count: Int, table: String, in db: any SQLDatabase) async throws -> [Int64] {
        guard count > 0 else { return [] }
        switch dialect {
        case .sqlite:
            // One writer: nobody else can insert between this read and our inserts.
            let row = try await db.raw("SELECT COALESCE(MAX(id), 0) AS m FROM \(ident: table)").first()
            let max = try row?.decode(column: "m", as: Int64.self) ?? 0
            return (1...Int64(count)).map { max + $0 }
        case .postgres:
            let rows = try await db.raw("SELECT nextval(pg_get_serial_sequence(\(bind: table), 'id')) AS id FROM generate_series(1, \(bind: count))").all()
            return try rows.map { try $0.decode(column: "id", as: Int64.self) }
        }
    }
}

struct UncheckedSendableBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

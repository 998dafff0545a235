import Foundation
import SQLKit

/// A numbered, append-only schema step. Never edit a released migration: add the next number.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    let apply: @Sendable (any SQLDatabase, StoreDialect) async throws -> Void
}

/// The outcome of `Store.migrate()`.
public struct MigrationReport: Sendable, Equatable {
    public var applied: [Int]
    public var currentVersion: Int
}

extension Store {
    /// The schema version this binary knows.
    public static var knownSchemaVersion: Int { Migrations.all.map(\.version).max() ?? 0 }

    /// Applies every migration not yet recorded in `schema_migrations`, each in its own
    /// transaction. Running it twice is a no-op. On a database whose schema is newer than this
    /// binary, throws `.schemaTooNew` and changes nothing.
    @discardableResult
    public func migrate(now: Date = Date()) async throws -> MigrationReport {
        try await transaction { db in
            if self.dialect == .postgres {
                // Several nodes may start at once: migrate one at a time.
                try await db.raw("SELECT pg_advisory_xact_lock(7243001)").run()
            }
            try await db.raw("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at \(unsafeRaw: self.dialect.bigint) NOT NULL)
                """).run()
        }
        let current = try await schemaVersion()
        guard current <= Self.knownSchemaVersion else {
            throw StorageError(.schemaTooNew, "the database schema is at version \(current), newer than this tocsin binary knows (\(Self.knownSchemaVersion)); upgrade tocsin before using this database")
        }
        var applied: [Int] = []
        for migration in Migrations.all where migration.version > current {
            let dialect = self.dialect
            try await transaction { db in
                try await migration.apply(db, dialect)
                try await db.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(now.millis))
                    .run()
            }
            applied.append(migration.version)
        }
        return MigrationReport(applied: applied, currentVersion: try await schemaVersion())
    }

    /// The highest applied migration (0 on an empty database).
    public func schemaVersion() async throws -> Int {
        let row = try await sql.raw("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations").first()
        return try row?.decode(column: "v", as: Int.self) ?? 0
    }

    /// Throws `.notMigrated` unless the schema is exactly the version this binary knows.
    public func requireCurrentSchema() async throws {
        let v: Int
        do { v = try await schemaVersion() } catch { v = 0 }
        if v < Self.knownSchemaVersion {
            throw StorageError(.notMigrated, "the database is at schema version \(v), this binary needs \(Self.knownSchemaVersion): run `tocsin migrate` first")
        }
        if v > Self.knownSchemaVersion {
            throw StorageError(.schemaTooNew, "the database schema is at version \(v), newer than this tocsin binary knows (\(Self.knownSchemaVersion))")
        }
    }
}

extension Date {
    /// Unix milliseconds, the storage form of every timestamp.
    public var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
    public init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}

import Foundation
import SQLKit
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinStorage

/// The storage contract: every test runs on SQLite and on PostgreSQL (when available; always in CI).
@Suite struct MigrationContractTests {
    @Test(arguments: TestEngine.available)
    func migrateTwiceIsANoOp(engine: TestEngine) async throws {
        try await withTestStore(engine, migrate: false) { store in
            let first = try await store.migrate()
            #expect(first.applied == Migrations.all.map(\.version)) // numbers may have gaps while branches merge
            #expect(first.currentVersion == Store.knownSchemaVersion)
            let second = try await store.migrate()
            #expect(second.applied.isEmpty)
            #expect(second.currentVersion == Store.knownSchemaVersion)
            try await store.requireCurrentSchema()
        }
    }

    @Test(arguments: TestEngine.available)
    func unmigratedDatabaseIsRefusedClearly(engine: TestEngine) async throws {
        _ = try await withTestStore(engine, migrate: false) { store in
            await #expect { try await store.requireCurrentSchema() } throws: { error in
                (error as? StorageError)?.code == .notMigrated && "\(error)".contains("tocsin migrate")
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func newerSchemaIsAClearError(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await store.transaction { db in
                try await db.raw("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 0)").run()
            }
            await #expect { try await store.migrate() } throws: { error in
                (error as? StorageError)?.code == .schemaTooNew && "\(error)".contains("999")
            }
            await #expect { try await store.requireCurrentSchema() } throws: { ($0 as? StorageError)?.code == .schemaTooNew }
        }
    }

    @Test(arguments: TestEngine.available)
    func cataloguesAreSeeded(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let regions = try await store.regions()
            #expect(regions.all.count == 18)
            #expect(regions.find("海淀区")?.parentCode == "110000")
            let hazards = try await store.hazards()
            #expect(hazards.find("暴雨")?.code == "11B03")
            #expect(hazards.all.count == HazardCatalogue.default.all.count)
            let resolver = try await store.carrierResolver()
            #expect(resolver.carrier(for: try PhoneNumber(parsing: "13800138000")) == .chinaMobile)
            #expect(resolver.carrier(for: try PhoneNumber(parsing: "13490001234")) == .chinaTelecom)
            let levels = try await store.sql.raw("SELECT code FROM warning_levels ORDER BY level_rank").all()
            #expect(try levels.map { try $0.decode(column: "code", as: String.self) } == ["red", "orange", "yellow", "blue"])
        }
    }

    @Test(arguments: TestEngine.available)
    func failedTransactionLeavesNothing(engine: TestEngine) async throws {
        struct Boom: Error {}
        try await withTestStore(engine) { store in
            await #expect(throws: Boom.self) {
                try await store.transaction { db in
                    try await db.raw("INSERT INTO contact_groups (name, description) VALUES ('x', '')").run()
                    throw Boom()
                }
            }
            let groups = try await store.groups()
            #expect(groups.isEmpty)
        }
    }

    /// A transaction whose task is cancelled half-way (a dispatcher stopping like a crash) is all
    /// or nothing, and the next transaction on the same connection works. SQLite's queries honour
    /// cancellation, so it is rolled back; on PostgreSQL a started transaction runs to its end
    /// (the session is its own task) and commits whole.
    @Test(arguments: TestEngine.available)
    func cancelledTransactionIsAllOrNothingAndLeavesTheConnectionUsable(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let inserted = AsyncStream<Void>.makeStream()
            let task = Task {
                try await store.transaction { db in
                    try await db.raw("INSERT INTO contact_groups (name, description) VALUES ('x', '')").run()
                    inserted.continuation.yield()
                    try await Task.sleep(for: .milliseconds(500)) // cancelled here on SQLite
                    try await db.raw("INSERT INTO contact_groups (name, description) VALUES ('y', '')").run()
                }
            }
            for await _ in inserted.stream { break }
            task.cancel()
            let outcome = await task.result
            try await store.transaction { db in
                try await db.raw("INSERT INTO contact_groups (name, description) VALUES ('z', '')").run()
            }
            let names = try await store.groups().map(\.name).sorted()
            switch engine {
            case .sqlite:
                #expect(throws: CancellationError.self) { try outcome.get() }
                #expect(names == ["z"])
            case .postgres:
                #expect(names == ["x", "y", "z"])
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func loadsAnotherCitysRegions(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let shanghai = try RegionCatalogue(csv: "310000,上海市,\n310115,浦东新区,310000")
            try await store.loadRegions(shanghai, actor: "t", now: Date())
            #expect(try await store.regions().find("浦东新区")?.code == "310115")
            #expect(try await store.regions().all.count == 20)
            #expect(try await store.changes(entity: "regions").count == 1)
        }
    }

    @Test func locationParsing() throws {
        #expect(try DatabaseLocation(parsing: "sqlite:/tmp/a.sqlite") == .sqlite(path: "/tmp/a.sqlite"))
        #expect(try DatabaseLocation(parsing: "sqlite::memory:") == .sqliteMemory)
        let pg = try DatabaseLocation(parsing: "postgres://tocsin:s3cret@db:5432/tocsin")
        #expect(pg.description == "postgres://tocsin:***@db:5432/tocsin")
        #expect(throws: StorageError.self) { try DatabaseLocation(parsing: "mysql://x") }
        #expect(throws: StorageError.self) { try DatabaseLocation(parsing: "sqlite:") }
    }
}

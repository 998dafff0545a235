import Foundation
import Logging
import TocsinCore
import TocsinSecurity
import TocsinStorage

/// The audit key of test stores (tests only; a real key comes from TOCSIN_AUDIT_KEY or a key file).
public enum TestAudit {
    public static let key = Array("tocsin-test-audit-key-0123456789abcdef".utf8)
    public static let sealer = try! HMACAuditSealer(key: key)
}

/// The storage engines a contract test runs on.
public enum TestEngine: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres
    public var description: String { rawValue }

    /// SQLite always. PostgreSQL when `TOCSIN_TEST_POSTGRES_URL` is set — and always in CI
    /// (`CI=true`), where a missing server must fail the run, not skip it.
    public static var available: [TestEngine] {
        if postgresURL != nil || isCI { return [.sqlite, .postgres] }
        announceSkip
        return [.sqlite]
    }

    static let isCI = ProcessInfo.processInfo.environment["CI"].map { $0 == "true" || $0 == "1" } ?? false
    static let postgresURL = ProcessInfo.processInfo.environment["TOCSIN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let announceSkip: Void = {
        FileHandle.standardError.write(Data("""
        ⚠️  PostgreSQL contract tests SKIPPED: TOCSIN_TEST_POSTGRES_URL is not set.
            Run scripts/test-postgres.sh (or set TOCSIN_TEST_POSTGRES_URL=postgres://user:pass@127.0.0.1:5432/postgres) to include them.

        """.utf8))
    }()
}

public struct TestDatabaseError: Error, CustomStringConvertible {
    public var description: String
}

/// Runs `body` with a fresh, migrated store on `engine`, and removes the database afterwards.
/// PostgreSQL: a new database `tocsin_test_<random>` is created on the server and dropped after.
/// The store seals audit records with `auditSealer` (the test key unless told otherwise).
public func withTestStore<T: Sendable>(_ engine: TestEngine, migrate: Bool = true, auditSealer: (any AuditSealer)? = TestAudit.sealer,
                                       _ body: (Store) async throws -> T) async throws -> T {
    var logger = Logger(label: "tocsin.test")
    logger.logLevel = .error
    switch engine {
    case .sqlite:
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try await Store.open(.sqlite(path: dir.appendingPathComponent("t.sqlite").path), logger: logger, auditSealer: auditSealer)
        return try await run(store, migrate: migrate, body)
    case .postgres:
        guard let admin = TestEngine.postgresURL else {
            throw TestDatabaseError(description: "CI must run the PostgreSQL tests but TOCSIN_TEST_POSTGRES_URL is not set (.ci/run sets it)")
        }
        let name = "tocsin_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
        let adminStore = try await Store.open(.postgres(url: admin), logger: logger)
        do {
            try await adminStore.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        } catch {
            try? await adminStore.shutdown()
            throw error
        }
        let url = replaceDatabase(in: admin, with: name)
        do {
            let store = try await Store.open(.postgres(url: url), logger: logger, auditSealer: auditSealer)
            let result = try await run(store, migrate: migrate, body)
            try await adminStore.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            try await adminStore.shutdown()
            return result
        } catch {
            try? await adminStore.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            try? await adminStore.shutdown()
            throw error
        }
    }
}

private func run<T>(_ store: Store, migrate: Bool, _ body: (Store) async throws -> T) async throws -> T {
    do {
        if migrate { try await store.migrate() }
        let result = try await body(store)
        try await store.shutdown()
        return result
    } catch {
        try? await store.shutdown()
        throw error
    }
}

/// postgres://u:p@h:5432/postgres?x=y → postgres://u:p@h:5432/NAME?x=y
func replaceDatabase(in url: String, with name: String) -> String {
    guard let scheme = url.range(of: "://") else { return url }
    let rest = url[scheme.upperBound...]
    let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
    let beforeQuery = rest.firstIndex(of: "?").map { rest[..<$0] } ?? rest
    let hostPart = beforeQuery.firstIndex(of: "/").map { beforeQuery[..<$0] } ?? beforeQuery
    return String(url[..<scheme.upperBound]) + hostPart + "/" + name + query
}

import Foundation
import SQLKit
import Testing
import TocsinCore
import TocsinSecurity
import TocsinStorage
import TocsinTestSupport

/// The audit chain on SQLite and PostgreSQL: append-only in the database, tamper-evident by HMAC.
@Suite struct AuditChainContractTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func event(_ i: Int) -> AuditEvent {
        AuditEvent(at: Self.t0.addingTimeInterval(Double(i)), actor: "alice", action: "test.event", target: "thing:\(i)", source: "10.0.0.\(i % 250)",
                   result: i % 3 == 0 ? .failure : .success, detail: "{\"i\":\(i)}")
    }

    func seed(_ store: Store, count: Int = 6) async throws {
        for i in 1...count { try await store.appendAudit([event(i)]) }
    }

    /// Plays an attacker with database access: removes the append-only triggers first.
    func dropTriggers(_ store: Store) async throws {
        let statements: [String] = store.dialect == .sqlite
            ? ["DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"]
            : ["DROP TRIGGER audit_log_append_only ON audit_log"]
        for s in statements { try await store.sql.raw(SQLQueryString(s)).run() }
    }

    @Test(arguments: TestEngine.available)
    func untouchedChainVerifies(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await seed(store)
            try await store.createGroup(ContactGroup(name: "防汛"), actor: "abadmin", now: Self.t0)   // address-book changes join the chain
            let report = try await store.verifyAudit()
            #expect(report.isIntact, "\(report.problems)")
            #expect(report.checked == 7 && report.head.lastID == 7 && report.head.keyID == TestAudit.sealer.keyID)
            let last = try #require(try await store.auditRecords(after: 6).first)
            #expect(last.event.action == "group.create" && last.event.actor == "abadmin" && last.event.target.hasPrefix("group:"))
            #expect(last.previousMAC == (try await store.auditRecords(after: 5, limit: 1).first?.mac))
        }
    }

    @Test(arguments: TestEngine.available)
    func databaseRefusesUpdateAndDelete(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await seed(store, count: 2)
            var statements = ["UPDATE audit_log SET actor = 'mallory' WHERE id = 1", "DELETE FROM audit_log WHERE id = 2",
                              "DELETE FROM audit_head", "UPDATE audit_head SET last_id = 0"]
            if engine == .postgres { statements.append("TRUNCATE audit_log") }
            for statement in statements {
                var refused = false
                do { try await store.sql.raw(SQLQueryString(statement)).run() } catch { refused = "\(String(reflecting: error))".contains("append-only") || "\(String(reflecting: error))".contains("audit_head") }
                #expect(refused, "\(statement) must be refused by a trigger")
            }
            #expect(try await store.auditRecords().map(\.event.actor) == ["alice", "alice"])
            #expect(try await store.verifyAudit().isIntact)
        }
    }

    @Test(arguments: TestEngine.available)
    func changedRecordIsNamed(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await seed(store)
            try await dropTriggers(store)
            try await store.sql.raw("UPDATE audit_log SET result = 'success' WHERE id = 3").run()
            let report = try await store.verifyAudit()
            #expect(report.problems.map(\.recordID) == [3])
            #expect(report.problems.first?.kind == .changed)
        }
    }

    @Test(arguments: TestEngine.available)
    func deletedRecordIsNamed(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await seed(store)
            try await dropTriggers(store)
            try await store.sql.raw("DELETE FROM audit_log WHERE id = 4").run()
            let report = try await store.verifyAudit()
            #expect(report.problems.map(\.kind) == [.missing])
            #expect(report.problems.first?.recordID == 4)
            #expect(report.problems.first?.description.contains("record 4 is missing") == true)
        }
    }

    @Test(arguments: TestEngine.available)
    func deletedTailIsNamed(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await seed(store)
            try await dropTriggers(store)
            try await store.sql.raw("DELETE FROM audit_log WHERE id >= 5").run()
            let report = try await store.verifyAudit()
            #expect(report.problems.map(\.kind) == [.missing] && report.problems.first?.recordID == 5)
        }
    }

    @Test(arguments: TestEngine.available)
    func insertedRecordIsNamed(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await seed(store)
            let last = try #require(try await store.auditRecords(after: 5).first)
            // A forged record that links correctly but was sealed without the key.
            let forger = try HMACAuditSealer(key: Array("an attacker's own key, not ours!!".utf8))
            let forged = forger.seal(event(99), id: 7, previousMAC: last.mac)
            try await store.sql.raw("""
                INSERT INTO audit_log (id, at, actor, action, target, source, result, detail, prev_mac, mac)
                VALUES (7, \(bind: forged.event.at.millis), 'alice', 'test.event', 'thing:99', 'x', 'success', '{}', \(bind: forged.previousMAC), \(bind: forged.mac))
                """).run()
            let report = try await store.verifyAudit()
            #expect(Set(report.problems.map(\.recordID)) == [7])
            #expect(Set(report.problems.map(\.kind)) == [.beyondHead, .changed])

            // Further away, with a gap: still one inserted record, nothing reported as deleted.
            try await store.sql.raw("""
                INSERT INTO audit_log (id, at, actor, action, target, source, result, detail, prev_mac, mac)
                VALUES (99, 0, 'mallory', 'login', 'user:mallory', 'x', 'success', '{}', 'aa', 'bb')
                """).run()
            let again = try await store.verifyAudit()
            #expect(!again.problems.contains { $0.kind == .missing }, "\(again.problems)")
            #expect(again.problems.filter { $0.recordID == 99 }.map(\.kind) == [.beyondHead, .changed])
        }
    }

    @Test(arguments: TestEngine.available)
    func noKeyRefusesClearlyAndWrongKeyIsNamed(engine: TestEngine) async throws {
        try await withTestStore(engine, auditSealer: nil) { store in
            var refusal: StorageError?
            do { try await store.appendAudit([event(1)]) } catch let e as StorageError { refusal = e }
            #expect(refusal?.code == .auditKey && refusal?.message.contains("TOCSIN_AUDIT_KEY") == true)
            // Audited address-book writes refuse too, and leave nothing behind.
            var groupRefusal: StorageError?
            do { try await store.createGroup(ContactGroup(name: "x"), actor: "t", now: Self.t0) } catch let e as StorageError { groupRefusal = e }
            #expect(groupRefusal?.code == .auditKey)
            let groups = try await store.groups()
            #expect(groups.isEmpty)
        }
        try await withTestStore(engine) { store in
            try await seed(store, count: 2)
            let other = try HMACAuditSealer(key: Array(String(repeating: "z", count: 32).utf8))
            let report = try await store.verifyAudit(with: other)
            #expect(report.problems.first?.kind == .head && report.problems.first?.message.contains(TestAudit.sealer.keyID) == true)
        }
    }

    @Test(arguments: TestEngine.available)
    func concurrentAppendsKeepOneChain(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 1...24 { group.addTask { try await store.appendAudit([self.event(i), self.event(i + 100)]) } }
                try await group.waitForAll()
            }
            let report = try await store.verifyAudit()
            #expect(report.isIntact, "\(report.problems)")
            #expect(report.checked == 48 && report.head.lastID == 48)
        }
    }
}

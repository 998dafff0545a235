import Foundation
import SQLKit
import Testing
import TocsinCore
import TocsinStorage
import TocsinTestSupport

/// Warnings on both engines: every write versioned, in the history and in the audit chain, in
/// one transaction.
@Suite struct WarningStoreContractTests {
    typealias F = WarningStoreFixture

    @Test(arguments: TestEngine.available)
    func transitionsArePersistedWithHistoryAndAudit(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let w = F.draft()
            let created = try await store.saveWarnings([.create(w, at: F.t0)], source: "10.0.0.9")[0]
            #expect(created.version == 1)
            try await F.move(store, w.id, .submit, by: "alice")
            let approved = try await F.move(store, w.id, .approve, by: "bob", at: 120)
            #expect(approved.version == 3 && approved.warning.state == .approved)

            let loaded = try #require(try await store.warning(id: w.id))
            #expect(loaded.warning == approved.warning)
            #expect(loaded.version == 3 && loaded.createdAt == F.t0 && loaded.updatedAt == F.t0.addingTimeInterval(120))

            let history = try await store.warningHistory(id: w.id)
            #expect(history.map(\.action) == ["create", "submit", "approve"])
            #expect(history.map(\.version) == [1, 2, 3])
            #expect(history.map(\.to) == [.draft, .pendingReview, .approved])
            #expect(history.last?.actor == "bob" && history.last?.source == "10.0.0.9")

            let audit = try await store.auditRecords(actionPrefix: "warning.")
            #expect(audit.map(\.event.action) == ["warning.create", "warning.submit", "warning.approve"])
            #expect(audit.allSatisfy { $0.event.target == "warning:\(w.id)" })
            #expect(audit.last?.event.detail.contains("\"to\":\"approved\"") == true)
            #expect(try await store.verifyAudit().isIntact)
        }
    }

    @Test(arguments: TestEngine.available)
    func staleVersionIsRefusedAndWritesNothing(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let w = F.draft()
            try await store.saveWarnings([.create(w, at: F.t0)], source: "test")
            try await F.move(store, w.id, .submit, by: "alice")
            let read = try #require(try await store.warning(id: w.id))
            // Two reviewers read version 2; carol approves first.
            let byCarol = try F.lifecycle.apply(WarningCommand(.approve, by: "carol", at: F.t0), to: read.warning)
            let byDave = try F.lifecycle.apply(WarningCommand(.reject, by: "dave", at: F.t0, comment: "wrong district"), to: read.warning)
            try await store.saveWarnings([.transition(byCarol, expectedVersion: read.version)], source: "test")
            let headBefore = try await store.auditHead()
            do {
                try await store.saveWarnings([.transition(byDave, expectedVersion: read.version)], source: "test")
                Issue.record("a write at a stale version must be refused")
            } catch let error as StorageError {
                #expect(error.code == .staleVersion)
                #expect(error.message.contains("reload"))
            }
            #expect(try await store.warning(id: w.id)?.warning.state == .approved)
            #expect(try await store.warningHistory(id: w.id).count == 3)
            #expect(try await store.auditHead() == headBefore)
        }
    }

    @Test(arguments: TestEngine.available)
    func withoutAnAuditKeyNothingIsStored(engine: TestEngine) async throws {
        try await withTestStore(engine, auditSealer: nil) { (store: Store) async throws in
            let w = F.draft()
            await #expect(throws: StorageError.self) { try await store.saveWarnings([.create(w, at: F.t0)], source: "test") }
            #expect(try await store.warning(id: w.id) == nil)
            #expect(try await store.warningHistory(id: w.id).isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func creatingAnExistingIdentifierIsAConflict(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let w = F.draft()
            try await store.saveWarnings([.create(w, at: F.t0)], source: "test")
            await #expect(throws: StorageError.self) { try await store.saveWarnings([.create(w, at: F.t0)], source: "test") }
            #expect(try await store.latestWarningIdentifier(unit: F.unit) == w.id)
        }
    }

    @Test(arguments: TestEngine.available)
    func auditVerifiesAfterManyTransitionsAndNamesATamperedWarningRecord(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            for i in 0..<12 {
                let approved = try await F.approved(store, i)
                try await F.move(store, approved.warning.id, .startSending, by: "dispatch")
                try await F.move(store, approved.warning.id, .complete, by: "dispatch")
            }
            let report = try await store.verifyAudit()
            #expect(report.isIntact && report.checked == 60)

            let approvals = try await store.auditRecords(actionPrefix: "warning.approve")
            let victim = try #require(approvals.dropFirst(4).first)
            let dropTrigger = engine == .sqlite ? "DROP TRIGGER audit_log_no_update" : "DROP TRIGGER audit_log_append_only ON audit_log"
            try await store.sql.raw(SQLQueryString(dropTrigger)).run()
            try await store.sql.raw("UPDATE audit_log SET actor = 'alice' WHERE id = \(bind: victim.id)").run()
            let tampered = try await store.verifyAudit()
            #expect(tampered.problems.map(\.recordID) == [victim.id])
            #expect(tampered.problems.first?.kind == .changed)
        }
    }

    @Test(arguments: TestEngine.available)
    func listsAndReviewQueue(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            for i in 0..<5 {
                try await store.saveWarnings([.create(F.draft(i, author: i % 2 == 0 ? "alice" : "erin"), at: F.t0.addingTimeInterval(Double(i)))], source: "test")
            }
            try await F.move(store, F.id(3), .submit, by: "erin", at: 100)
            try await F.move(store, F.id(1), .submit, by: "erin", at: 200)
            #expect(try await store.reviewQueue().map(\.warning.id) == [F.id(3), F.id(1)])
            #expect(try await store.warnings(state: .draft).map(\.warning.id) == [F.id(4), F.id(2), F.id(0)])
            #expect(try await store.warnings(author: "erin").map(\.warning.id) == [F.id(1), F.id(3)])
            #expect(try await store.warnings(limit: 2, offset: 1).map(\.warning.id) == [F.id(3), F.id(4)])
            #expect(try await store.warningsToExpire(at: F.t0.addingTimeInterval(17 * 3600)).isEmpty)
            #expect(try await store.warningsToExpire(at: F.t0.addingTimeInterval(18 * 3600)).count == 5)
        }
    }
}

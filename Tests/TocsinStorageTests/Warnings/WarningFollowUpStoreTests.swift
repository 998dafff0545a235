import Foundation
import Testing
import TocsinCore
import TocsinStorage
import TocsinTestSupport

/// Update and cancel (解除) chains persisted: the follow-up's approval and the original's closing
/// commit together.
@Suite struct WarningFollowUpStoreTests {
    typealias F = WarningStoreFixture

    /// Creates a follow-up of `original`, submits it and approves it together with closing the original.
    func followUp(_ store: Store, _ original: WarningIdentifier, _ type: MessageType, seconds: Int) async throws -> (followUp: StoredWarning, original: StoredWarning) {
        let at = F.t0.addingTimeInterval(Double(seconds))
        let base = try #require(try await store.warning(id: original))
        let next = try base.warning.makeFollowUp(type, id: F.id(seconds), author: "alice", at: at)
        try await store.saveWarnings([.create(next, at: at)], source: "test")
        try await F.move(store, next.id, .submit, by: "alice", at: seconds)
        let pending = try #require(try await store.warning(id: next.id))
        let approve = try F.lifecycle.apply(WarningCommand(.approve, by: "bob", at: at), to: pending.warning)
        let current = try #require(try await store.warning(id: original))
        let close = try F.lifecycle.closeOriginal(current.warning, by: approve.warning, at: at)
        let saved = try await store.saveWarnings([.transition(approve, expectedVersion: pending.version),
                                                  .transition(close, expectedVersion: current.version)], source: "test")
        return (saved[0], saved[1])
    }

    @Test(arguments: TestEngine.available)
    func updateThenCancelChain(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let first = try await F.approved(store, 0)
            let update = try await followUp(store, first.warning.id, .update, seconds: 600)
            #expect(update.original.warning.state == .superseded)
            #expect(update.original.warning.replacedBy == update.followUp.warning.id)
            #expect(update.followUp.warning.references.map(\.identifier) == [first.warning.id])

            let lift = try await followUp(store, update.followUp.warning.id, .cancel, seconds: 1200)
            #expect(lift.original.warning.state == .cancelled)
            #expect(lift.followUp.warning.msgType == .cancel)
            #expect(lift.followUp.warning.references.map(\.identifier) == [first.warning.id, update.followUp.warning.id])

            let reloadedFirst = try #require(try await store.warning(id: first.warning.id))
            #expect(reloadedFirst.warning.state == .superseded)
            let history = try await store.warningHistory(id: update.followUp.warning.id)
            #expect(history.map(\.action) == ["create", "submit", "approve", "cancel"])
            #expect(history.first?.relatedID == first.warning.id)
            #expect(history.last?.relatedID == lift.followUp.warning.id)
            let closing = try await store.auditRecords(actionPrefix: "warning.supersede") + (try await store.auditRecords(actionPrefix: "warning.cancel"))
            #expect(closing.map(\.event.target) == ["warning:\(first.warning.id)", "warning:\(update.followUp.warning.id)"])
            #expect(try await store.verifyAudit().isIntact)
        }
    }

    @Test(arguments: TestEngine.available)
    func aPairWithAStaleOriginalWritesNeither(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let first = try await F.approved(store, 0)
            let at = F.t0.addingTimeInterval(600)
            let next = try first.warning.makeFollowUp(.cancel, id: F.id(600), author: "alice", at: at)
            try await store.saveWarnings([.create(next, at: at)], source: "test")
            try await F.move(store, next.id, .submit, by: "alice", at: 600)
            let pending = try #require(try await store.warning(id: next.id))
            let approve = try F.lifecycle.apply(WarningCommand(.approve, by: "bob", at: at), to: pending.warning)
            let close = try F.lifecycle.closeOriginal(first.warning, by: approve.warning, at: at)
            // Meanwhile dispatch moved the original on.
            try await F.move(store, first.warning.id, .startSending, by: "dispatch", at: 601)
            await #expect(throws: StorageError.self) {
                try await store.saveWarnings([.transition(approve, expectedVersion: pending.version),
                                              .transition(close, expectedVersion: first.version)], source: "test")
            }
            #expect(try await store.warning(id: next.id)?.warning.state == .pendingReview)
            #expect(try await store.warning(id: first.warning.id)?.warning.state == .sending)
        }
    }
}

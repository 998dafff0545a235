import Foundation
import Testing
@testable import TocsinCore

/// Updates and cancellations (解除): new warnings referencing the original, which closes only when
/// the follow-up is approved.
@Suite struct WarningFollowUpTests {
    typealias F = WarningFixtures
    let lifecycle = WarningLifecycle()
    let later = F.t0.addingTimeInterval(3600)

    func issued() -> Warning {
        var w = F.rainstorm(state: .completed)
        w.reviewers = ["bob"]
        w.issuedAt = F.t0.addingTimeInterval(120)
        return w
    }

    @Test func cancellationReferencesTheOriginalAsCAPDoes() throws {
        let original = issued()
        let cancel = try original.makeFollowUp(.cancel, id: F.id(3600), author: "dave", at: later)
        #expect(cancel.msgType == .cancel)
        #expect(cancel.state == .draft)
        #expect(cancel.author == "dave")
        #expect(cancel.reviewers.isEmpty)
        #expect(cancel.effective == later)
        #expect(cancel.references == [original.asReference])
        #expect(cancel.references[0].description == "11000041600000,11000041600000_20240730140000_0,2024-07-30T14:02:00+08:00")
        #expect(cancel.hazardCode == original.hazardCode && cancel.regionCodes == original.regionCodes)
    }

    @Test func anUpdateOfAnUpdateReferencesTheWholeThread() throws {
        var first = try issued().makeFollowUp(.update, id: F.id(3600), author: "alice", at: later)
        first.state = .approved
        first.issuedAt = later
        let second = try first.makeFollowUp(.update, id: F.id(7200), author: "alice", at: later)
        #expect(second.references.map(\.identifier) == [F.id(), F.id(3600)])
    }

    @Test(arguments: [WarningState.draft, .pendingReview, .withdrawn, .cancelled, .superseded, .expired])
    func onlyIssuedWarningsCanBeFollowedUp(_ state: WarningState) {
        var w = issued()
        w.state = state
        let error = #expect(throws: DomainError.self) { try w.makeFollowUp(.cancel, id: F.id(3600), author: "dave", at: later) }
        #expect(error?.code == .invalidTransition)
    }

    @Test func followUpsAreRefusedAfterExpiryAndForCancellations() throws {
        let e1 = #expect(throws: DomainError.self) {
            try issued().makeFollowUp(.update, id: F.id(3600), author: "dave", at: F.t0.addingTimeInterval(18 * 3600))
        }
        #expect(e1?.code == .warningExpired)
        var cancel = try issued().makeFollowUp(.cancel, id: F.id(3600), author: "dave", at: later)
        cancel.state = .completed
        let e2 = #expect(throws: DomainError.self) { try cancel.makeFollowUp(.update, id: F.id(4000), author: "dave", at: later) }
        #expect(e2?.code == .invalidTransition)
        #expect(throws: DomainError.self) { try issued().makeFollowUp(.alert, id: F.id(3600), author: "dave", at: later) }
    }

    @Test func approvedCancellationClosesTheOriginal() throws {
        let original = issued()
        var cancel = try original.makeFollowUp(.cancel, id: F.id(3600), author: "dave", at: later)
        // Not yet approved: the original stays as it is.
        #expect(throws: DomainError.self) { try lifecycle.closeOriginal(original, by: cancel, at: later) }
        cancel = try lifecycle.apply(WarningCommand(.submit, by: "dave", at: later), to: cancel).warning
        cancel = try lifecycle.apply(WarningCommand(.approve, by: "bob", at: later), to: cancel).warning
        let closed = try lifecycle.closeOriginal(original, by: cancel, at: later)
        #expect(closed.warning.state == .cancelled)
        #expect(closed.warning.replacedBy == cancel.id)
        #expect(closed.event.action == .cancel)
        #expect(closed.event.actor == "bob")
        #expect(closed.event.relatedWarningID == cancel.id)
        #expect(closed.event.from == .completed && closed.event.to == .cancelled)
    }

    @Test func approvedUpdateSupersedesTheOriginalEvenWhileSending() throws {
        var original = issued()
        original.state = .sending
        var update = try original.makeFollowUp(.update, id: F.id(3600), author: "alice", at: later)
        update.level = .orange
        update = try lifecycle.apply(WarningCommand(.submit, by: "alice", at: later), to: update).warning
        update = try lifecycle.apply(WarningCommand(.approve, by: "carol", at: later), to: update).warning
        let closed = try lifecycle.closeOriginal(original, by: update, at: later)
        #expect(closed.warning.state == .superseded)
        #expect(closed.event.action == .supersede)
    }

    @Test func aFollowUpClosesOnlyTheWarningsItReferences() throws {
        let original = issued()
        var stranger = F.rainstorm(state: .approved)
        stranger.reviewers = ["bob"]
        let error = #expect(throws: DomainError.self) { try lifecycle.closeOriginal(original, by: stranger, at: later) }
        #expect(error?.code == .invalidValue)
    }
}

import Foundation
import Testing
@testable import TocsinCore

/// The rules beyond the state table: who may act, comments, two reviewers, expiry, follow-ups.
@Suite struct WarningLifecycleRuleTests {
    typealias F = WarningFixtures
    let lifecycle = WarningLifecycle()
    let soon = F.t0.addingTimeInterval(60)

    /// The code of the `DomainError` `body` throws; nil when it does not throw one.
    func code(_ body: () throws -> Void) -> DomainError.Code? {
        do { try body(); return nil } catch let error as DomainError { return error.code } catch { return nil }
    }

    @Test func fullWalkRecordsEveryStep() throws {
        var w = F.rainstorm()
        var events: [WarningEvent] = []
        for command in [WarningCommand(.submit, by: "alice", at: soon),
                        WarningCommand(.reject, by: "bob", at: soon, comment: "缺少影响时段"),
                        WarningCommand(.submit, by: "alice", at: soon),
                        WarningCommand(.approve, by: "bob", at: soon, comment: "同意"),
                        WarningCommand(.startSending, by: "dispatch", at: soon),
                        WarningCommand(.complete, by: "dispatch", at: soon)] {
            let t = try lifecycle.apply(command, to: w)
            w = t.warning
            events.append(t.event)
        }
        #expect(w.state == .completed)
        #expect(w.reviewers == ["bob"])
        #expect(w.issuedAt == soon)
        #expect(events.map(\.to) == [.pendingReview, .draft, .pendingReview, .approved, .sending, .completed])
        #expect(events[1].comment == "缺少影响时段")
        #expect(events.map(\.actor) == ["alice", "bob", "alice", "bob", "dispatch", "dispatch"])
    }

    @Test func authorCannotApproveOwnWarning() {
        let w = F.rainstorm(state: .pendingReview)
        #expect(code { _ = try lifecycle.apply(WarningCommand(.approve, by: "alice", at: soon), to: w) } == .selfApproval)
        #expect(code { _ = try lifecycle.apply(WarningCommand(.approve, by: " alice ", at: soon), to: w) } == .selfApproval)
        #expect(code { _ = try lifecycle.apply(WarningCommand(.reject, by: "alice", at: soon, comment: "x"), to: w) } == .selfReview)
    }

    @Test func rejectionNeedsAComment() {
        let w = F.rainstorm(state: .pendingReview)
        #expect(code { _ = try lifecycle.apply(WarningCommand(.reject, by: "bob", at: soon), to: w) } == .commentRequired)
        #expect(code { _ = try lifecycle.apply(WarningCommand(.reject, by: "bob", at: soon, comment: " \n "), to: w) } == .commentRequired)
    }

    @Test func onlyTheAuthorSubmitsAndWithdraws() {
        #expect(code { _ = try lifecycle.apply(WarningCommand(.submit, by: "bob", at: soon), to: F.rainstorm()) } == .notAuthor)
        for state in [WarningState.draft, .pendingReview, .approved] {
            #expect(code { _ = try lifecycle.apply(WarningCommand(.withdraw, by: "bob", at: soon), to: F.rainstorm(state: state)) } == .notAuthor)
        }
    }

    @Test func anActorIsRequired() {
        #expect(code { _ = try lifecycle.apply(WarningCommand(.complete, by: "  ", at: soon), to: F.rainstorm(state: .sending)) } == .invalidValue)
    }

    @Test func redNeedsTwoDifferentReviewers() throws {
        let w = F.rainstorm(level: .red, state: .pendingReview)
        let first = try lifecycle.apply(WarningCommand(.approve, by: "bob", at: soon), to: w)
        #expect(first.warning.state == .pendingReview)
        #expect(first.event.from == .pendingReview && first.event.to == .pendingReview)
        #expect(first.warning.issuedAt == nil)
        #expect(code { _ = try lifecycle.apply(WarningCommand(.approve, by: "bob", at: soon), to: first.warning) } == .duplicateReviewer)
        #expect(code { _ = try lifecycle.apply(WarningCommand(.approve, by: "alice", at: soon), to: first.warning) } == .selfApproval)
        let second = try lifecycle.apply(WarningCommand(.approve, by: "carol", at: soon), to: first.warning)
        #expect(second.warning.state == .approved)
        #expect(second.warning.reviewers == ["bob", "carol"])
    }

    @Test func aRejectionAfterTheFirstApprovalStartsOver() throws {
        let w = F.rainstorm(level: .red, state: .pendingReview)
        let first = try lifecycle.apply(WarningCommand(.approve, by: "bob", at: soon), to: w)
        let rejected = try lifecycle.apply(WarningCommand(.reject, by: "carol", at: soon, comment: "等级偏高"), to: first.warning)
        #expect(rejected.warning.state == .draft)
        #expect(rejected.warning.reviewers.isEmpty)
        let resubmitted = try lifecycle.apply(WarningCommand(.submit, by: "alice", at: soon), to: rejected.warning)
        let again = try lifecycle.apply(WarningCommand(.approve, by: "bob", at: soon), to: resubmitted.warning)
        #expect(again.warning.state == .pendingReview)
    }

    @Test func secondApprovalIsConfigurable() throws {
        let single = WarningLifecycle(policy: ReviewPolicy(twoReviewerLevels: []))
        let red = try single.apply(WarningCommand(.approve, by: "bob", at: soon), to: F.rainstorm(level: .red, state: .pendingReview))
        #expect(red.warning.state == .approved)
        let strict = WarningLifecycle(policy: ReviewPolicy(twoReviewerLevels: [.red, .orange]))
        let orange = try strict.apply(WarningCommand(.approve, by: "bob", at: soon), to: F.rainstorm(level: .orange, state: .pendingReview))
        #expect(orange.warning.state == .pendingReview)
        let yellow = try strict.apply(WarningCommand(.approve, by: "bob", at: soon), to: F.rainstorm(level: .yellow, state: .pendingReview))
        #expect(yellow.warning.state == .approved)
        #expect(ReviewPolicy().requiredApprovals(for: .red) == 2)
        #expect(ReviewPolicy().requiredApprovals(for: .orange) == 1)
    }

    @Test func incompleteDraftsCannotBeSubmitted() {
        var w = F.rainstorm()
        w.regionCodes = []
        w.headline = " "
        w.expires = w.effective
        let error = #expect(throws: DomainError.self) { try lifecycle.apply(WarningCommand(.submit, by: "alice", at: soon), to: w) }
        #expect(error?.code == .invalidWarning)
        #expect(error?.message.contains("headline is empty") == true)
        #expect(error?.message.contains("no region") == true)
        #expect(error?.message.contains("expiry") == true)
    }

    @Test func expiryStopsReviewAndSendingAndOnlyComesOnTime() {
        let late = F.t0.addingTimeInterval(18 * 3600)
        #expect(code { _ = try lifecycle.apply(WarningCommand(.submit, by: "alice", at: late), to: F.rainstorm()) } == .warningExpired)
        #expect(code { _ = try lifecycle.apply(WarningCommand(.approve, by: "bob", at: late), to: F.rainstorm(state: .pendingReview)) } == .warningExpired)
        #expect(code { _ = try lifecycle.apply(WarningCommand(.startSending, by: "dispatch", at: late), to: F.rainstorm(state: .approved)) } == .warningExpired)
        #expect(code { _ = try lifecycle.apply(WarningCommand(.expire, by: "system", at: late.addingTimeInterval(-1)), to: F.rainstorm(state: .completed)) } == .notYetExpired)
    }

    @Test func cancelAndSupersedeNeedTheFollowUpID() {
        for action in [WarningAction.cancel, .supersede] {
            #expect(code { _ = try lifecycle.apply(WarningCommand(action, by: "carol", at: soon), to: F.rainstorm(state: .completed)) } == .invalidValue)
        }
    }
}

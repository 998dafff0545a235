import Foundation
import TocsinCore
import TocsinStorage

/// Review: submit, approve, reject, withdraw, and the expiry sweep. The lifecycle machine decides
/// what is allowed; this applies it to the stored warning and stores the result with its audit
/// record. The rule that an author never approves their own warning is the machine's and holds
/// for every caller, whatever roles they have.
extension WarningService {
    /// draft → pending_review. The author only. A drill or test must say so in its SMS text.
    /// - Throws: `.drillNotMarked`, and what the lifecycle throws (`.notAuthor`, `.invalidWarning` …).
    public func submit(_ id: WarningIdentifier, expectedVersion: Int?, by caller: Caller) async throws -> WarningOutcome {
        try await authorise(caller, anyOf: [.draftWarning], target: "warning:\(id)")
        let stored = try await load(id)
        try DrillMarking.check(stored.warning)
        return try await transition(stored, .submit, expectedVersion: expectedVersion, by: caller)
    }

    /// Approves: pending_review → approved, or stays pending_review after the first of two
    /// approvals (`ReviewPolicy`). A final approval of an update/cancel also closes the original
    /// (superseded/cancelled) in the same transaction; then the approved warning is handed to
    /// dispatch and the original's unsent deliveries are stopped. Reviewers only.
    /// - Throws: `.selfApproval`, `.duplicateReviewer`, `.invalidTransition`, `.warningExpired`,
    ///   `.staleVersion`, `.forbidden`.
    public func approve(_ id: WarningIdentifier, expectedVersion: Int?, by caller: Caller) async throws -> WarningOutcome {
        try await authorise(caller, anyOf: [.reviewWarning], target: "warning:\(id)")
        let stored = try await load(id)
        try check(stored, expected: expectedVersion)
        let now = clock.now()
        let approval = try lifecycle.apply(WarningCommand(.approve, by: caller.actor, at: now), to: stored.warning)
        var writes: [WarningWrite] = [.transition(approval, expectedVersion: stored.version)]
        var closed: Warning?
        if approval.warning.state == .approved, approval.warning.msgType != .alert, let ref = approval.warning.references.last {
            let original = try await load(ref.identifier)
            let closing = try lifecycle.closeOriginal(original.warning, by: approval.warning, at: now)
            writes.append(.transition(closing, expectedVersion: original.version))
            closed = original.warning
        }
        let saved = try await store.saveWarnings(writes, source: caller.source)
        guard saved[0].warning.state == .approved else { return WarningOutcome(warning: saved[0], dispatch: .notNeeded) }
        if let closed, [.approved, .sending].contains(closed.state) {
            _ = await stopDispatch(closed.id, reason: "\(approval.warning.msgType == .cancel ? "lifted (解除)" : "updated") by \(id)", at: now)
        }
        return WarningOutcome(warning: saved[0], dispatch: await startDispatch(saved[0].warning, at: now))
    }

    /// pending_review → draft with a mandatory comment for the author. Reviewers only, not the author.
    /// - Throws: `.commentRequired`, `.selfReview`, `.invalidTransition`, `.staleVersion`, `.forbidden`.
    public func reject(_ id: WarningIdentifier, comment: String, expectedVersion: Int?, by caller: Caller) async throws -> WarningOutcome {
        try await authorise(caller, anyOf: [.reviewWarning], target: "warning:\(id)")
        return try await transition(try await load(id), .reject, comment: comment, expectedVersion: expectedVersion, by: caller)
    }

    /// Withdraws a draft, a warning under review or an approved one not yet sending. The author
    /// only. An approved warning's dispatch is stopped.
    public func withdraw(_ id: WarningIdentifier, comment: String, expectedVersion: Int?, by caller: Caller) async throws -> WarningOutcome {
        try await authorise(caller, anyOf: [.draftWarning], target: "warning:\(id)")
        let stored = try await load(id)
        let outcome = try await transition(stored, .withdraw, comment: comment, expectedVersion: expectedVersion, by: caller)
        guard stored.warning.state == .approved else { return outcome }
        return WarningOutcome(warning: outcome.warning, dispatch: await stopDispatch(id, reason: "withdrawn by \(caller.actor)", at: clock.now()))
    }

    /// Expires every warning whose expiry time has passed and that can still expire (draft,
    /// pending review, approved, completed), as `system`. A warning that is sending expires after
    /// dispatch completes it. Returns the ids expired; a warning changed meanwhile is left for the
    /// next sweep.
    public func expireDue(source: String = "system") async throws -> [WarningIdentifier] {
        let now = clock.now()
        var expired: [WarningIdentifier] = []
        for stored in try await store.warningsToExpire(at: now) {
            do {
                let t = try lifecycle.apply(WarningCommand(.expire, by: "system", at: now), to: stored.warning)
                try await store.saveWarnings([.transition(t, expectedVersion: stored.version)], source: source)
                expired.append(stored.warning.id)
                if stored.warning.state == .approved { _ = await stopDispatch(stored.warning.id, reason: "expired", at: now) }
            } catch let error as StorageError where error.code == .staleVersion {
                logger.debug("expiry sweep: warning changed meanwhile", metadata: ["warn.id": "\(stored.warning.id)"])
            }
        }
        return expired
    }

    /// Checks the version, applies `action` by the caller and stores the transition.
    func transition(_ stored: StoredWarning, _ action: WarningAction, comment: String = "", expectedVersion: Int?, by caller: Caller) async throws -> WarningOutcome {
        try check(stored, expected: expectedVersion)
        let t = try lifecycle.apply(WarningCommand(action, by: caller.actor, at: clock.now(), comment: comment), to: stored.warning)
        let saved = try await store.saveWarnings([.transition(t, expectedVersion: stored.version)], source: caller.source)
        return WarningOutcome(warning: saved[0], dispatch: .notNeeded)
    }
}

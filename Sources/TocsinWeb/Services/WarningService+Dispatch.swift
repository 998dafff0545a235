import Foundation
import TocsinCore
import TocsinStorage

/// The hand-over to dispatch through the `WarningDispatcher` port, and the way back: dispatch
/// reports start and finish (`DispatchObserver`) and the warning's state follows.
extension WarningService: DispatchObserver {
    /// Whether a dispatcher is configured (what /healthz reports).
    public var isDispatchConfigured: Bool { dispatcher != nil }

    /// approved → sending, as `dispatch`. A warning already past approved is left alone.
    public func dispatchStarted(_ id: WarningIdentifier, at: Date) async {
        await follow(id, .startSending, at: at, when: [.approved])
    }

    /// sending → completed, as `dispatch`.
    public func dispatchFinished(_ id: WarningIdentifier, at: Date) async {
        await follow(id, .complete, at: at, when: [.sending])
    }

    /// Applies a dispatch milestone, retrying when a reviewer's write landed in between. Failures
    /// are logged: dispatch must not stop because the workflow could not record a milestone.
    func follow(_ id: WarningIdentifier, _ action: WarningAction, at: Date, when states: Set<WarningState>) async {
        for _ in 0...configuration.observerRetries {
            do {
                guard let stored = try await store.warning(id: id), states.contains(stored.warning.state) else { return }
                let t = try lifecycle.apply(WarningCommand(action, by: "dispatch", at: at), to: stored.warning)
                try await store.saveWarnings([.transition(t, expectedVersion: stored.version)], source: "dispatch")
                return
            } catch let error as StorageError where error.code == .staleVersion {
                continue
            } catch {
                logger.error("could not record dispatch milestone", metadata: ["warn.id": "\(id)", "warn.action": "\(action.rawValue)", "error": "\(error)"])
                return
            }
        }
    }

    /// Hands an approved warning to the dispatcher. Drills and tests go too: the dispatcher sends
    /// them to test links only (`Warning.mode`).
    func startDispatch(_ warning: Warning, at: Date) async -> DispatchStatus {
        guard let dispatcher else { return .notConfigured }
        do {
            try await dispatcher.dispatch(warning, approvedAt: warning.issuedAt ?? at)
            return .started
        } catch {
            logger.error("dispatch refused an approved warning", metadata: ["warn.id": "\(warning.id)", "error": "\(error)"])
            return .failed("the warning is approved but dispatch did not start: \(error); an operator must check the dispatcher")
        }
    }

    func stopDispatch(_ id: WarningIdentifier, reason: String, at: Date) async -> DispatchStatus {
        guard let dispatcher else { return .notConfigured }
        do {
            try await dispatcher.stop(id, reason: reason, at: at)
            return .stopped
        } catch {
            logger.error("dispatch could not stop a warning", metadata: ["warn.id": "\(id)", "error": "\(error)"])
            return .failed("dispatch could not stop the unsent messages: \(error); an operator must stop them")
        }
    }

    /// Live dispatch counters. Authors and reviewers. Throws `.dispatchNotConfigured` without a dispatcher.
    public func progress(_ id: WarningIdentifier, by caller: Caller) async throws -> DispatchProgress? {
        try await authorise(caller, anyOf: Self.readers, target: "warning:\(id)")
        _ = try await load(id)
        return try await requireDispatcher().progress(of: id)
    }

    /// A page of the per-recipient ledger, numbers masked (`138****5678`). Authors and reviewers.
    public func ledger(_ id: WarningIdentifier, after: Int64?, limit: Int, by caller: Caller) async throws -> [DeliveryLedgerEntry] {
        try await authorise(caller, anyOf: Self.readers, target: "warning:\(id)")
        _ = try await load(id)
        return try await requireDispatcher().ledger(of: id, after: after, limit: min(max(limit, 1), 1000)).map { entry in
            var masked = entry
            masked.number = PhoneNumber.mask(entry.number)
            return masked
        }
    }

    func requireDispatcher() throws -> any WarningDispatcher {
        guard let dispatcher else {
            throw DomainError(.dispatchNotConfigured, "dispatch is not configured on this server, so there is no progress or ledger; an operator must configure carrier links and dispatch")
        }
        return dispatcher
    }
}

extension DomainError.Code {
    /// This server runs without a dispatcher (`tocsin serve` before dispatch is wired).
    public static let dispatchNotConfigured = Self(rawValue: "dispatch_not_configured")
}

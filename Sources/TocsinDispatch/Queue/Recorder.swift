import CarrierGateway
import Foundation
import Logging
import TocsinCore
import TocsinStorage

/// One outcome for the recorder to write.
enum Change: Sendable {
    case accepted(ClaimedDelivery, account: String, messageID: String, sentAt: Date)
    case closed(ClaimedDelivery, DeliveryState, statusCode: String?, reason: String, at: Date)
    case requeued(ClaimedDelivery, notBefore: Date, avoid: String?, reason: String?, release: Bool)
    /// `ack` answers the carrier once the report is committed (the link waits for it).
    case reported(id: Int64, dispatch: Int64, carrier: Int, state: DeliveryState, statusCode: String, reason: String?, at: Date,
                  ack: ReportAcknowledgement?)
    case acknowledged(id: Int64, dispatch: Int64, carrier: Int, at: Date, ack: ReportAcknowledgement?)

    /// An acceptance or a report (what the direct SQLite writer takes row by row).
    var isOutcome: Bool {
        switch self {
        case .accepted, .reported: true
        default: false
        }
    }

    /// The carrier answer this change waits for, if any.
    var ack: ReportAcknowledgement? {
        switch self {
        case .reported(_, _, _, _, _, _, _, let ack), .acknowledged(_, _, _, _, let ack): ack
        default: nil
        }
    }
}

/// Group commit of delivery outcomes: whatever accumulated while the previous transaction ran is
/// written in the next one, so the batch grows with the load and a quiet system commits at once.
/// A sender's slot goes on only once its change is durable (`commit`'s `durable`), which bounds
/// what a crash can resend to what the senders had in flight (docs/dispatch.md "Recovery").
final class Recorder: @unchecked Sendable {
    private struct Pending {
        var changes: [Change] = []
        /// Called with true once the changes queued with them are committed (false: never).
        var waiters: [@Sendable (Bool) -> Void] = []
        var blocked: [CheckedContinuation<Void, Never>] = []
        var closing = false
        /// Cancelled: commits return at once without writing.
        var dead = false
        /// Being cancelled: the writer's turn takes no further batch.
        var stopping = false
    }

    private let store: Store
    private let book: DispatchBook
    private let observer: (any DispatchObserver)?
    private let clock: any WallClock
    private let logger: Logger
    private let limit: Int
    private let gather: Duration
    private let pending = Locked(Pending())
    private let wake = Signal()

    init(store: Store, book: DispatchBook, observer: (any DispatchObserver)?, clock: any WallClock, limit: Int, gather: Duration, logger: Logger) {
        self.gather = gather
        self.store = store
        self.book = book
        self.observer = observer
        self.clock = clock
        self.limit = limit
        self.logger = logger
    }

    /// Queues `change`; `durable(true)` runs once it is committed — on the SQLite writer's thread
    /// right after the commit, or wherever the write finished — and `durable(false)` instead if
    /// the recorder stops first (a crash: nothing more is written). `queued` runs right after the
    /// change is queued: a report matched from then on is queued after it, so it is written in
    /// the same transaction or a later one.
    func commit(_ change: Change, queued: () -> Void = {}, durable: @escaping @Sendable (Bool) -> Void) {
        let dead = pending.withLock { p in
            guard !p.dead else { return true }
            p.changes.append(change)
            p.waiters.append(durable)
            return false
        }
        queued()
        if dead { durable(false) } else { wake.fire() }
    }

    /// Queues `change` without waiting for anything (a report that overtook its submit response,
    /// queued right behind the acceptance it belongs to; bounded by the windows).
    func enqueueNow(_ change: Change) {
        let queued = pending.withLock { p in
            guard !p.dead else { return false }
            p.changes.append(change)
            return true
        }
        if queued { wake.fire() }
    }

    /// Queues `change` without waiting for the commit; waits only while the queue is over its
    /// limit (backpressure for report readers).
    func enqueue(_ change: Change) async {
        let full = pending.withLock { p in
            guard !p.dead else { return false }
            p.changes.append(change)
            return p.changes.count > limit
        }
        wake.fire()
        if full {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let release = pending.withLock { p in
                    if p.changes.count > limit { p.blocked.append(c); return false }
                    return true
                }
                if release { c.resume() }
            }
        }
    }

    /// Asks for a commit of milestones only (nothing else pending).
    func poke() { wake.fire() }

    /// Writes batches until cancelled (a crash: nothing more is written) or until `close()` was
    /// called and everything queued is written (graceful stop).
    func run() async {
        await withTaskCancellationHandler {
            await writeLoop()
        } onCancel: {
            pending.withLock { $0.stopping = true }
            wake.fire()
        }
        // Cancelled: like a crash, nothing more is written; the waiting senders are let go.
        let (waiters, blocked) = pending.withLock { p in
            defer { p.waiters = []; p.blocked = []; p.changes = []; p.dead = true }
            return (p.waiters, p.blocked)
        }
        for w in waiters { w(false) }
        for c in blocked { c.resume() }
    }

    private func writeLoop() async {
        while !Task.isCancelled {
            // Under load, a short wait lets a small batch grow: one statement's fixed cost is
            // then shared by more outcomes (the senders are waiting for this commit anyway).
            if gather > .zero, pending.withLock({ !$0.changes.isEmpty && $0.changes.count < 64 && !$0.closing }) {
                try? await Task.sleep(for: gather)
            }
            let (changes, waiters, blocked, closing) = pending.withLock { p in
                defer { p.changes = []; p.waiters = []; p.blocked = [] }
                return (p.changes, p.waiters, p.blocked, p.closing)
            }
            for c in blocked { c.resume() }
            let stamps = book.drainStamps()
            if changes.isEmpty, stamps.isEmpty {
                if closing { return }
                await wake.wait(timeout: .milliseconds(200))
                continue
            }
            var batch = self.batch(changes, stamps: stamps, waiters: waiters)
            var failures = 0
            while true {
                do {
                    // Acceptances and reports: further batches follow on the writer's thread as
                    // long as they keep coming (`takeOutcomes`).
                    try await store.applyOutcomes(batch, budget: turnBudget) { [self] in takeOutcomes() }
                    break
                } catch let error as OutcomeTurnError {
                    // The database is unreachable or busy: keep the batch (senders wait) and retry.
                    batch = error.batch
                    failures += 1
                    logger.error("dispatch: writing \(batch.changes.count) outcomes failed (\(failures)×), retrying", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: .milliseconds(min(2_000, 50 * failures)))
                    if Task.isCancelled {
                        batch.abandoned()
                        return
                    }
                } catch {
                    // `applyOutcomes` throws only `OutcomeTurnError`.
                    preconditionFailure("unexpected \(error)")
                }
            }
        }
    }

    /// Finishes what is queued, then `run()` returns.
    func close() {
        pending.withLock { $0.closing = true }
        wake.fire()
    }

    /// How long one turn of the SQLite writer may go on with further batches (claims and
    /// planning wait for the writer meanwhile).
    private var turnBudget: Duration { .milliseconds(4) }

    /// The changes queued meanwhile, for the writer's next batch in a turn: only while they are
    /// all acceptances or reports and the recorder is not stopping; otherwise the loop above
    /// takes them after the turn.
    private func takeOutcomes() -> OutcomeBatch? {
        let taken = pending.withLock { p -> (changes: [Change], waiters: [@Sendable (Bool) -> Void], blocked: [CheckedContinuation<Void, Never>])? in
            guard !p.stopping, !p.changes.isEmpty, p.changes.allSatisfy(\.isOutcome) else { return nil }
            defer { p.changes = []; p.waiters = []; p.blocked = [] }
            return (p.changes, p.waiters, p.blocked)
        }
        guard let taken else { return nil }
        for c in taken.blocked { c.resume() }
        return batch(taken.changes, stamps: [], waiters: taken.waiters)
    }

    /// `changes` as one batch, and what happens the moment it is committed (on the SQLite writer's
    /// thread): durable now, the carrier may forget these reports (a crash before this point
    /// leaves them unanswered, and the carrier delivers them again), the senders' slots go on to
    /// their next delivery, and the counters move by what the database confirmed — each applied
    /// id once, even if the batch held two changes for it.
    private func batch(_ changes: [Change], stamps: [DeliveryChanges.Stamps], waiters: [@Sendable (Bool) -> Void]) -> OutcomeBatch {
        var batch = DeliveryChanges()
        batch.stamps = stamps
        for change in changes {
            switch change {
            case .accepted(let d, let account, let messageID, let at):
                batch.accepted.append(.init(id: d.id, attempt: d.attempt, account: account, messageID: messageID, at: at))
            case .closed(let d, let state, let code, let reason, let at):
                batch.closed.append(.init(id: d.id, attempt: d.attempt, state: state, statusCode: code, reason: reason, at: at))
            case .requeued(let d, let notBefore, let avoid, let reason, let release):
                batch.requeued.append(.init(id: d.id, attempt: d.attempt, notBefore: notBefore, avoidAccount: avoid, reason: reason, release: release))
            case .reported(let id, _, _, let state, let code, let reason, let at, _):
                batch.reported.append(.init(id: id, state: state, statusCode: code, reason: reason, at: at))
            case .acknowledged(let id, _, _, let at, _):
                batch.acknowledged.append((id, at))
            }
        }
        let acks = changes.compactMap(\.ack)
        return OutcomeBatch(changes: batch, committed: { [self] applied in
            for ack in acks { ack.acknowledge() }
            for w in waiters { w(true) }
            var applied = applied
            var moves: [Move] = []
            moves.reserveCapacity(changes.count)
            for change in changes {
                switch change {
                case .accepted(let d, _, _, let at) where applied.accepted.remove(d.id) != nil:
                    moves.append(Move(dispatch: d.dispatchID, carrier: d.carrier, kind: .transition(.claimed, .submitted), submittedAt: at))
                case .closed(let d, let state, _, _, _) where applied.closed.remove(d.id) != nil:
                    moves.append(Move(dispatch: d.dispatchID, carrier: d.carrier, kind: .transition(.claimed, state)))
                case .reported(let id, let dispatch, let carrier, let state, _, _, _, _) where applied.reported.remove(id) != nil:
                    moves.append(Move(dispatch: dispatch, carrier: carrier, kind: .transition(.submitted, state)))
                case .acknowledged(let id, let dispatch, let carrier, _, _) where applied.acknowledged.remove(id) != nil:
                    moves.append(Move(dispatch: dispatch, carrier: carrier, kind: .acknowledged))
                default:
                    break
                }
            }
            let finished = book.apply(moves, at: clock.now())
            if !finished.isEmpty { Task { await self.finish(finished) } }
        }, abandoned: {
            for w in waiters { w(false) }
        })
    }

    /// Tells the workflow about warnings that just finished, and commits their milestones.
    func finish(_ finished: [WarningIdentifier]) async {
        guard !finished.isEmpty else { return }
        wake.fire()
        for w in finished { await observer?.dispatchFinished(w, at: clock.now()) }
    }
}

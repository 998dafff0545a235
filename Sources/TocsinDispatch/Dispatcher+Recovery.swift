import Foundation
import TocsinCore
import TocsinStorage

extension Dispatcher {
    /// On start: claims left by a crashed run go back to the queue (on SQLite every claim of
    /// another owner, on PostgreSQL only expired leases: other nodes may be alive), and every
    /// unfinished dispatch is taken into memory with its counters rebuilt from the database;
    /// planning that did not complete resumes. Deliveries with a message id are `submitted`,
    /// never claimed again, so never resubmitted.
    func recover() async throws {
        let returned = try await store.returnClaims(owner: configuration.node, onlyExpired: store.dialect == .postgres, now: clock.now())
        var adopted = 0
        for record in try await store.unfinishedDispatches() {
            do {
                try await adopt(record, warning: nil)
                adopted += 1
            } catch {
                logger.error("dispatch: cannot resume dispatch \(record.id)", metadata: ["warn.id": "\(record.warningID)", "error": "\(error)"])
            }
        }
        if returned > 0 || adopted > 0 {
            logger.info("dispatch: recovered \(adopted) unfinished warnings, \(returned) claims returned to the queue")
        }
    }

    /// Looks unmatched reports up in the database soon after they arrive (a few milliseconds, to
    /// let a submit being committed register its id first), and again every `sweepInterval`
    /// while any wait. After a restart every report of an earlier run's submit comes this way,
    /// and a carrier's report window (32 unanswered for the simulated Unicom SMG) allows only a
    /// window per lookup: waiting for the sweep made that a few dozen reports a second.
    func lookupLoop() async {
        while !Task.isCancelled {
            await unmatchedWake.wait(timeout: configuration.sweepInterval)
            if Task.isCancelled { return }
            try? await Task.sleep(for: .milliseconds(5))
            await matchStaleReports()
        }
    }

    /// Every `sweepInterval`: deliveries of expired warnings are closed (unsent ones at expiry,
    /// submitted ones without a report after `reportGrace`), senders waiting on them are
    /// recalled, and on PostgreSQL expired leases of other nodes go back to the queue.
    func sweepLoop() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: configuration.sweepInterval)
            if Task.isCancelled { return }
            let now = clock.now()
            for e in book.openEntries() {
                do {
                    // Repeated while anything is pending: a retry may have gone back to the queue since.
                    if now >= e.expires, !e.queuedExpired || e.total.pending > 0 {
                        book.update(e.id) { $0.queuedExpired = true }
                        try await close(e.id, from: .queued, to: .expired, reason: "not sent before the warning expired")
                        for s in senders { s.recall([e.id]) }
                    }
                    if now >= e.expires.addingTimeInterval(configuration.reportGrace.timeInterval), !e.submittedExpired {
                        book.update(e.id) { $0.submittedExpired = true }
                        try await close(e.id, from: .submitted, to: .expired, reason: "no status report arrived before the warning expired")
                    }
                } catch {
                    logger.error("dispatch: expiry sweep failed", metadata: ["warn.id": "\(e.warningID)", "error": "\(error)"])
                }
            }
            if store.dialect == .postgres {
                _ = try? await store.returnClaims(owner: configuration.node, onlyExpired: true, now: now)
            }
        }
    }
}

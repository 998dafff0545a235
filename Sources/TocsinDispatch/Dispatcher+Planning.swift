import Foundation
import TocsinCore
import TocsinStorage

extension Dispatcher {
    /// Takes a stored dispatch into memory (counters from the database) and starts planning it
    /// when planning is not complete. A dispatch already in memory is left as it is.
    func adopt(_ record: DispatchRecord, warning given: Warning?) async throws {
        if book.entry(record.id) == nil {
            let warning: Warning
            if let given {
                warning = given
            } else {
                do {
                    warning = try JSONDecoder().decode(Warning.self, from: Data(record.warningJSON.utf8))
                } catch {
                    throw DispatchError(.corruptRecord, "the stored warning of dispatch \(record.id) (\(record.warningID)) cannot be read: \(error)")
                }
            }
            var entry = DispatchBook.Entry(id: record.id, warningID: warning.id, priority: record.priority, approvedAt: record.approvedAt,
                                           expires: record.expiresAt, composer: try MessageComposer(warning: warning, dispatchID: record.id, sms: configuration.sms))
            entry.stopped = record.stoppedAt != nil
            entry.planningDone = record.plannedAt != nil || record.stoppedAt != nil
            entry.started = record.startedAt
            entry.firstSubmit = record.firstSubmitAt
            entry.lastSubmit = record.lastSubmitAt
            entry.delivered50 = record.delivered50At
            entry.delivered90 = record.delivered90At
            entry.delivered99 = record.delivered99At
            entry.finished = record.finishedAt
            // `dispatch` and start-up recovery may adopt the same dispatch at once: one does.
            guard book.register(entry) else {
                for s in senders { s.claimWake.fire() }
                return
            }
            book.rebuild(record.id, from: try await store.deliveryTally(dispatchID: record.id))
            if entry.planningDone, let finished = book.planningDone(record.id, at: clock.now()) { await recorder.finish([finished]) }
            if !entry.planningDone { startPlanning(record.id, warning) }
        }
        for s in senders { s.claimWake.fire() }
    }

    private func startPlanning(_ id: Int64, _ warning: Warning) {
        planning.withLock { plans in
            guard plans[id] == nil else { return }
            plans[id] = Task { [self] in
                await self.plan(id, warning)
                _ = planning.withLock { $0.removeValue(forKey: id) }
            }
        }
    }

    /// Resolves the recipients and writes them in batches (the first one small, so sending
    /// starts while the rest is planned), each batch waking the senders of its routes. A failure
    /// is retried after a pause; a cancelled plan resumes on the next start (idempotent).
    private func plan(_ id: Int64, _ warning: Warning) async {
        var failures = 0
        while !Task.isCancelled {
            do {
                try await planOnce(id, warning)
                return
            } catch {
                failures += 1
                logger.error("dispatch: planning \(warning.id) failed (\(failures)×), retrying", metadata: ["warn.id": "\(warning.id)", "error": "\(error)"])
                try? await Task.sleep(for: .seconds(min(30, failures * 2)))
            }
        }
    }

    private func planOnce(_ id: Int64, _ warning: Warning) async throws {
        let list = try await store.resolveRecipients(TargetingRequest(warning: warning, sendTime: clock.now()))
        let test = warning.mode.isDrillOrTest
        let served = Set(senders.filter { ($0.priorities == DispatchPriority.drillOrTest) == test }.map(\.route))
        let priority = DispatchPriority.value(level: warning.level, mode: warning.mode)
        let recipients = list.recipients
        hint.pin(id, routes: Set(recipients.map { configuration.route($0.carrier).index }).intersection(served), priority: priority)
        defer {
            hint.unpin(id)
            for s in senders { s.claimWake.fire() }
        }
        var index = 0, size = configuration.firstPlanBatch, exact = true
        var unserved: Set<Int> = []
        while index < recipients.count {
            if Task.isCancelled { return }
            let end = min(recipients.count, index + size)
            var rows: [PlannedDelivery] = []
            rows.reserveCapacity(end - index)
            var perCarrier: [Int: Int] = [:]
            var routes: Set<Int> = []
            for r in recipients[index..<end] {
                let route = configuration.route(r.carrier).index
                rows.append(PlannedDelivery(number: Int64(r.number.key), contactID: r.contactID, carrier: r.carrier.index, route: route))
                perCarrier[r.carrier.index, default: 0] += 1
                routes.insert(route)
            }
            let new = try await store.planDeliveries(rows, dispatchID: id, priority: priority)
            if new == rows.count {
                for (carrier, n) in perCarrier { book.planned(id, carrier: carrier, count: n) }
            } else {
                exact = false
            }
            for route in routes {
                if served.contains(route) { hint.planned(route: route, priority: priority) } else { unserved.insert(route) }
            }
            for s in senders where routes.contains(s.route) { s.claimWake.fire() }
            index = end
            size = configuration.planBatch
        }
        if !exact { book.rebuild(id, from: try await store.deliveryTally(dispatchID: id)) }
        for route in unserved.sorted() {
            let carrier = Carrier(index: route)?.rawValue ?? String(route)
            try await close(id, from: .queued, route: route, to: .failed,
                            reason: "no \(test ? "test link" : "link") is configured for carrier \(carrier)")
        }
        try await store.finishPlanning(dispatchID: id, planned: recipients.count, at: clock.now())
        if let finished = book.planningDone(id, at: clock.now()) { await recorder.finish([finished]) }
        recorder.poke()
        logger.debug("dispatch: planned \(recipients.count) deliveries, \(list.exclusions.count) numbers excluded", metadata: ["warn.id": "\(warning.id)"])
    }

    /// Closes the deliveries of a dispatch in state `old` (stop, expiry, no link) and counts them.
    func close(_ id: Int64, from old: DeliveryState, route: Int? = nil, to state: DeliveryState, reason: String) async throws {
        let counts = try await store.closeDeliveries(dispatchID: id, from: old, route: route, to: state, reason: reason, at: clock.now())
        let moves = counts.map { Move(dispatch: id, carrier: $0.key, kind: .closedMany(old, state, $0.value)) }
        await recorder.finish(book.apply(moves, at: clock.now()))
        recorder.poke()
    }
}

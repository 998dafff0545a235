import Foundation
import TocsinCore
import TocsinStorage

/// What the dispatcher keeps in memory per dispatched warning: what the senders need for every
/// submit (text, expiry, stopped) and the live counters and milestones, kept in step with the
/// database by the recorder (every counted transition is one the database applied) and rebuilt
/// from it on start (docs/dispatch.md "Progress").
final class DispatchBook: @unchecked Sendable {
    struct Entry {
        let id: Int64
        let warningID: WarningIdentifier
        let priority: Int
        let approvedAt: Date
        let expires: Date
        let composer: MessageComposer
        var stopped = false
        var queuedExpired = false
        var submittedExpired = false
        var planningDone = false
        var byCarrier: [Int: DispatchProgress.Counts] = [:]
        var started: Date?
        var firstSubmit: Date?
        var lastSubmit: Date?
        var lastSubmitWritten: Date?
        var delivered50: Date?
        var delivered90: Date?
        var delivered99: Date?
        var finished: Date?

        var total: DispatchProgress.Counts {
            byCarrier.values.reduce(into: DispatchProgress.Counts()) { t, c in
                t.planned += c.planned; t.pending += c.pending; t.submitted += c.submitted; t.delivered += c.delivered
                t.failed += c.failed; t.expired += c.expired; t.cancelled += c.cancelled; t.acknowledged += c.acknowledged
            }
        }
        var isOpen: Bool { !planningDone || byCarrier.values.contains { $0.pending + $0.submitted > 0 } }
    }

    /// What a sender needs to submit one delivery of a dispatch.
    struct SendInfo: Sendable {
        let composer: MessageComposer
        let expires: Date
        let stopped: Bool
    }

    private let state = Locked<(entries: [Int64: Entry], byWarning: [WarningIdentifier: Int64], stamps: [Int64: DeliveryChanges.Stamps])>(([:], [:], [:]))

    /// Registers `entry` unless its dispatch is already known; false when it was (the caller
    /// that got true adopts it: rebuilds its counters and starts its planning, exactly once).
    func register(_ entry: Entry) -> Bool {
        state.withLock { s in
            guard s.entries[entry.id] == nil else { return false }
            s.entries[entry.id] = entry
            s.byWarning[entry.warningID] = entry.id
            return true
        }
    }

    func entry(_ id: Int64) -> Entry? { state.withLock { $0.entries[id] } }
    func dispatchID(of warning: WarningIdentifier) -> Int64? { state.withLock { $0.byWarning[warning] } }
    func sendInfo(_ id: Int64) -> SendInfo? {
        state.withLock { s in s.entries[id].map { SendInfo(composer: $0.composer, expires: $0.expires, stopped: $0.stopped) } }
    }
    /// Dispatches still open (planning or deliveries not final), for the sweeps.
    func openEntries() -> [Entry] { state.withLock { $0.entries.values.filter { $0.finished == nil } } }

    func update(_ id: Int64, _ body: (inout Entry) -> Void) {
        state.withLock { s in
            guard var e = s.entries[id] else { return }
            body(&e)
            s.entries[id] = e
        }
    }

    /// Counts `n` newly planned deliveries of `carrier`.
    func planned(_ id: Int64, carrier: Int, count n: Int) {
        update(id) { e in
            e.byCarrier[carrier, default: .init()].planned += n
            e.byCarrier[carrier, default: .init()].pending += n
        }
    }

    /// Replaces the counters of a dispatch with a tally read from the database.
    func rebuild(_ id: Int64, from tally: DeliveryTally) {
        update(id) { e in
            e.byCarrier = [:]
            for (carrier, states) in tally.counts {
                var c = DispatchProgress.Counts()
                for (s, n) in states { c.planned += n; c.add(n, to: s) }
                c.acknowledged = tally.acknowledged[carrier] ?? 0
                e.byCarrier[carrier] = c
            }
        }
    }

    /// Applies transitions the database confirmed and stamps the milestones they reach. Returns
    /// the warnings that have just finished (not stopped ones: a stop has its own outcome).
    func apply(_ moves: [Move], at now: Date) -> [WarningIdentifier] {
        state.withLock { s in
            var touched: Set<Int64> = []
            for m in moves {
                guard var e = s.entries[m.dispatch] else { continue }
                switch m.kind {
                case .transition(let from, let to): e.byCarrier[m.carrier, default: .init()].move(1, from: from, to: to)
                case .acknowledged: e.byCarrier[m.carrier, default: .init()].acknowledged += 1
                case .closedMany(let from, let to, let n): e.byCarrier[m.carrier, default: .init()].move(n, from: from, to: to)
                }
                if let at = m.submittedAt {
                    if e.firstSubmit == nil || at < e.firstSubmit! { e.firstSubmit = at; s.stamps[m.dispatch, default: .init(dispatchID: m.dispatch)].firstSubmitAt = at }
                    if e.lastSubmit == nil || at > e.lastSubmit! {
                        e.lastSubmit = at
                        // Written at most once a second while sending (one statement less per
                        // group commit); the exact value is written when the dispatch finishes.
                        if e.lastSubmitWritten.map({ at.timeIntervalSince($0) >= 1 }) ?? true {
                            e.lastSubmitWritten = at
                            s.stamps[m.dispatch, default: .init(dispatchID: m.dispatch)].lastSubmitAt = at
                        }
                    }
                }
                s.entries[m.dispatch] = e
                touched.insert(m.dispatch)
            }
            var finished: [WarningIdentifier] = []
            for id in touched {
                if let w = Self.milestones(&s.entries[id]!, &s.stamps, now: now) { finished.append(w) }
            }
            return finished
        }
    }

    /// Marks planning complete; returns the warning when that already finishes it (nobody to send to).
    func planningDone(_ id: Int64, at now: Date) -> WarningIdentifier? {
        state.withLock { s in
            guard s.entries[id] != nil else { return nil }
            s.entries[id]!.planningDone = true
            return Self.milestones(&s.entries[id]!, &s.stamps, now: now)
        }
    }

    /// Records the first claim; true the first time (the warning goes approved → sending).
    func markStarted(_ id: Int64, at now: Date) -> Bool {
        state.withLock { s in
            guard s.entries[id] != nil, s.entries[id]!.started == nil else { return false }
            s.entries[id]!.started = now
            s.stamps[id, default: .init(dispatchID: id)].startedAt = now
            return true
        }
    }

    /// Milestones reached since the last call, for the next group commit.
    func drainStamps() -> [DeliveryChanges.Stamps] {
        state.withLock { s in
            defer { s.stamps = [:] }
            return Array(s.stamps.values)
        }
    }

    func progress(_ id: Int64) -> DispatchProgress? {
        state.withLock { s in
            guard let e = s.entries[id] else { return nil }
            var byCarrier: [String: DispatchProgress.Counts] = [:]
            for (c, counts) in e.byCarrier { byCarrier[Carrier(index: c)?.rawValue ?? String(c)] = counts }
            return DispatchProgress(warningID: e.warningID, total: e.total, byCarrier: byCarrier, approvedAt: e.approvedAt,
                                    firstSubmitAt: e.firstSubmit, lastSubmitAt: e.lastSubmit, delivered50At: e.delivered50,
                                    delivered90At: e.delivered90, delivered99At: e.delivered99, isFinished: !e.isOpen)
        }
    }

    private static func milestones(_ e: inout Entry, _ stamps: inout [Int64: DeliveryChanges.Stamps], now: Date) -> WarningIdentifier? {
        let total = e.total
        if e.planningDone, total.planned > 0 {
            func reached(_ pct: Int) -> Bool { total.delivered * 100 >= total.planned * pct }
            if e.delivered50 == nil, reached(50) { e.delivered50 = now; stamps[e.id, default: .init(dispatchID: e.id)].delivered50At = now }
            if e.delivered90 == nil, reached(90) { e.delivered90 = now; stamps[e.id, default: .init(dispatchID: e.id)].delivered90At = now }
            if e.delivered99 == nil, reached(99) { e.delivered99 = now; stamps[e.id, default: .init(dispatchID: e.id)].delivered99At = now }
        }
        guard e.finished == nil, !e.isOpen else { return nil }
        e.finished = now
        stamps[e.id, default: .init(dispatchID: e.id)].finishedAt = now
        stamps[e.id, default: .init(dispatchID: e.id)].lastSubmitAt = e.lastSubmit
        return e.stopped ? nil : e.warningID
    }
}

/// One counted change of a delivery, confirmed by the database.
struct Move: Sendable {
    enum Kind: Sendable {
        case transition(DeliveryState, DeliveryState)
        case closedMany(DeliveryState, DeliveryState, Int)
        case acknowledged
    }
    var dispatch: Int64
    var carrier: Int
    var kind: Kind
    /// When the delivery was handed to the link (acceptances), for the first/last submit milestones.
    var submittedAt: Date? = nil
}

import CarrierGateway
import Foundation
import Logging
import TocsinCore
import TocsinStorage

/// What every sender shares with the dispatcher.
struct SenderContext: Sendable {
    let store: Store
    let book: DispatchBook
    let recorder: Recorder
    let matcher: ReportMatcher
    let hint: QueueHint
    let configuration: DispatcherConfiguration
    let clock: any WallClock
    let observer: (any DispatchObserver)?
    let logger: Logger
}

/// The sender of one carrier account: a claimer that keeps a small buffer of claimed deliveries
/// (highest priority first) and one slot per window slot of the account, each submitting one
/// delivery at a time and going on to the next only once its outcome is committed — so the window
/// is full, and what a crash can resend is bounded by the window.
///
/// Slots are not tasks: a slot runs on the callbacks of what it waits for — the carrier's answer
/// (on the account's event loop), the commit of its outcome (on the SQLite writer's thread, right
/// after the commit) or a claim (the claim loop hands it a delivery). Each of those takes the
/// next step at once, without a hop through the cooperative pool (docs/dispatch.md "Sending").
final class Sender: @unchecked Sendable {
    /// The account's position in the dispatcher (the report matcher's key).
    let index: Int
    let account: any CarrierAccount
    let name: String
    let route: Int
    let priorities: ClosedRange<Int>
    /// This account's name when another account serves the same route (retries avoid it), else "".
    let avoidKey: String
    let context: SenderContext
    let claimWake = Signal()

    struct Buffer {
        var items: [ClaimedDelivery] = []
        var head = 0
        /// Slots waiting for a claim.
        var idle: [Int] = []
        var closing = false
        /// Each busy slot's delivery's dispatch (recall finds the slots of a stopped warning).
        var current: [Int: Int64] = [:]
        /// Each slot's submit in a link's queue, to withdraw it (recall, close, cancellation).
        var tickets: [Int: SubmitTicket] = [:]
        /// Slots whose delivery was recalled: a submit not yet sent is withdrawn, no further
        /// segment is sent.
        var recalled: Set<Int> = []
        /// Slots not ended yet, and `run()` waiting for the last one to end.
        var active = 0
        var ended: CheckedContinuation<Void, Never>?

        var count: Int { items.count - head }
        mutating func popFirst() -> ClaimedDelivery? {
            guard head < items.count else { return nil }
            defer {
                head += 1
                if head > 1024, head * 2 > items.count { items.removeFirst(head); head = 0 }
            }
            return items[head]
        }
        mutating func drain() -> [ClaimedDelivery] {
            defer { items = []; head = 0 }
            return Array(items[head...])
        }
        /// Forgets what `slot` was doing: its delivery is settled.
        mutating func free(_ slot: Int) {
            current[slot] = nil
            tickets[slot] = nil
            recalled.remove(slot)
        }
        /// Ends `n` slots; the continuation to resume when that was the last.
        mutating func end(_ n: Int) -> CheckedContinuation<Void, Never>? {
            active -= n
            guard active == 0, let c = ended else { return nil }
            ended = nil
            return c
        }
    }
    let buffer = Locked(Buffer())
    /// When the claim loop last looked for leases to renew (only the claim loop uses it).
    private var lastLeaseCheck: Date?

    init(index: Int, account: any CarrierAccount, route: Int, priorities: ClosedRange<Int>, shared: Bool, context: SenderContext) {
        self.index = index
        self.account = account
        self.name = account.configuration.name
        self.route = route
        self.priorities = priorities
        self.avoidKey = shared ? account.configuration.name : ""
        self.context = context
    }

    private var slotCount: Int { max(1, account.configuration.windowSum * context.configuration.workersPerWindowSlot) }
    private var lowWater: Int { max(slotCount, context.configuration.claimBatch / 2) }

    /// Claims and sends until `close()` (slots finish their delivery, the buffer goes back to the
    /// queue) or cancellation (a crash: nothing more is sent or written; submits not yet written
    /// to a socket are withdrawn). Returns once every slot has ended.
    func run() async {
        let slots = slotCount
        buffer.withLock { $0.active = slots }
        for slot in 0..<slots { advance(slot) }
        await withTaskCancellationHandler {
            await claimLoop()
        } onCancel: {
            stopSlots(handBack: false)
        }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let done = buffer.withLock { b -> Bool in
                if b.active == 0 { return true }
                b.ended = c
                return false
            }
            if done { c.resume() }
        }
    }

    /// Graceful stop: no more claims; the buffer is handed back; waiting submits are withdrawn.
    func close() async {
        let released = stopSlots(handBack: true)
        for d in released { await context.recorder.enqueue(.requeued(d, notBefore: context.clock.now(), avoid: nil, reason: nil, release: true)) }
    }

    /// Closes the buffer: idle slots end, submits still in a link's queue are withdrawn (their
    /// slots end once that outcome is committed). Returns the buffer when `handBack`.
    @discardableResult
    private func stopSlots(handBack: Bool) -> [ClaimedDelivery] {
        let (released, tickets, last) = buffer.withLock { b in
            b.closing = true
            let released = handBack ? b.drain() : []
            let last = b.end(b.idle.count)
            b.idle = []
            return (released, Array(b.tickets.values), last)
        }
        for t in tickets { t.withdraw() }
        last?.resume()
        claimWake.fire()
        return released
    }

    /// Recalls the slots sending for one of `dispatches` (stop, expiry): a submit not yet written
    /// to a socket is withdrawn, and no further segment is sent.
    func recall(_ dispatches: Set<Int64>) {
        let tickets = buffer.withLock { b -> [SubmitTicket] in
            let slots = b.current.filter { dispatches.contains($0.value) }.map(\.key)
            b.recalled.formUnion(slots)
            return slots.compactMap { b.tickets[$0] }
        }
        for t in tickets { t.withdraw() }
    }

    private func claimLoop() async {
        let config = context.configuration
        while !Task.isCancelled {
            let (closing, need) = buffer.withLock { ($0.closing, $0.count < lowWater) }
            if closing { return }
            await renewLeases()
            if !need {
                await claimWake.wait(timeout: config.idlePoll)
                continue
            }
            let now = context.clock.now()
            let generation = context.hint.generation(route: route)
            // While a more urgent warning is being planned, claim nothing less urgent.
            let range = priorities.lowerBound...(context.hint.ceiling(route: route, within: priorities) ?? priorities.upperBound)
            let claimed: [ClaimedDelivery]
            do {
                claimed = try await context.store.claimDeliveries(
                    route: route, priorities: range, limit: config.claimBatch, owner: config.node,
                    leaseUntil: now.addingTimeInterval(config.leaseDuration.timeInterval), now: now, avoiding: name)
            } catch {
                context.logger.error("dispatch: claim failed", metadata: ["gw.link": "\(name)", "error": "\(error)"])
                await claimWake.wait(timeout: .seconds(1))
                continue
            }
            context.hint.claimed(route: route, generation: generation, count: claimed.count, limit: config.claimBatch,
                                 best: claimed.first?.priority)
            if claimed.isEmpty {
                await claimWake.wait(timeout: config.idlePoll)
                continue
            }
            for id in Set(claimed.map(\.dispatchID)) where context.book.markStarted(id, at: now) {
                if let w = context.book.entry(id)?.warningID { await context.observer?.dispatchStarted(w, at: now) }
                context.recorder.poke()
            }
            hand(claimed)
        }
    }

    /// Keeps the leases of the buffered deliveries: those with less than half the lease left are
    /// renewed, so a buffer that waits long on a loaded machine or a slow carrier does not lose
    /// its claims (an expired claim is given back unsent, and a more urgent one would then wait
    /// behind whatever was claimed meanwhile). A claim this node no longer holds is dropped.
    private func renewLeases() async {
        let config = context.configuration
        let now = context.clock.now()
        let half = config.leaseDuration.timeInterval / 2
        // The buffer is scanned at most every quarter lease (and every second at most), not on
        // every wake of the claim loop: under load it wakes once per delivery taken.
        let every = min(1.0, half / 2)
        if let last = lastLeaseCheck, now.timeIntervalSince(last) < every, now >= last { return }
        lastLeaseCheck = now
        let due = buffer.withLock { b in b.items[b.head...].filter { $0.leaseUntil.timeIntervalSince(now) < half } }
        guard !due.isEmpty else { return }
        let until = now.addingTimeInterval(config.leaseDuration.timeInterval)
        let held: Set<Int64>
        do {
            held = try await context.store.renewLeases(due, owner: config.node, until: until)
        } catch {
            context.logger.error("dispatch: renewing \(due.count) leases failed", metadata: ["gw.link": "\(name)", "error": "\(error)"])
            return
        }
        let asked = Set(due.map(\.id))
        let lost = buffer.withLock { b -> Int in
            var kept: [ClaimedDelivery] = []
            kept.reserveCapacity(b.count)
            for var item in b.items[b.head...] {
                if asked.contains(item.id) {
                    guard held.contains(item.id) else { continue }
                    item.leaseUntil = until
                }
                kept.append(item)
            }
            let lost = b.count - kept.count
            b.items = kept
            b.head = 0
            return lost
        }
        if lost > 0 {
            context.logger.warning("dispatch: \(lost) claims were taken back before they were sent; another node sends them", metadata: ["gw.link": "\(name)"])
        }
    }

    /// Adds claimed deliveries to the buffer (kept in priority order) and starts idle slots.
    private func hand(_ claimed: [ClaimedDelivery]) {
        var ready: [(slot: Int, item: ClaimedDelivery)] = []
        var released: [ClaimedDelivery] = []
        buffer.withLock { b in
            if b.closing { released = claimed; return }
            var items = b.drain() + claimed
            items.sort { ($0.priority, $0.id) < ($1.priority, $1.id) }
            b.items = items
            while !b.idle.isEmpty, let item = b.popFirst() {
                let slot = b.idle.removeFirst()
                b.current[slot] = item.dispatchID
                ready.append((slot, item))
            }
        }
        for (slot, item) in ready { advance(slot, with: item) }
        if !released.isEmpty { giveBack(released) }
    }

    /// The next delivery for `slot`, or nil: the slot is then idle (`hand` starts it again) or
    /// ended (closing). Hands the buffer back when a more urgent priority than its head was
    /// planned meanwhile (priority overtaking).
    private func take(_ slot: Int) -> ClaimedDelivery? {
        var released: [ClaimedDelivery] = []
        let urgent = min(context.hint.urgent(route: route), context.hint.ceiling(route: route, within: priorities) ?? .max)
        var last: CheckedContinuation<Void, Never>?
        let (item, wake): (ClaimedDelivery?, Bool) = buffer.withLock { b in
            b.free(slot)
            if b.closing {
                last = b.end(1)
                return (nil, false)
            }
            if priorities.contains(urgent), b.count > 0, urgent < b.items[b.head].priority { released = b.drain() }
            if let item = b.popFirst() {
                b.current[slot] = item.dispatchID
                return (item, b.count < lowWater)
            }
            b.idle.append(slot)
            return (nil, true)
        }
        if wake { claimWake.fire() }
        last?.resume()
        if !released.isEmpty { giveBack(released) }
        return item
    }

    private func giveBack(_ items: [ClaimedDelivery]) {
        let recorder = context.recorder, now = context.clock.now()
        Task { for d in items { await recorder.enqueue(.requeued(d, notBefore: now, avoid: nil, reason: nil, release: true)) } }
    }

    /// Starts `slot` on `first`, else on its next delivery; it runs until it waits for an answer,
    /// a commit or a claim.
    func advance(_ slot: Int, with first: ClaimedDelivery? = nil) {
        if let item = first ?? take(slot) { deliver(item, slot: slot) }
    }

    /// Ends `slot` because the recorder stopped (a crash): nothing of it is written any more.
    func endSlot(_ slot: Int) {
        let last = buffer.withLock { b in
            b.free(slot)
            return b.end(1)
        }
        last?.resume()
    }
}

/// A submit of a slot waiting in a link's queue, to withdraw (recall, close, cancellation). The
/// withdrawal may come before the submit is handed to the link: it then happens right after.
final class SubmitTicket: @unchecked Sendable {
    private let lock = NSLock()
    private var cancel: (@Sendable () -> Void)?
    private var withdrawn = false

    /// The link's withdrawal for this submit.
    func arm(_ cancel: @escaping @Sendable () -> Void) {
        lock.lock()
        if withdrawn {
            lock.unlock()
            cancel()
        } else {
            self.cancel = cancel
            lock.unlock()
        }
    }

    /// Withdraws the submit if it is not written to a socket yet (it then fails with `CancellationError`).
    func withdraw() {
        lock.lock()
        withdrawn = true
        let c = cancel
        cancel = nil
        lock.unlock()
        c?()
    }
}

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
/// (highest priority first) and one worker per window slot of the account, each submitting one
/// delivery at a time and waiting for its outcome to be committed before taking the next — so
/// the window is full, and what a crash can resend is bounded by the window.
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

    private struct Buffer {
        var items: [ClaimedDelivery] = []
        var head = 0
        var waiters: [(worker: Int, continuation: CheckedContinuation<ClaimedDelivery?, Never>)] = []
        var closing = false
        var current: [Int: Int64] = [:]
        var tasks: [Int: Task<Void, Never>] = [:]
        var recalled: Set<Int> = []

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
    }
    private let buffer = Locked(Buffer())
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

    private var workerCount: Int { max(1, account.configuration.windowSum * context.configuration.workersPerWindowSlot) }
    private var lowWater: Int { max(workerCount, context.configuration.claimBatch / 2) }

    /// Claims and sends until `close()` (workers finish their delivery, the buffer goes back to
    /// the queue) or cancellation (a crash: everything stops where it is).
    func run() async {
        for i in 0..<workerCount { spawn(i) }
        await withTaskCancellationHandler {
            await claimLoop()
        } onCancel: {
            let (tasks, waiters) = buffer.withLock { b in
                b.closing = true
                defer { b.waiters = [] }
                return (Array(b.tasks.values), b.waiters)
            }
            for t in tasks { t.cancel() }
            for w in waiters { w.continuation.resume(returning: nil) }
            claimWake.fire()
        }
        while let task = buffer.withLock({ $0.tasks.first?.value }) { await task.value }
    }

    /// Graceful stop: no more claims; the buffer is handed back; waiting submits are recalled.
    func close() async {
        let (released, waiters, tasks) = buffer.withLock { b in
            b.closing = true
            defer { b.waiters = [] }
            return (b.drain(), b.waiters, Array(b.tasks.values))
        }
        for w in waiters { w.continuation.resume(returning: nil) }
        for t in tasks { t.cancel() }
        claimWake.fire()
        for d in released { await context.recorder.enqueue(.requeued(d, notBefore: context.clock.now(), avoid: nil, reason: nil, release: true)) }
    }

    /// Recalls workers waiting in a submit for one of `dispatches` (stop, expiry): a submit not
    /// yet written to a socket is withdrawn, and the worker is replaced.
    func recall(_ dispatches: Set<Int64>) {
        let tasks = buffer.withLock { b -> [Task<Void, Never>] in
            let workers = b.current.filter { dispatches.contains($0.value) }.map(\.key)
            b.recalled.formUnion(workers)
            return workers.compactMap { b.tasks[$0] }
        }
        for t in tasks { t.cancel() }
    }

    private func spawn(_ worker: Int) {
        buffer.withLock { b in
            b.tasks[worker] = Task { [self] in await self.workerLoop(worker) }
        }
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

    /// Adds claimed deliveries to the buffer (kept in priority order) and wakes waiting workers.
    private func hand(_ claimed: [ClaimedDelivery]) {
        var ready: [(CheckedContinuation<ClaimedDelivery?, Never>, ClaimedDelivery)] = []
        var released: [ClaimedDelivery] = []
        buffer.withLock { b in
            if b.closing { released = claimed; return }
            var items = b.drain() + claimed
            items.sort { ($0.priority, $0.id) < ($1.priority, $1.id) }
            b.items = items
            while !b.waiters.isEmpty, let item = b.popFirst() {
                let w = b.waiters.removeFirst()
                b.current[w.worker] = item.dispatchID
                ready.append((w.continuation, item))
            }
        }
        for (c, item) in ready { c.resume(returning: item) }
        if !released.isEmpty { giveBack(released) }
    }

    /// The next delivery for `worker`, or nil when closing. Hands the buffer back when a more
    /// urgent priority than its head was planned meanwhile (priority overtaking).
    private func take(_ worker: Int) async -> ClaimedDelivery? {
        var released: [ClaimedDelivery] = []
        let item: ClaimedDelivery? = await withCheckedContinuation { c in
            let urgent = min(context.hint.urgent(route: route), context.hint.ceiling(route: route, within: priorities) ?? .max)
            let (now, wake): (ClaimedDelivery??, Bool) = buffer.withLock { b in
                b.current[worker] = nil
                if b.closing { return (.some(nil), false) }
                if priorities.contains(urgent), b.count > 0, urgent < b.items[b.head].priority { released = b.drain() }
                if let item = b.popFirst() {
                    b.current[worker] = item.dispatchID
                    return (.some(item), b.count < lowWater)
                }
                b.waiters.append((worker, c))
                return (nil, true)
            }
            if wake { claimWake.fire() }
            if let now { c.resume(returning: now) }
        }
        if !released.isEmpty { giveBack(released) }
        return item
    }

    private func giveBack(_ items: [ClaimedDelivery]) {
        let recorder = context.recorder, now = context.clock.now()
        Task { for d in items { await recorder.enqueue(.requeued(d, notBefore: now, avoid: nil, reason: nil, release: true)) } }
    }

    private func workerLoop(_ worker: Int) async {
        while let item = await take(worker) {
            await deliver(item)
            if Task.isCancelled { break }
        }
        let respawn = buffer.withLock { b in
            b.current[worker] = nil
            b.tasks[worker] = nil
            return b.recalled.remove(worker) != nil && !b.closing
        }
        if respawn { spawn(worker) }
    }
}

import CarrierSession
import Logging
import NIOCore

/// What the account needs from each of its connection drivers (``LinkDriver``), type-erased so
/// that one account holds drivers of any protocol adapter. Everything runs on the account's loop.
protocol LinkDriving: AnyObject {
    var name: String { get }
    /// Neither stopped nor waiting out a login-failure backoff: it will take submits soon.
    var isUsable: Bool { get }
    var isStopped: Bool { get }
    func start()
    /// Graceful: drain the window and unbind. Immediate: close the connection now.
    func stop(immediate: Bool)
    /// Takes submits from the account queue while the window has room and tokens allow.
    func fill()
    func health(now: ContinuousClock.Instant) -> LinkHealth
}

/// The shared part of one carrier account, confined to one event loop: the bounded submit queue,
/// the TPS token bucket, the throttle pause, the report buffer and the account's drivers.
///
/// All connections of an account live on this one loop, so the bucket, queue and buffer need no
/// locks; one loop handles far more PDUs per second than any carrier account's contract allows.
final class AccountCore {
    enum Phase { case created, running, stopping, stopped }

    let eventLoop: EventLoop
    let configuration: LinkConfiguration
    let reports: ReportBuffer
    let stateChanges: AsyncStream<LinkStateChange>.Continuation
    let stopped: EventLoopPromise<Void>
    let logger: Logger
    var drivers: [any LinkDriving] = []
    private(set) var phase = Phase.created
    private var queue = CircularBuffer<QueuedSubmit>()
    private var bucket: TokenBucket<ContinuousClock.Instant>?
    private var pausedUntil: ContinuousClock.Instant?
    private var pumpTimer: (at: ContinuousClock.Instant, task: Scheduled<Void>)?
    private var rotation = 0
    private var throttlePauses = 0

    init(configuration: LinkConfiguration, eventLoop: EventLoop, reports: ReportBuffer,
         stateChanges: AsyncStream<LinkStateChange>.Continuation, logger: Logger) {
        self.configuration = configuration
        self.eventLoop = eventLoop
        self.reports = reports
        self.stateChanges = stateChanges
        self.stopped = eventLoop.makePromise()
        var logger = logger
        logger[metadataKey: "gw.account"] = "\(configuration.name)"
        self.logger = logger
        if configuration.tps > 0 {
            bucket = TokenBucket(rate: configuration.tps, capacity: configuration.effectiveBurst, now: .now)
        }
    }

    // MARK: - Lifecycle

    func start() {
        guard phase == .created else { return }
        phase = .running
        for driver in drivers { driver.start() }
    }

    /// Stops every connection; queued submits are handed back at once (never sent, safe to retry).
    func stop(immediate: Bool) {
        switch phase {
        case .created, .running:
            phase = .stopping
            failQueue(.shuttingDown)
            pumpTimer?.task.cancel()
            pumpTimer = nil
            for driver in drivers { driver.stop(immediate: immediate) }
            driverStopped()
        case .stopping:
            if immediate { for driver in drivers { driver.stop(immediate: true) } }
        case .stopped:
            break
        }
    }

    /// Called by a driver that reached `stopped`; finishes the account once all have.
    func driverStopped() {
        guard phase == .stopping, drivers.allSatisfy(\.isStopped) else { return }
        phase = .stopped
        reports.finish()
        stateChanges.finish()
        stopped.succeed()
    }

    // MARK: - Submits

    /// Queues `message`; `promise` gets the carrier's answer or a ``SubmitError``.
    func submit(_ submits: [PendingSubmit]) {
        let now = ContinuousClock.now
        for submit in submits {
            let promise = submit.promise
            switch phase {
            case .stopping, .stopped:
                promise.fail(SubmitError(.shuttingDown, retry: .safe))
                continue
            case .running where !drivers.contains(where: \.isUsable):
                promise.fail(SubmitError(.linkDown, retry: .safe))
                continue
            case .created, .running:
                break
            }
            guard queue.count < configuration.maxQueuedSubmits else {
                promise.fail(SubmitError(.backlogFull, retry: .safe))
                continue
            }
            queue.append(QueuedSubmit(id: ObjectIdentifier(promise.futureResult), message: submit.message,
                                      promise: promise, enqueuedAt: now))
        }
        pump()
    }

    /// The caller stopped waiting: drop its submit if it is still queued (never sent).
    func cancel(_ id: ObjectIdentifier) {
        guard let index = queue.firstIndex(where: { $0.id == id }) else { return }
        queue.remove(at: index).promise.fail(CancellationError())
    }

    /// What a driver with a free slot gets from ``take(now:)``.
    enum Take {
        case submit(QueuedSubmit)
        /// Nothing queued, or waiting for a token / the end of a throttle pause (a pump is scheduled).
        case nothing
    }

    /// The next submit to send at `now`, if the queue, the throttle pause and the bucket allow.
    func take(now: ContinuousClock.Instant) -> Take {
        guard phase == .running, !queue.isEmpty else { return .nothing }
        if let pausedUntil, now < pausedUntil {
            schedulePump(at: pausedUntil)
            return .nothing
        }
        if var bucket {
            let wait = bucket.take(now: now)
            self.bucket = bucket
            if let wait {
                schedulePump(at: now.advanced(by: wait))
                return .nothing
            }
        }
        return .submit(queue.removeFirst())
    }

    /// Puts a throttled submit back at the head of the queue.
    func requeue(_ submit: QueuedSubmit) {
        guard phase == .running else {
            return submit.promise.fail(SubmitError(.shuttingDown, retry: .safe))
        }
        queue.prepend(submit)
    }

    /// A throttle answer arrived: every connection of the account pauses (smpp.md §9: Kannel
    /// pauses ~1 s on ESME_RTHROTTLED), and the stored burst is dropped.
    func throttled(now: ContinuousClock.Instant) {
        if !isPaused(now: now) { throttlePauses += 1 }
        let until = now.advanced(by: configuration.throttlePause)
        if pausedUntil.map({ $0 < until }) ?? true { pausedUntil = until }
        bucket?.drain(now: now)
    }

    /// Whether sending is paused by a throttle answer at `now`.
    func isPaused(now: ContinuousClock.Instant) -> Bool { pausedUntil.map { now < $0 } ?? false }

    /// Offers every driver the chance to send, starting with a different one each time.
    func pump() {
        guard phase == .running, !queue.isEmpty, !drivers.isEmpty else { return }
        let count = drivers.count
        for step in 0..<count where !queue.isEmpty {
            drivers[(rotation + step) % count].fill()
        }
        rotation = (rotation + 1) % count
    }

    private func schedulePump(at instant: ContinuousClock.Instant) {
        if let pumpTimer, pumpTimer.at <= instant { return }
        pumpTimer?.task.cancel()
        let delay = ContinuousClock.now.duration(to: instant)
        let task = eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(max(0, delay.nanoseconds))) {
            self.pumpTimer = nil
            self.pump()
        }
        pumpTimer = (instant, task)
    }

    // MARK: - Links

    /// A driver's state changed: publish it, and hand back the queue when no link can take it.
    func driverStateChanged(_ driver: any LinkDriving, to state: LinkState) {
        stateChanges.yield(LinkStateChange(link: driver.name, state: state))
        if phase == .running, !drivers.contains(where: \.isUsable) {
            failQueue(.linkDown)
        }
    }

    private func failQueue(_ code: SubmitError.Code) {
        while let submit = queue.popFirst() {
            submit.promise.fail(SubmitError(code, retry: .safe))
        }
    }

    /// Whether submits are waiting.
    var hasQueuedSubmits: Bool { !queue.isEmpty }

    func health() -> AccountHealth {
        let now = ContinuousClock.now
        return AccountHealth(
            name: configuration.name, carrier: configuration.carrier, isTestLink: configuration.isTestLink,
            tps: configuration.tps, queued: queue.count, throttlePauses: throttlePauses,
            links: drivers.map { $0.health(now: now) })
    }
}

extension Duration {
    /// Whole nanoseconds (saturating), for NIO's `TimeAmount`.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? (seconds < 0 ? .min : .max) : product &+ attoseconds / 1_000_000_000
    }
}

import Foundation
import CarrierSession
import CarrierWire
import Logging
import NIOCore

/// Drives one connection of an account: feeds channel events and submits into the session
/// state machine and executes the actions it returns — in one place (STYLE.md habit 2, after
/// postgres-nio's `PostgresChannelHandler`). Confined to the account's event loop; survives
/// reconnects (a new channel per connection, the same machine).
final class LinkDriver<A: ProtocolAdapter>: LinkDriving {
    typealias Machine = SessionStateMachine<A.Key, InFlightSubmit, A.Response, ContinuousClock>

    enum Phase { case created, running, stopping, stopped }

    let name: String
    unowned let account: AccountCore
    let eventLoop: EventLoop
    let connector: Connector<A>
    let metrics: LinkMetrics
    var adapter: A
    var machine: Machine
    var backoff: ReconnectBackoff<SystemRandomNumberGenerator>
    var logger: Logger
    var phase = Phase.created
    var channel: Channel?
    /// Bumped whenever a channel is abandoned, so late events from it are ignored.
    var generation = 0
    var tickTimer: Scheduled<Void>?
    /// When `tickTimer` fires.
    var tickArmedFor: ContinuousClock.Instant?
    var reconnectTimer: Scheduled<Void>?
    var boundSince: ContinuousClock.Instant?
    var waitingOutLoginFailure = false
    var closedWhileIdle = false
    var state = LinkState.idle
    var counters = LinkCounters()
    var lastError: String?
    private var depth = 0
    var needsFlush = false
    /// A deferred flush is queued on the loop (`flushLater`).
    private var flushQueued = false
    private var needsFill = false
    /// The packet behind the `handlePeerRequest`/`rejectPeerRequest` being executed.
    private var currentRequest: A.Wire.Packet?
    /// Answers to reports the consumer has recorded (`ReportAcknowledgementPolicy.whenRecorded`).
    private var acknowledgements: LoopInbox<(generation: Int, packet: A.Wire.Packet)>?

    init(index: Int, adapter: A, account: AccountCore, connector: Connector<A>, logger: Logger) {
        let configuration = account.configuration
        self.name = configuration.linkName(index)
        self.account = account
        self.eventLoop = account.eventLoop
        self.connector = connector
        self.adapter = adapter
        self.machine = Machine(parameters: configuration.session)
        self.backoff = ReconnectBackoff(standard: configuration.reconnectBackoff,
                                        linkFatal: configuration.loginFailureBackoff,
                                        random: SystemRandomNumberGenerator())
        self.metrics = LinkMetrics(carrier: configuration.carrier, link: name)
        var logger = logger
        logger[metadataKey: "gw.link"] = "\(name)"
        self.logger = logger
        if configuration.reportAcknowledgement == .whenRecorded {
            let bound = NIOLoopBound(WeakReference(object: self), eventLoop: eventLoop)
            acknowledgements = LoopInbox(loop: eventLoop) { bound.value.object?.writeAcknowledgements($0) }
        }
    }

    // MARK: - LinkDriving
    //
    // The account calls these through `any LinkDriving`, which lands in the generic body; the
    // `@_specialize` attributes make them (and all they call) run specialised per adapter.

    var isUsable: Bool { phase == .running && !waitingOutLoginFailure }
    var isStopped: Bool { phase == .stopped }

    @_specialize(where A == CMPPAdapter<CMPP2>)
    @_specialize(where A == CMPPAdapter<CMPP3>)
    @_specialize(where A == SGIPAdapter)
    @_specialize(where A == SMGPAdapter)
    @_specialize(where A == SMPPAdapter)
    func start() {
        guard phase == .created else { return }
        phase = .running
        feed(.connect)
    }

    @_specialize(where A == CMPPAdapter<CMPP2>)
    @_specialize(where A == CMPPAdapter<CMPP3>)
    @_specialize(where A == SGIPAdapter)
    @_specialize(where A == SMGPAdapter)
    @_specialize(where A == SMPPAdapter)
    func stop(immediate: Bool) {
        switch phase {
        case .created:
            finish()
        case .running:
            phase = .stopping
            reconnectTimer?.cancel()
            switch machine.state {
            case .idle, .closed: finish()
            default: feed(.close)
            }
            if immediate { channel?.close(promise: nil) }
        case .stopping:
            if immediate { channel?.close(promise: nil) }
        case .stopped:
            break
        }
    }

    @_specialize(where A == CMPPAdapter<CMPP2>)
    @_specialize(where A == CMPPAdapter<CMPP3>)
    @_specialize(where A == SGIPAdapter)
    @_specialize(where A == SMGPAdapter)
    @_specialize(where A == SMPPAdapter)
    func fill() {
        guard depth == 0 else {
            needsFill = true
            return
        }
        batch { fillWindow() }
    }

    @_specialize(where A == CMPPAdapter<CMPP2>)
    @_specialize(where A == CMPPAdapter<CMPP3>)
    @_specialize(where A == SGIPAdapter)
    @_specialize(where A == SMGPAdapter)
    @_specialize(where A == SMPPAdapter)
    func health(now: ContinuousClock.Instant) -> LinkHealth {
        var shown = state
        if state == .bound, account.isPaused(now: now) { shown = .degraded(reason: "throttled by the carrier") }
        return LinkHealth(name: name, state: shown, inFlight: machine.inFlightCount,
                          window: machine.parameters.windowSize, counters: counters, lastError: lastError)
    }

    // MARK: - Feeding the machine

    /// Runs `body`; when the outermost batch ends, fills the window and flushes once — or, with
    /// `deferFlush`, in a task queued behind what the loop has to do already (`flushLater`).
    func batch(deferFlush: Bool = false, _ body: () -> Void) {
        depth += 1
        body()
        depth -= 1
        guard depth == 0 else { return }
        while needsFill, phase == .running {
            needsFill = false
            depth += 1
            fillWindow()
            depth -= 1
        }
        if needsFlush {
            if deferFlush { return flushLater() }
            needsFlush = false
            channel?.flush()
        }
    }

    /// Flushes in a task queued behind the loop's pending work: whatever that work writes on
    /// this link goes out in the same segment.
    private func flushLater() {
        guard !flushQueued else { return }
        flushQueued = true
        eventLoop.assumeIsolated().execute { [weak self] in
            guard let self else { return }
            flushQueued = false
            batch {}
        }
    }

    func feed(_ event: Machine.Event) {
        batch {
            for action in machine.handle(event, now: .now) { execute(action) }
        }
    }

    private func fillWindow() {
        guard phase == .running else { return }
        if closedWhileIdle {
            if account.hasQueuedSubmits {
                closedWhileIdle = false
                feed(.connect)
            }
            return
        }
        while machine.availableSlots > 0 {
            guard case .submit(let queued) = account.take(now: .now) else { return }
            send(queued)
        }
        metrics.inFlight(machine.inFlightCount)
    }

    private func send(_ queued: QueuedSubmit) {
        let key = adapter.nextKey()
        var bytes = channel?.allocator.buffer(capacity: 96) ?? ByteBuffer()
        do {
            try A.Wire.encode(adapter.submit(queued.message, key: key), into: &bytes)
        } catch {
            logger.debug("submit cannot be encoded", metadata: ["gw.error": "\(error)"])
            queued.promise.fail(SubmitError(.invalidMessage, retry: .safe))
            return
        }
        feed(.submit(key: key, request: InFlightSubmit(queued: queued, bytes: bytes, sentAt: .now)))
    }

    // MARK: - Executing actions

    private func execute(_ action: Machine.Action) {
        switch action {
        case .openConnection:
            connector.open(for: self)
        case .sendLogin:
            write(adapter.login(key: adapter.nextKey()))
        case .sendKeepAlive:
            counters.keepAlivesSent += 1
            write(adapter.keepAlive(key: adapter.nextKey()))
        case .answerKeepAlive(let key):
            write(adapter.keepAliveAnswer(key: key))
        case .answerTerminate(let key):
            write(adapter.terminateAnswer(key: key))
        case .sendTerminate:
            write(adapter.terminate(key: adapter.nextKey()))
        case .sendSubmit(_, let request, _):
            counters.submitsSent += 1
            writeBytes(request.bytes)
        case .windowFull(_, let request):
            account.requeue(request.queued)  // fillWindow checks the slots first; kept for safety
        case .completeSubmit(_, let request, let response):
            complete(request, outcome: adapter.submitOutcome(response))
        case .failSubmit(_, let request, let failure):
            let error = SubmitError(failure)
            counters.failed += 1
            metrics.failed(error)
            request.queued.promise.fail(error)
        case .lateResponse:
            counters.lateResponses += 1
            logger.debug("response after its submit had failed")
        case .unknownResponse:
            logger.debug("response for a key not in flight")
        case .handlePeerRequest:
            handlePeerRequest()
        case .rejectPeerRequest:
            if let request = currentRequest, let answer = adapter.answer(request, .rejected) { write(answer) }
        case .closeConnection:
            abandonChannel()
        case .scheduleTick(let instant):
            scheduleTick(at: instant)
        case .stateChanged(let sessionState):
            sessionStateChanged(sessionState)
        }
    }

    private func complete(_ request: InFlightSubmit, outcome: SubmitOutcome) {
        let now = ContinuousClock.now
        metrics.answered(outcome, after: request.sentAt.duration(to: now))
        needsFill = true
        switch outcome {
        case .accepted:
            counters.accepted += 1
            if case .degraded = state, !account.isPaused(now: now) { setState(.bound) }
        case .rejected(let rejection):
            counters.rejected += 1
            if rejection.retryClass == .throttle {
                counters.throttled += 1
                account.throttled(now: now)
                if case .bound = state { setState(.degraded(reason: "throttled by the carrier")) }
                if request.queued.throttleAnswers < account.configuration.throttleRetries {
                    var again = request.queued
                    again.throttleAnswers += 1
                    account.requeue(again)
                    return
                }
            }
        }
        request.queued.promise.succeed(outcome)
    }

    private func handlePeerRequest() {
        guard let request = currentRequest else { return }
        let disposition: PeerRequestDisposition
        // Waiting for the consumer: the answer goes out when it has recorded the report.
        let acknowledgement = acknowledgements == nil ? nil : adapter.answer(request, .accepted).map(acknowledgement(sending:))
        switch adapter.peerRequest(request, link: name) {
        case .report(var report):
            report.acknowledgement = acknowledgement
            if account.reports.offer(.status(report)) {
                counters.reportsReceived += 1
                counters.lastReportAt = Date()
                metrics.report(report.outcome)
                disposition = .accepted
            } else {
                counters.reportsDeferred += 1
                metrics.reportDeferred()
                disposition = .deferred
            }
        case .mo(var message):
            message.acknowledgement = acknowledgement
            if account.reports.offer(.mo(message)) {
                counters.moReceived += 1
                metrics.moReceived()
                disposition = .accepted
            } else {
                counters.reportsDeferred += 1
                metrics.reportDeferred()
                disposition = .deferred
            }
        case .unsupported:
            disposition = .rejected
        }
        if disposition == .accepted, acknowledgement != nil { return }
        if let answer = adapter.answer(request, disposition) { write(answer) }
    }

    /// Writes `answer` when the consumer acknowledges, if the connection the request came on is
    /// still this link's; after a reconnect the carrier delivers the report again instead.
    private func acknowledgement(sending answer: A.Wire.Packet) -> ReportAcknowledgement {
        let generation = self.generation
        let outbox = acknowledgements
        return ReportAcknowledgement { outbox?.post((generation, answer)) }
    }

    /// Writes the acknowledged answers (on the loop). They are flushed with what the loop writes
    /// next on the link: a group commit acknowledges its reports and then hands the senders' next
    /// submits to the loop, so one segment carries both and the carrier reads once.
    @_specialize(where A == CMPPAdapter<CMPP2>)
    @_specialize(where A == CMPPAdapter<CMPP3>)
    @_specialize(where A == SGIPAdapter)
    @_specialize(where A == SMGPAdapter)
    @_specialize(where A == SMPPAdapter)
    func writeAcknowledgements(_ answers: [(generation: Int, packet: A.Wire.Packet)]) {
        batch(deferFlush: true) {
            for answer in answers {
                if answer.generation == generation, channel != nil {
                    write(answer.packet)
                } else {
                    counters.acknowledgementsDropped += 1
                }
            }
        }
    }

    /// Runs `body` with `packet` as the request that `handlePeerRequest` / `rejectPeerRequest` refer to.
    func withCurrentRequest(_ packet: A.Wire.Packet, _ body: () -> Void) {
        currentRequest = packet
        body()
        currentRequest = nil
    }
}

/// The state machine of one carrier link (CMPP, SGIP, SMGP or SMPP client side), as a value:
/// hand it an event and the current instant, get back the actions to execute. It does no I/O
/// and never reads a clock (STYLE.md habit 2; modelled on postgres-nio's ConnectionStateMachine).
///
/// - `Key`: the protocol's sequence number (`UInt32`, or ``SGIPSequenceNumber``).
/// - `Request` / `Response`: whatever the shell wants back in `completeSubmit` / `failSubmit`
///   (typically the encoded submit plus its promise, and the decoded response).
/// - `C`: the clock whose instants the shell passes in (`ContinuousClock` in production, a
///   manual clock in tests).
///
/// States and the events they accept are listed on ``SessionEvent``; the protocol differences are
/// all in ``SessionParameters``. Invariants:
/// - every submit handed in comes back exactly once, as `sendSubmit` followed later by
///   `completeSubmit` or `failSubmit`, or at once as `windowFull` or `failSubmit` — never dropped;
/// - after every event the machine asks for its next tick with `scheduleTick` when that instant
///   changed (and always after a tick), so the shell needs a single timer.
///
/// A shell drives it like this (sketch):
/// ```swift
/// var machine = SessionStateMachine<UInt32, PendingSubmit, SubmitResponse, ContinuousClock>(parameters: .cmpp)
/// for action in machine.handle(.submit(key: sequence.next(), request: pending), now: clock.now) {
///     switch action {
///     case .sendSubmit(let key, let request, _): write(request.bytes, key)
///     case .windowFull(_, let request): waiting.append(request)
///     case .scheduleTick(let instant): rearmTimer(at: instant)
///     // … every other action, in order
///     }
/// }
/// ```
public struct SessionStateMachine<Key: Hashable & Sendable, Request: Sendable, Response: Sendable, C: Clock>: Sendable
where C.Duration == Duration {
    /// The events this machine takes.
    public typealias Event = SessionEvent<Key, Request, Response>
    /// The actions this machine returns.
    public typealias Action = SessionAction<Key, Request, Response, C.Instant>

    enum Phase: Sendable {
        case idle
        case connecting(deadline: C.Instant)
        case loggingIn(deadline: C.Instant)
        case bound
        case unbinding(intent: CloseReason, step: UnbindStep)
        case closed(CloseReason)
    }

    enum UnbindStep: Sendable {
        /// Waiting for in-flight submits to be answered.
        case draining(until: C.Instant)
        /// Our terminate is out; waiting for its response.
        case awaitingTerminateResponse(until: C.Instant)
    }

    /// The timers and limits this link runs with.
    public let parameters: SessionParameters

    var phase: Phase = .idle
    var window: SubmitWindow<Key, Request, C.Instant>
    var keepAlive: KeepAliveTimer<C.Instant>?
    /// The last PDU received while bound (keep-alive reference).
    var lastInbound: C.Instant?
    /// The last PDU sent or received while bound (idle-close reference).
    var lastActivity: C.Instant?
    /// PDUs received so far; a submit exhausting its sends with this count unchanged since its
    /// first send means the peer has been silent all along → the link is dead.
    var inboundCount: UInt64 = 0
    var failedKeys: RecentKeys<Key>
    var announcedTick: C.Instant?

    /// Creates a machine in ``SessionState/idle``.
    public init(parameters: SessionParameters) {
        self.parameters = parameters
        self.window = SubmitWindow(
            capacity: parameters.windowSize,
            responseTimeout: parameters.responseTimeout,
            maxAttempts: parameters.maxAttempts
        )
        self.failedKeys = RecentKeys(capacity: parameters.lateResponseMemory)
    }

    /// The current state.
    public var state: SessionState {
        switch phase {
        case .idle: return .idle
        case .connecting: return .connecting
        case .loggingIn: return .loggingIn
        case .bound: return .bound
        case .unbinding: return .unbinding
        case .closed(let reason): return .closed(reason)
        }
    }

    /// Submits in flight.
    public var inFlightCount: Int { window.count }

    /// How many submits would be sent right now (0 unless bound).
    public var availableSlots: Int {
        if case .bound = phase { return window.availableSlots }
        return 0
    }

    /// Feeds one event at instant `now` and returns the actions to execute, in order.
    /// Which states accept which event is listed on ``SessionEvent``. Never traps.
    public mutating func handle(_ event: Event, now: C.Instant) -> [Action] {
        var actions: [Action] = []
        switch event {
        case .connect:
            connect(now: now, into: &actions)
        case .connected:
            guard case .connecting = phase else { break }
            phase = .loggingIn(deadline: now.advanced(by: parameters.loginTimeout))
            actions.append(.sendLogin)
            actions.append(.stateChanged(.loggingIn))
        case .loginResponse(let result):
            loginResponse(result, now: now, into: &actions)
        case .received(let pdu):
            received(pdu, now: now, into: &actions)
        case .submit(let key, let request):
            submit(key: key, request: request, now: now, into: &actions)
        case .tick:
            announcedTick = nil
            tick(now: now, into: &actions)
        case .close:
            close(now: now, into: &actions)
        case .connectionLost:
            connectionLost(into: &actions)
        }
        scheduleNextTick(into: &actions)
        return actions
    }

    // MARK: - Before bound

    private mutating func connect(now: C.Instant, into actions: inout [Action]) {
        switch phase {
        case .idle, .closed:
            failedKeys.removeAll()
            keepAlive = nil
            lastInbound = nil
            lastActivity = nil
            phase = .connecting(deadline: now.advanced(by: parameters.connectTimeout))
            actions.append(.openConnection)
            actions.append(.stateChanged(.connecting))
        case .connecting, .loggingIn, .bound, .unbinding:
            break
        }
    }

    private mutating func loginResponse(_ result: LoginResult, now: C.Instant, into actions: inout [Action]) {
        guard case .loggingIn = phase else { return }
        switch result {
        case .accepted:
            phase = .bound
            inboundCount &+= 1
            lastInbound = now
            lastActivity = now
            keepAlive = parameters.keepAlive.map { KeepAliveTimer(parameters: $0) }
            actions.append(.stateChanged(.bound))
        case .rejected(let status, let retryClass):
            closeNow(.loginRejected(status: status, retryClass: retryClass), failing: .connectionLost,
                     closeConnection: true, into: &actions)
        }
    }

    private mutating func submit(key: Key, request: Request, now: C.Instant, into actions: inout [Action]) {
        switch phase {
        case .bound:
            switch window.insert(key: key, request: request, now: now, mark: inboundCount) {
            case .inserted:
                lastActivity = now
                actions.append(.sendSubmit(key: key, request: request, attempt: 1))
            case .full:
                actions.append(.windowFull(key: key, request: request))
            case .duplicateKey:
                actions.append(.failSubmit(key: key, request: request,
                                           failure: SubmitFailure(reason: .duplicateKey, attempts: 0)))
            }
        case .unbinding:
            actions.append(.failSubmit(key: key, request: request,
                                       failure: SubmitFailure(reason: .closing, attempts: 0)))
        case .idle, .connecting, .loggingIn, .closed:
            actions.append(.failSubmit(key: key, request: request,
                                       failure: SubmitFailure(reason: .notBound, attempts: 0)))
        }
    }

    private mutating func close(now: C.Instant, into actions: inout [Action]) {
        switch phase {
        case .idle:
            phase = .closed(.requested)
            actions.append(.stateChanged(.closed(.requested)))
        case .connecting, .loggingIn:
            closeNow(.requested, failing: .connectionLost, closeConnection: true, into: &actions)
        case .bound:
            beginUnbinding(intent: .requested, now: now, into: &actions)
        case .unbinding, .closed:
            break
        }
    }

    private mutating func connectionLost(into actions: inout [Action]) {
        switch phase {
        case .connecting:
            closeNow(.connectFailed, failing: .connectionLost, closeConnection: false, into: &actions)
        case .loggingIn, .bound, .unbinding:
            closeNow(.connectionLost, failing: .connectionLost, closeConnection: false, into: &actions)
        case .idle, .closed:
            break
        }
    }

    // MARK: - Closing

    /// Fails every in-flight submit with `failure`, optionally asks the shell to close the
    /// connection, and enters `closed`. Once unbinding, the close keeps the reason the unbinding
    /// started for (so a requested shutdown never turns into a reconnect).
    mutating func closeNow(
        _ reason: CloseReason, failing failure: SubmitFailure.Reason, closeConnection: Bool,
        into actions: inout [Action]
    ) {
        var finalReason = reason
        if case .unbinding(let intent, _) = phase { finalReason = intent }
        failAllInFlight(failure, into: &actions)
        keepAlive = nil
        if closeConnection { actions.append(.closeConnection) }
        phase = .closed(finalReason)
        actions.append(.stateChanged(.closed(finalReason)))
    }

    /// Hands every in-flight submit back as failed (never silently dropped), in send order.
    mutating func failAllInFlight(_ reason: SubmitFailure.Reason, into actions: inout [Action]) {
        for entry in window.removeAll() {
            failedKeys.insert(entry.key)
            actions.append(.failSubmit(key: entry.key, request: entry.request,
                                       failure: SubmitFailure(reason: reason, attempts: entry.attempts)))
        }
    }

    // MARK: - Timer

    private mutating func scheduleNextTick(into actions: inout [Action]) {
        let next = nextDeadline()
        guard next != announcedTick else { return }
        announcedTick = next
        if let next { actions.append(.scheduleTick(at: next)) }
    }

    private func nextDeadline() -> C.Instant? {
        switch phase {
        case .idle, .closed:
            return nil
        case .connecting(let deadline), .loggingIn(let deadline):
            return deadline
        case .unbinding(_, .awaitingTerminateResponse(let until)):
            return until
        case .unbinding(_, .draining(let until)):
            return earliest(until, window.nextDeadline)
        case .bound:
            var next = window.nextDeadline
            if let keepAlive, let lastInbound {
                next = earliest(keepAlive.nextDeadline(lastInbound: lastInbound), next)
            }
            if window.isEmpty, let idle = parameters.idleClose, let lastActivity {
                next = earliest(lastActivity.advanced(by: idle), next)
            }
            return next
        }
    }

    private func earliest(_ a: C.Instant, _ b: C.Instant?) -> C.Instant {
        guard let b else { return a }
        return min(a, b)
    }
}

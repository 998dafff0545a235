/// An input to ``SessionStateMachine``. Every event is handed in together with the current
/// instant of the injected clock; the machine never reads a clock itself.
///
/// Which states accept which event (anything else is ignored and returns no actions, except
/// where noted):
///
/// | Event | accepted in | effect |
/// |---|---|---|
/// | `connect` | idle, closed | → connecting, `openConnection` |
/// | `connected` | connecting | → loggingIn, `sendLogin` |
/// | `loginResponse` | loggingIn | → bound, or `closeConnection` → closed(loginRejected) |
/// | `received` | loggingIn, bound, unbinding | see ``InboundPDU`` |
/// | `submit` | bound (elsewhere the submit is failed back, never dropped) | `sendSubmit` or `windowFull` |
/// | `tick` | every state | fires due timers |
/// | `close` | idle, connecting, loggingIn, bound | graceful close / immediate close |
/// | `connectionLost` | connecting, loggingIn, bound, unbinding | in-flight submits failed → closed |
public enum SessionEvent<Key: Hashable & Sendable, Request: Sendable, Response: Sendable>: Sendable {
    /// Open a connection. Accepted in `idle` and `closed` (a reconnect reuses the machine).
    case connect
    /// The TCP connection is established. Accepted in `connecting`.
    case connected
    /// The login response arrived (the caller decoded and classified it). Accepted in `loggingIn`.
    case loginResponse(LoginResult)
    /// A PDU other than the login response arrived, classified by the caller.
    case received(InboundPDU<Key, Response>)
    /// Send a submit under a sequence key the caller allocated. In `bound` it is sent or, when
    /// the window is full, handed back with `windowFull`; in every other state it is handed back
    /// with `failSubmit` (`.notBound` or `.closing`, safe to retry).
    case submit(key: Key, request: Request)
    /// Time has passed: fire due timers. Harmless when nothing is due.
    case tick
    /// Close gracefully: in `bound` → unbinding (drain, terminate, close); in `connecting` /
    /// `loggingIn` the connection is closed at once; in `idle` → closed. Ignored while unbinding
    /// or closed.
    case close
    /// The connection dropped (or the connect failed). Every in-flight submit is failed as
    /// retryable; nothing is dropped.
    case connectionLost
}

/// A PDU received from the peer, as the caller's codec classified it.
///
/// Submit responses are matched by sequence key; keep-alive and terminate responses by their
/// kind (the caller knows them by command id; at most one of each is outstanding). Any inbound
/// PDU while bound counts as a sign of life for the keep-alive.
public enum InboundPDU<Key: Hashable & Sendable, Response: Sendable>: Sendable {
    /// The response to one of our submits (SUBMIT_RESP, submit_sm_resp, or a generic_nack).
    /// Bound/unbinding: completes the submit, or is reported as `lateResponse` (after its timeout)
    /// or `unknownResponse` (never in flight). Elsewhere: `unknownResponse`.
    case submitResponse(key: Key, response: Response)
    /// The response to our keep-alive. Resets the missed-keep-alive count.
    case keepAliveResponse
    /// The response to our terminate/unbind. In `unbinding`: `closeConnection` → closed.
    case terminateResponse
    /// The peer's keep-alive request: answered with `answerKeepAlive` in loggingIn, bound and
    /// unbinding (also while we drain for a close).
    case keepAliveRequest(key: Key)
    /// The peer's terminate/unbind/Exit request: answered with `answerTerminate`, every
    /// in-flight submit is failed as retryable, then the connection is closed.
    case terminateRequest(key: Key)
    /// Any other request from the peer (DELIVER, Report, deliver_sm …): `handlePeerRequest` in
    /// bound and unbinding, `rejectPeerRequest` while logging in.
    case request(key: Key)
}

extension SessionEvent: Equatable where Request: Equatable, Response: Equatable {}
extension InboundPDU: Equatable where Response: Equatable {}

/// Why a submit was handed back without a response. Every failure is retryable; ``retry`` says
/// whether a retry risks a duplicate.
public struct SubmitFailure: Sendable, Hashable {
    /// What happened.
    public enum Reason: Sendable, Hashable, CaseIterable {
        /// The link is not logged in (idle, connecting, logging in, closed).
        case notBound
        /// The link is closing; it takes no new submits.
        case closing
        /// The key is already in flight on this link (a caller bug); retry under a new key.
        case duplicateKey
        /// No response after ``SessionParameters/maxAttempts`` sends of ``SessionParameters/responseTimeout`` each.
        case timedOut
        /// A graceful close stopped waiting for the response (``SessionParameters/drainTimeout``).
        case drainTimedOut
        /// The connection dropped while the submit was in flight.
        case connectionLost
        /// The peer terminated the session while the submit was in flight.
        case peerTerminated
        /// The link was declared dead while the submit was in flight.
        case linkDead
    }

    /// What happened.
    public var reason: Reason
    /// How many times the submit was written to the connection (0 = never).
    public var attempts: Int

    /// Creates a failure.
    public init(reason: Reason, attempts: Int) {
        self.reason = reason
        self.attempts = attempts
    }

    /// Whether retrying may deliver the message twice.
    public var retry: SubmitRetry { attempts == 0 ? .safe : .mayDuplicate }
}

/// Whether a failed submit can be retried without risk of a duplicate.
public enum SubmitRetry: Sendable, Hashable {
    /// It never reached the gateway: retry freely (on this or another link).
    case safe
    /// It was sent and not answered: the gateway may have accepted it. Retrying is allowed
    /// (protocols/README.md §1.2: timeouts are temporary) but may deliver twice. For SGIP, resend
    /// with the same SequenceNumber so the SMG discards the duplicate (sgip.md §3).
    case mayDuplicate
}

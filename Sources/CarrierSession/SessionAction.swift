/// An output of ``SessionStateMachine``: something the I/O shell must do. The shell executes the
/// actions of one event in order.
public enum SessionAction<
    Key: Hashable & Sendable, Request: Sendable, Response: Sendable, Instant: InstantProtocol & Sendable
>: Sendable {
    /// Open the TCP connection; report ``SessionEvent/connected`` or ``SessionEvent/connectionLost``.
    case openConnection
    /// Send the login request (CONNECT / Bind / Login / bind_*).
    case sendLogin
    /// Send a keep-alive request (ACTIVE_TEST / Active_Test / enquire_link) under a fresh key.
    case sendKeepAlive
    /// Answer the peer's keep-alive with the same key.
    case answerKeepAlive(key: Key)
    /// Answer the peer's terminate/unbind/Exit with the same key (the connection is closed next).
    case answerTerminate(key: Key)
    /// Send our terminate/unbind/Exit under a fresh key.
    case sendTerminate
    /// Write this submit. `attempt` is 1 for the first send, 2… for a resend after a timeout,
    /// which must reuse the same key and the same bytes (cmpp.md §10, sgip.md §3).
    case sendSubmit(key: Key, request: Request, attempt: Int)
    /// The window is full: the submit was not sent. Hold it and submit it again once a
    /// `completeSubmit` or `failSubmit` has freed a slot.
    case windowFull(key: Key, request: Request)
    /// The submit was answered; the response carries the carrier's status.
    case completeSubmit(key: Key, request: Request, response: Response)
    /// The submit is handed back unanswered; see ``SubmitFailure/retry``.
    case failSubmit(key: Key, request: Request, failure: SubmitFailure)
    /// A response for a submit that had already failed (timed out or drained): the gateway did
    /// receive it after all — record it (e.g. to avoid a duplicate resubmission).
    case lateResponse(key: Key, response: Response)
    /// A response for a key this link never had in flight (or has forgotten): log it.
    case unknownResponse(key: Key, response: Response)
    /// A peer request (DELIVER, Report, deliver_sm …) to process and answer.
    case handlePeerRequest(key: Key)
    /// A peer request that arrived before login completed: answer it with an error status.
    case rejectPeerRequest(key: Key)
    /// Close the TCP connection. No further events are expected for this connection.
    case closeConnection
    /// Deliver ``SessionEvent/tick`` at (or soon after) this instant; replaces any earlier
    /// request. A tick that arrives when nothing is due does nothing.
    case scheduleTick(at: Instant)
    /// The state changed (for logs, metrics and the link supervisor).
    case stateChanged(SessionState)
}

extension SessionAction: Equatable where Request: Equatable, Response: Equatable {}
extension SessionAction: Hashable where Request: Hashable, Response: Hashable {}

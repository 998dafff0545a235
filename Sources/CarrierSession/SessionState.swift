/// The externally visible state of a carrier link.
///
/// `idle → connecting → loggingIn → bound → unbinding → closed`; any state can also go straight
/// to `closed` (connection lost, login rejected, peer terminate, timeouts), and `closed` (or
/// `idle`) goes back to `connecting` on a new ``SessionEvent/connect``.
public enum SessionState: Sendable, Hashable {
    /// Created, nothing opened yet.
    case idle
    /// The TCP connection is being opened.
    case connecting
    /// Connected; the login request is out and its response awaited.
    case loggingIn
    /// Logged in: submits are accepted, keep-alives run.
    case bound
    /// Closing gracefully: no new submits, the window drains, then terminate/unbind is exchanged.
    case unbinding
    /// The connection is closed for the given reason.
    case closed(CloseReason)
}

/// Why a link was closed. ``reconnect`` tells the link supervisor how to go on.
public enum CloseReason: Sendable, Hashable {
    /// We asked for the close (``SessionEvent/close``).
    case requested
    /// The link was idle for ``SessionParameters/idleClose`` and closed itself (SGIP practice).
    case idle
    /// The TCP connect did not complete within ``SessionParameters/connectTimeout``.
    case connectTimedOut
    /// The TCP connect failed (``SessionEvent/connectionLost`` while connecting).
    case connectFailed
    /// No login response within ``SessionParameters/loginTimeout``.
    case loginTimedOut
    /// The gateway refused the login; `status` is its readable status, `retryClass` the caller's
    /// classification of it.
    case loginRejected(status: String, retryClass: RejectionClass)
    /// The peer sent terminate/unbind/Exit.
    case peerTerminated
    /// The peer stopped answering: keep-alives unanswered ``KeepAliveParameters/maxAttempts``
    /// times, or a submit used all its sends while nothing at all was received.
    case linkDead
    /// The connection dropped while logging in, bound or unbinding.
    case connectionLost

    /// How the supervisor should reconnect after this close.
    public var reconnect: ReconnectKind {
        switch self {
        case .requested, .idle:
            return .notNeeded
        case .loginRejected(_, let retryClass) where retryClass == .linkFatal || retryClass == .permanent:
            return .slowBackoff
        case .connectTimedOut, .connectFailed, .loginTimedOut, .loginRejected,
            .peerTerminated, .linkDead, .connectionLost:
            return .backoff
        }
    }
}

/// The supervisor's next step after a close (see ``ReconnectBackoff``).
public enum ReconnectKind: Sendable, Hashable, CaseIterable {
    /// We closed on purpose (shutdown, idle): reconnect only when there is work, without delay.
    case notNeeded
    /// A transient failure: reconnect after the normal capped, jittered backoff.
    case backoff
    /// A login/configuration failure (wrong password, unknown account): reconnect on the slow
    /// schedule so the gateway is not hammered, and alert the operator.
    case slowBackoff
}

/// How the caller classified a refusal from the gateway. The raw values equal those of
/// `CarrierWire.RetryClass`, so `RejectionClass(rawValue: status.retryClass.rawValue)` maps one
/// to the other without this module depending on the codecs.
public enum RejectionClass: String, Sendable, Hashable, CaseIterable {
    /// Transient: retry with backoff.
    case retryLater
    /// The gateway says we are too fast.
    case throttle
    /// Permanent (e.g. unsupported version): fix configuration; reconnect slowly.
    case permanent
    /// The account or link cannot be used (wrong password, unknown SP): alert, reconnect slowly.
    case linkFatal
}

/// The gateway's answer to our login, as classified by the caller's codec.
public enum LoginResult: Sendable, Hashable {
    /// Status 0: the link is bound.
    case accepted
    /// Any other status: `status` is a readable text (code and reason, no secrets).
    case rejected(status: String, retryClass: RejectionClass)
}

/// Timers and limits of one carrier link, per protocol family.
///
/// The presets carry the values of the carrier specifications (see `/work/shared/protocols/`);
/// every field can be overridden, e.g. a shorter keep-alive interval over NAT/VPN paths
/// (cmpp.md §10 recommends 30–60 s there instead of the spec's 3 minutes).
/// Out-of-range values are clamped by the initialiser (a window or attempt count below 1 becomes 1).
public struct SessionParameters: Sendable, Hashable {
    /// Most submits in flight (sent, no response yet) at once — the sliding window W.
    public var windowSize: Int
    /// How long to wait for the response to one send of a submit (T).
    public var responseTimeout: Duration
    /// Total sends of one submit, the first included (N). After `responseTimeout` without a
    /// response the submit is resent with the same sequence key until N sends are used up,
    /// then it fails as retryable.
    public var maxAttempts: Int
    /// The protocol's keep-alive (ACTIVE_TEST / Active_Test / enquire_link); `nil` for SGIP,
    /// which has none.
    public var keepAlive: KeepAliveParameters?
    /// Close a bound link gracefully after it has been idle (window empty, nothing sent or
    /// received) this long; `nil` keeps idle links open. SGIP uses it because the SMG drops
    /// idle connections itself.
    public var idleClose: Duration?
    /// How long a TCP connect may take before the attempt is abandoned.
    public var connectTimeout: Duration
    /// How long to wait for the login response (CONNECT_RESP / Bind_Resp / Login_Resp / bind_*_resp).
    public var loginTimeout: Duration
    /// During a graceful close: how long to wait for the in-flight submits to be answered
    /// before the remaining ones are failed and the terminate is sent anyway.
    public var drainTimeout: Duration
    /// How long to wait for the response to our terminate/unbind before closing regardless.
    public var terminateTimeout: Duration
    /// How many timed-out sequence keys to remember so that a response arriving after the
    /// timeout is reported as *late* rather than *unknown*.
    public var lateResponseMemory: Int

    /// Creates parameters; see each property. Defaults follow CMPP 3.0 §10 where a value is needed.
    public init(
        windowSize: Int,
        responseTimeout: Duration,
        maxAttempts: Int,
        keepAlive: KeepAliveParameters?,
        idleClose: Duration? = nil,
        connectTimeout: Duration = .seconds(10),
        loginTimeout: Duration? = nil,
        drainTimeout: Duration? = nil,
        terminateTimeout: Duration? = nil,
        lateResponseMemory: Int = 256
    ) {
        self.windowSize = max(1, windowSize)
        self.responseTimeout = responseTimeout
        self.maxAttempts = max(1, maxAttempts)
        self.keepAlive = keepAlive
        self.idleClose = idleClose
        self.connectTimeout = connectTimeout
        self.loginTimeout = loginTimeout ?? responseTimeout
        self.drainTimeout = drainTimeout ?? responseTimeout
        self.terminateTimeout = terminateTimeout ?? responseTimeout
        self.lateResponseMemory = max(0, lateResponseMemory)
    }
}

/// When to probe an idle link and when to give it up.
public struct KeepAliveParameters: Sendable, Hashable {
    /// Send a keep-alive after nothing has been received from the peer for this long (C).
    public var interval: Duration
    /// How long to wait for the keep-alive's response (T).
    public var timeout: Duration
    /// Unanswered keep-alives in a row after which the link is declared dead (N).
    public var maxAttempts: Int

    /// Creates keep-alive parameters; `maxAttempts` below 1 becomes 1.
    public init(interval: Duration, timeout: Duration, maxAttempts: Int) {
        self.interval = interval
        self.timeout = timeout
        self.maxAttempts = max(1, maxAttempts)
    }
}

extension SessionParameters {
    /// CMPP 2.0/3.0 (cmpp.md §10, spec C/T/N/W): window 16, response timeout 60 s, 3 sends,
    /// ACTIVE_TEST after 3 minutes idle, answered within 60 s, link dead after 3 misses.
    public static let cmpp = SessionParameters(
        windowSize: 16,
        responseTimeout: .seconds(60),
        maxAttempts: 3,
        keepAlive: KeepAliveParameters(interval: .seconds(180), timeout: .seconds(60), maxAttempts: 3)
    )

    /// SMGP 3.0 (smgp.md §9, spec §4.2 C/T/N/W): the same values as CMPP.
    public static let smgp = SessionParameters(
        windowSize: 16,
        responseTimeout: .seconds(60),
        maxAttempts: 3,
        keepAlive: KeepAliveParameters(interval: .seconds(180), timeout: .seconds(60), maxAttempts: 3)
    )

    /// SGIP 1.2 (sgip.md §8): 32 outstanding, 30 s response wait with resend of the same
    /// SequenceNumber (the sheet gives no count; 3 sends as for CMPP/SMGP), **no heartbeat**.
    /// The SMG drops connections idle for 60 s, so the client closes idle links itself after
    /// 45 s (a margin for timer latency) and opens a new one when work arrives.
    public static let sgip = SessionParameters(
        windowSize: 32,
        responseTimeout: .seconds(30),
        maxAttempts: 3,
        keepAlive: nil,
        idleClose: .seconds(45)
    )

    /// SMPP 3.4 (smpp.md §10): the spec names the timers but gives no values. Window 10 and
    /// 60 s response wait follow Kannel (`max-pending-submits`, `wait-ack`); enquire_link every
    /// 30 s (Kannel, and short enough for NAT/VPN paths), answered within 30 s, 3 misses.
    /// One send per submit: SMPP does not deduplicate by sequence_number, so a timed-out submit
    /// is failed as retryable and the caller requeues it (as Kannel does) instead of resending.
    public static let smpp = SessionParameters(
        windowSize: 10,
        responseTimeout: .seconds(60),
        maxAttempts: 1,
        keepAlive: KeepAliveParameters(interval: .seconds(30), timeout: .seconds(30), maxAttempts: 3),
        loginTimeout: .seconds(30)
    )
}

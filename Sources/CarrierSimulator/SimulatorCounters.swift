/// What a simulated gateway has seen and done, as a snapshot value for tests and benchmarks.
public struct SimulatorCounters: Sendable, Hashable {
    public var connectionsAccepted = 0
    /// Connections closed by fault injection (drops) — not counting client closes.
    public var connectionsDropped = 0
    public var loginsOK = 0
    public var loginsFailed = 0
    /// Submit PDUs received (whatever their answer).
    public var submitsReceived = 0
    /// Submits accepted with a message id.
    public var accepted = 0
    /// Accepted submits that are one segment of a long message (UDH or SAR).
    public var segments = 0
    /// Accepted submits with the same destination and content as an earlier accepted one.
    public var duplicates = 0
    /// Submits answered with the throttle code (TPS exceeded).
    public var throttled = 0
    /// Submits answered with "queue full" (window exceeded).
    public var windowExceeded = 0
    /// Submits answered with the injected error status.
    public var errorsInjected = 0
    /// Status reports written (redeliveries included).
    public var reportsSent = 0
    /// Status reports acknowledged with status 0.
    public var reportsAcked = 0
    /// Status reports answered "retry later" (redelivered after the retry delay).
    public var reportsDeferred = 0
    /// Status reports / MO answered with another error (not redelivered).
    public var reportsRejected = 0
    /// Status reports / MO that were due while every bound receiver of their account had its
    /// report window full (``SimulatorConfiguration/reportWindow``; SGIP: the callback window), so
    /// they waited for answers. Counted each time one is due, redeliveries after "retry later"
    /// included; not counted while no receiver is bound at all.
    public var reportsHeldByWindow = 0
    /// Accepted submits by report outcome (`DELIVRD`, `UNDELIV`, `EXPIRED`, `NONE`).
    public var outcomes: [String: Int] = [:]
    public var mosSent = 0
    public var mosAcked = 0
    /// Keep-alives the gateway sent / that were answered / client keep-alives it answered.
    public var keepAlivesSent = 0
    public var keepAliveResponses = 0
    public var keepAlivesAnswered = 0
    public var unbinds = 0
    public var garbageSent = 0

    public init() {}
}

import Foundation
/// What a console or `/healthz` shows for one connection.
public enum LinkState: Sendable, Hashable, CustomStringConvertible {
    /// Not started, or closed on purpose while idle (reconnects when work arrives).
    case idle
    /// Connecting or logging in.
    case connecting
    /// Logged in and sending.
    case bound
    /// Logged in but impaired (e.g. paused after a throttle answer).
    case degraded(reason: String)
    /// Closing gracefully: the window drains, then unbind/terminate.
    case draining
    /// Disconnected; `reason` says why. The link reconnects after its backoff unless stopped.
    case down(reason: String)
    /// Stopped for good (shutdown).
    case stopped

    public var description: String {
        switch self {
        case .idle: "idle"
        case .connecting: "connecting"
        case .bound: "bound"
        case .degraded(let reason): "degraded (\(reason))"
        case .draining: "draining"
        case .down(let reason): "down (\(reason))"
        case .stopped: "stopped"
        }
    }
}

/// A state change of one connection, as published on ``LinkGroup/stateChanges``.
public struct LinkStateChange: Sendable, Hashable {
    public var link: String
    public var state: LinkState
}

/// Running totals of one connection since it was created.
public struct LinkCounters: Sendable, Hashable {
    /// Submit PDUs written (resends included).
    public var submitsSent = 0
    /// Answered with success.
    public var accepted = 0
    /// Answered with a refusal (throttle answers included).
    public var rejected = 0
    /// Throttle answers.
    public var throttled = 0
    /// Handed back without an answer (connection lost, timeout …).
    public var failed = 0
    /// Status reports passed to the consumer.
    public var reportsReceived = 0
    /// When the last of them arrived.
    public var lastReportAt: Date?
    /// Status reports / MO refused because the report buffer was full (the carrier redelivers).
    public var reportsDeferred = 0
    /// MO messages passed to the consumer.
    public var moReceived = 0
    /// Acknowledgements the consumer gave after the connection of their report had closed (not
    /// sent: the carrier delivers those reports again).
    public var acknowledgementsDropped = 0
    /// Connections that closed and were scheduled to reconnect.
    public var reconnects = 0
    /// Logins the gateway refused.
    public var loginFailures = 0
    /// Responses that arrived after their submit had failed.
    public var lateResponses = 0
    /// Keep-alive requests we sent.
    public var keepAlivesSent = 0
}

/// One connection's health summary.
public struct LinkHealth: Sendable, Hashable {
    public var name: String
    public var state: LinkState
    /// Submits in flight now.
    public var inFlight: Int
    /// The window size.
    public var window: Int
    public var counters: LinkCounters
    /// The last failure, as safe text (no secrets, no numbers).
    public var lastError: String?
}

/// One carrier account's health: its connections, queue and throttle state.
public struct AccountHealth: Sendable, Hashable {
    /// Overall verdict for `/healthz`.
    public enum Status: String, Sendable, Hashable {
        /// Every connection is bound.
        case up
        /// Some are bound, or all are bound but paused by throttling.
        case degraded
        /// None is bound.
        case down
    }

    public var name: String
    public var carrier: String
    public var isTestLink: Bool
    /// Configured TPS (0 = unlimited).
    public var tps: Int
    /// Submits waiting for a slot or a token.
    public var queued: Int
    /// Times the account paused after a throttle answer.
    public var throttlePauses: Int
    public var links: [LinkHealth]

    /// The overall verdict.
    public var status: Status {
        let bound = links.filter { $0.state == .bound }.count
        let degraded = links.filter { if case .degraded = $0.state { return true } else { return false } }.count
        if bound == links.count, !links.isEmpty { return .up }
        return bound + degraded > 0 ? .degraded : .down
    }
}

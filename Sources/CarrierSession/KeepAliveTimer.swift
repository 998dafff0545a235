/// Keep-alive bookkeeping for a bound link: probe after ``KeepAliveParameters/interval`` without
/// inbound traffic, re-probe after each unanswered ``KeepAliveParameters/timeout``, and give the
/// link up after ``KeepAliveParameters/maxAttempts`` unanswered probes (cmpp.md §10 C/T/N).
struct KeepAliveTimer<Instant: InstantProtocol & Sendable>: Sendable where Instant.Duration == Duration {
    enum Decision: Sendable, Hashable {
        case nothing
        case send
        case dead
    }

    let parameters: KeepAliveParameters
    /// The latest probe not yet answered and how many probes are unanswered in a row.
    private(set) var outstanding: (sentAt: Instant, attempts: Int)?

    init(parameters: KeepAliveParameters) {
        self.parameters = parameters
    }

    /// Any PDU from the peer proves the link alive.
    mutating func peerWasHeard() {
        outstanding = nil
    }

    /// When the next decision is due, given the instant of the last inbound PDU.
    func nextDeadline(lastInbound: Instant) -> Instant {
        if let outstanding {
            return outstanding.sentAt.advanced(by: parameters.timeout)
        }
        return lastInbound.advanced(by: parameters.interval)
    }

    /// Decides at `now` whether to probe, re-probe or give up.
    mutating func tick(now: Instant, lastInbound: Instant) -> Decision {
        if let (sentAt, attempts) = outstanding {
            guard sentAt.advanced(by: parameters.timeout) <= now else { return .nothing }
            guard attempts < parameters.maxAttempts else { return .dead }
            outstanding = (now, attempts + 1)
            return .send
        }
        guard lastInbound.advanced(by: parameters.interval) <= now else { return .nothing }
        outstanding = (now, 1)
        return .send
    }
}

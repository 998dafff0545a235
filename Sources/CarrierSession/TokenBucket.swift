/// A token bucket: `rate` tokens per second, at most `capacity` stored. A value over the instants
/// its owner passes in (STYLE.md habit 7: time is injected), so it is tested without sleeping.
///
/// One bucket per carrier account, shared by the account's connections (carrier TPS limits are
/// per account, protocols/README.md §6 "per-account contracts"). The carrier simulators use the
/// same bucket to enforce their TPS limit, so both sides count tokens the same way.
public struct TokenBucket<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration, Instant: Sendable {
    /// Tokens added per second.
    public let rate: Double
    /// Most tokens held at once (the burst).
    public let capacity: Double
    public private(set) var tokens: Double
    private var updated: Instant

    /// A full bucket at `now`. `rate` must be positive.
    public init(rate: Int, capacity: Int, now: Instant) {
        self.rate = Double(max(1, rate))
        self.capacity = Double(max(1, capacity))
        self.tokens = self.capacity
        self.updated = now
    }

    /// Takes one token at `now` and returns nil, or returns how long to wait until one is there
    /// (nothing taken).
    public mutating func take(now: Instant) -> Duration? {
        refill(now: now)
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        return .nanoseconds(Int64(((1 - tokens) / rate * 1e9).rounded(.up)))
    }

    /// Drops all stored tokens (after a throttle answer: the carrier's bucket is empty too).
    public mutating func drain(now: Instant) {
        refill(now: now)
        tokens = 0
    }

    private mutating func refill(now: Instant) {
        guard now > updated else { return }
        let elapsed = updated.duration(to: now)
        tokens = min(capacity, tokens + elapsed.seconds * rate)
        updated = now
    }
}

extension TokenBucket {
    /// Takes a token if one is there at `now`; false (nothing taken) when the bucket is empty.
    public mutating func allow(now: Instant) -> Bool { take(now: now) == nil }
}

/// One reconnect schedule: capped exponential growth with downward jitter.
///
/// The ceiling for the n-th consecutive failure (n from 1) is
/// `min(maximum, initial × multiplier^(n−1))`; the delay is drawn uniformly from
/// `[ceiling × (1 − jitter), ceiling]`, so it never exceeds `maximum` and spreads reconnects of
/// many links apart.
public struct BackoffPolicy: Sendable, Hashable {
    /// Ceiling after the first failure.
    public var initial: Duration
    /// Growth per further failure (values below 1 are treated as 1).
    public var multiplier: Double
    /// Largest delay ever returned.
    public var maximum: Duration
    /// Fraction of the ceiling that may be taken off at random, 0…1 (clamped).
    public var jitter: Double

    /// Creates a policy; see each property.
    public init(initial: Duration, multiplier: Double, maximum: Duration, jitter: Double) {
        self.initial = initial
        self.multiplier = max(1, multiplier)
        self.maximum = maximum
        self.jitter = min(1, max(0, jitter))
    }

    /// Transient failures (connect refused, connection lost, timeouts): 1 s doubling up to 60 s,
    /// up to 20 % jitter.
    public static let standard = BackoffPolicy(
        initial: .seconds(1), multiplier: 2, maximum: .seconds(60), jitter: 0.2)

    /// Login/config failures (protocols/README.md §1.2 "alert operator, slow reconnect"):
    /// 5 minutes doubling up to 1 hour, so a wrong password does not hammer the gateway.
    public static let linkFatal = BackoffPolicy(
        initial: .seconds(300), multiplier: 2, maximum: .seconds(3600), jitter: 0.2)

    /// The un-jittered delay for the `failures`-th consecutive failure (values below 1 count as 1).
    public func ceiling(failures: Int) -> Duration {
        let cap = maximum.seconds
        var value = initial.seconds
        var step = 1
        while step < failures, value < cap {  // stops at the cap: no overflow for huge counts
            value *= multiplier
            step += 1
        }
        return .seconds(min(value, cap))
    }
}

/// Decides how long a link supervisor waits before reconnecting, from the reason the previous
/// connection closed. A value; the jitter source is the injected generator `RNG` (a seeded one in
/// tests, `SystemRandomNumberGenerator` in production).
///
/// Consecutive failures grow the delay; a session that stayed bound for at least `stableAfter`
/// resets both schedules. Login/config failures (``ReconnectKind/slowBackoff``) use their own,
/// slower schedule and counter.
public struct ReconnectBackoff<RNG: RandomNumberGenerator & Sendable>: Sendable {
    /// Schedule for ``ReconnectKind/backoff``.
    public let standard: BackoffPolicy
    /// Schedule for ``ReconnectKind/slowBackoff``.
    public let linkFatal: BackoffPolicy
    /// A session bound at least this long counts as stable and resets the failure counts.
    public let stableAfter: Duration

    /// Consecutive transient failures so far.
    public private(set) var failures = 0
    /// Consecutive login/config failures so far.
    public private(set) var fatalFailures = 0
    private var random: RNG

    /// Creates a backoff with the given schedules and jitter source.
    public init(
        standard: BackoffPolicy = .standard,
        linkFatal: BackoffPolicy = .linkFatal,
        stableAfter: Duration = .seconds(60),
        random: RNG
    ) {
        self.standard = standard
        self.linkFatal = linkFatal
        self.stableAfter = stableAfter
        self.random = random
    }

    /// The delay before the next connect, after a connection closed with `kind` having been
    /// bound for `boundFor` (zero if it never bound). ``ReconnectKind/notNeeded`` returns zero
    /// and leaves the counters alone except for the stable-session reset.
    public mutating func delay(after kind: ReconnectKind, boundFor: Duration = .zero) -> Duration {
        if boundFor >= stableAfter { reset() }
        switch kind {
        case .notNeeded:
            return .zero
        case .backoff:
            failures += 1
            return jittered(standard, failures: failures)
        case .slowBackoff:
            fatalFailures += 1
            return jittered(linkFatal, failures: fatalFailures)
        }
    }

    /// Shorthand for `delay(after: reason.reconnect, boundFor:)`.
    public mutating func delay(after reason: CloseReason, boundFor: Duration = .zero) -> Duration {
        delay(after: reason.reconnect, boundFor: boundFor)
    }

    /// Forgets all failures (e.g. after an operator fixed the configuration).
    public mutating func reset() {
        failures = 0
        fatalFailures = 0
    }

    private mutating func jittered(_ policy: BackoffPolicy, failures: Int) -> Duration {
        let ceiling = policy.ceiling(failures: failures).seconds
        let unit = Double.random(in: 0..<1, using: &random)
        return .seconds(ceiling * (1 - policy.jitter * unit))
    }
}

extension Duration {
    /// The duration in seconds as a `Double` (attosecond precision is not needed for timers).
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}

/// The configured sending capacity towards the carriers: what the gateway links of each carrier
/// accept per second in total (the sum over the account's connections of their TPS limits).
public struct LinkCapacity: Sendable, Hashable, Codable {
    /// Submits per second per carrier. A carrier without an entry (or with 0) cannot be sent to:
    /// its recipients make the ETA unbounded (`Reach.eta` is nil).
    public var submitsPerSecond: [Carrier: Double]
    /// Fixed time before the first submit: planning the deliveries table, claiming the first
    /// batches, link warm-up. Added once to the per-carrier drain time.
    public var fixedOverhead: Duration
    /// Messages per recipient (long SMS segments count one submit each). 1 for a one-part warning.
    public var segmentsPerMessage: Int

    public init(submitsPerSecond: [Carrier: Double], fixedOverhead: Duration = .seconds(5), segmentsPerMessage: Int = 1) {
        self.submitsPerSecond = submitsPerSecond
        self.fixedOverhead = fixedOverhead
        self.segmentsPerMessage = max(1, segmentsPerMessage)
    }

    /// A typical provincial 12379 contract: 500 TPS at China Mobile, 300 at China Unicom, 300 at
    /// China Telecom; China Broadnet numbers ride China Mobile's network at its share (100 TPS);
    /// 5 s fixed overhead.
    public static let `default` = LinkCapacity(submitsPerSecond: [.chinaMobile: 500, .chinaUnicom: 300, .chinaTelecom: 300, .chinaBroadnet: 100])

    /// The time to hand `counts` recipients to the carriers: the slowest carrier's
    /// `count × segments / TPS`, plus `fixedOverhead`; zero when nobody is sent to; nil when some
    /// carrier with recipients has no capacity. The carriers drain in parallel, so the maximum,
    /// not the sum, decides.
    public func eta(for counts: [Carrier: Int]) -> Duration? {
        var slowest = 0.0
        for (carrier, count) in counts where count > 0 {
            guard let tps = submitsPerSecond[carrier], tps > 0 else { return nil }
            slowest = max(slowest, Double(count * segmentsPerMessage) / tps)
        }
        guard counts.values.contains(where: { $0 > 0 }) else { return .zero }
        return fixedOverhead + .milliseconds(Int64((slowest * 1000).rounded(.up)))
    }
}

/// What a warning would reach, shown before approval: recipients per carrier, excluded numbers per
/// reason, and the estimated time to hand everything to the carriers.
public struct Reach: Sendable, Hashable {
    public var recipientsByCarrier: [Carrier: Int]
    public var excludedByReason: [ExclusionReason: Int]
    /// `LinkCapacity.eta(for:)`; nil when a carrier with recipients has no configured capacity.
    public var eta: Duration?

    public init(recipientsByCarrier: [Carrier: Int], excludedByReason: [ExclusionReason: Int], capacity: LinkCapacity) {
        self.recipientsByCarrier = recipientsByCarrier.filter { $0.value > 0 }
        self.excludedByReason = excludedByReason.filter { $0.value > 0 }
        self.eta = capacity.eta(for: self.recipientsByCarrier)
    }

    public var recipients: Int { recipientsByCarrier.values.reduce(0, +) }
    public var excluded: Int { excludedByReason.values.reduce(0, +) }
}

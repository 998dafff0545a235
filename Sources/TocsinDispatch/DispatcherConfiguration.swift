import Foundation
import TocsinCore

/// How the dispatcher plans, claims, retries and records. A `Sendable` value with defaults.
public struct DispatcherConfiguration: Sendable {
    /// This node's name, the lease owner of its claims. Unique per running process.
    public var node: String
    /// Deliveries one claim takes (DESIGN.md: "claimed in batches of hundreds").
    public var claimBatch: Int
    /// Recipients written per planning transaction. The first batch of a warning is
    /// `firstPlanBatch`, so its first submit does not wait for a large insert.
    public var planBatch: Int
    public var firstPlanBatch: Int
    /// How long a claim is held before another node may take it back (PostgreSQL).
    public var leaseDuration: Duration
    /// Attempts per delivery before a transient failure becomes final.
    public var maxAttempts: Int
    /// Waits before retry 1, 2, …; the last one repeats.
    public var retryBackoff: [Duration]
    /// After a warning's expiry, how long to wait for the status reports of what was submitted
    /// before closing them as expired without a report.
    public var reportGrace: Duration
    /// How long a status report that matches no known submit is kept and matched again (in
    /// memory when its id is registered, in the database every sweep). Short: ids are registered
    /// before their acceptance is committed, so a report still unmatched after a few lookups is an
    /// orphan — its submit was never recorded (a crash) or was sent again under a new id — and it
    /// holds one slot of the carrier's report window until it is given up and answered.
    public var unmatchedReportTTL: Duration
    /// Carriers sent over another carrier's links (中国广电 rides China Mobile's network).
    public var routes: [Carrier: Carrier]
    /// Signature placement for the SMS text.
    public var sms: SMSConfiguration
    /// Interval of the expiry sweep and of matching unmatched reports against the database.
    public var sweepInterval: Duration
    /// How long an idle sender waits before looking at the queue again (new work wakes it at once).
    public var idlePoll: Duration
    /// Outcomes waiting for a group commit beyond which report readers wait (backpressure).
    public var maxPendingChanges: Int
    /// How long a group commit waits for a small batch (under 64 outcomes) to grow; zero commits
    /// at once. nil (the default) chooses by store: zero on a SQLite file, whose outcome writes
    /// are prepared statements with little fixed cost per commit (a 1 ms wait then only added
    /// latency: 5 753 against 10 472 SMS/s on one SMPP link of window 10); 1 ms elsewhere.
    public var groupCommitGather: Duration?
    /// Senders per window slot of an account. Each has at most one delivery that the carrier may
    /// have but the database does not yet show as submitted, so what a crash can resend is at most
    /// `workersPerWindowSlot ×` the windows (DESIGN.md asks for the windows: 1). More hides the
    /// group-commit latency behind more submits in flight, at that cost.
    public var workersPerWindowSlot: Int
    /// Submitted message ids kept in memory for report matching; beyond it reports are matched
    /// in the database.
    public var inFlightLimit: Int

    public init(node: String = "node-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))",
                claimBatch: Int = 500, planBatch: Int = 2_000, firstPlanBatch: Int = 200,
                leaseDuration: Duration = .seconds(300), maxAttempts: Int = 8,
                retryBackoff: [Duration] = [.milliseconds(200), .seconds(1), .seconds(5), .seconds(15), .seconds(60)],
                reportGrace: Duration = .seconds(600), unmatchedReportTTL: Duration = .seconds(10),
                routes: [Carrier: Carrier] = [.chinaBroadnet: .chinaMobile], sms: SMSConfiguration = SMSConfiguration(),
                sweepInterval: Duration = .milliseconds(500), idlePoll: Duration = .milliseconds(250),
                maxPendingChanges: Int = 20_000, groupCommitGather: Duration? = nil, workersPerWindowSlot: Int = 1, inFlightLimit: Int = 500_000) {
        self.node = node
        self.claimBatch = max(1, claimBatch)
        self.planBatch = max(1, planBatch)
        self.firstPlanBatch = max(1, firstPlanBatch)
        self.leaseDuration = leaseDuration
        self.maxAttempts = max(1, maxAttempts)
        self.retryBackoff = retryBackoff.isEmpty ? [.seconds(1)] : retryBackoff
        self.reportGrace = reportGrace
        self.unmatchedReportTTL = unmatchedReportTTL
        self.routes = routes
        self.sms = sms
        self.sweepInterval = sweepInterval
        self.idlePoll = idlePoll
        self.maxPendingChanges = max(100, maxPendingChanges)
        self.groupCommitGather = groupCommitGather.map { max(.zero, $0) }
        self.workersPerWindowSlot = max(1, workersPerWindowSlot)
        self.inFlightLimit = max(0, inFlightLimit)
    }

    /// The carrier whose links send to `carrier`'s numbers.
    func route(_ carrier: Carrier) -> Carrier { routes[carrier] ?? carrier }

    /// The wait before the retry that follows attempt `attempt` (1-based).
    func backoff(after attempt: Int) -> Duration {
        retryBackoff[min(max(attempt - 1, 0), retryBackoff.count - 1)]
    }
}

extension Carrier {
    /// Index in `Carrier.allCases`: the stored form in `deliveries.carrier` and `.route`.
    var index: Int { Carrier.allCases.firstIndex(of: self) ?? 0 }

    init?(index: Int) {
        guard Carrier.allCases.indices.contains(index) else { return nil }
        self = Carrier.allCases[index]
    }
}

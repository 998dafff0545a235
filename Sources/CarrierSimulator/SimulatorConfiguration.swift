/// How a simulated carrier gateway behaves. A `Sendable` value with defaults that answer
/// everything at once and deliver every message; tests shorten the timers.
public struct SimulatorConfiguration: Sendable {
    /// Login accounts: system id / SP id → secret.
    public var accounts: [String: String]
    /// The gateway's own name (SMPP system_id in bind responses).
    public var systemID: String
    /// Most unanswered submits per connection; one more is answered with the protocol's
    /// "queue full" code (SMPP ESME_RMSGQFUL 0x14) instead of being accepted.
    public var windowSize: Int
    /// Most status reports and MO written on one connection and not yet answered (CMPP_DELIVER_RESP,
    /// SMGP Deliver_Resp, deliver_sm_resp) — the gateway's own sliding window. The rest wait in
    /// order and go out as answers arrive; a closed connection's unanswered ones go first to the
    /// account's next connection. 64: above the spec windows (W = 16, cmpp.md §10, smgp.md §9) so
    /// that a client answering only after a group commit (tens of ms) still takes thousands of
    /// reports per second per connection, and well under a link's report buffer (1024 per account
    /// by default) even with several connections. SGIP has its own, ``SGIPSimulator/Options/callbackWindow``.
    public var reportWindow: Int
    /// Accepted submits per second per account; 0 = unlimited. Excess submits are answered with
    /// the throttle code (SMPP ESME_RTHROTTLED 0x58, smpp.md §9).
    public var tps: Int
    /// Token-bucket capacity for `tps`; nil = a tenth of `tps` (at least 1).
    public var tpsBurst: Int?
    /// Delay before each submit response (zero = answer at once).
    public var responseDelay: Duration
    /// Delay between accepting a submit and sending its status report.
    public var reportDelay: Duration
    /// Which outcome each accepted submit gets.
    public var outcomes: OutcomeMix
    /// Interval of the gateway's own keep-alives (SMPP enquire_link); nil = none.
    public var keepAliveInterval: Duration?
    /// A report or MO answered "retry later" is delivered again after this long (SGIP: also the
    /// pause before the SMG reconnects to the SP listener). Reports and MO of an account with no
    /// receiver bound wait in order until one binds.
    public var reportRetryDelay: Duration
    /// Message id style in submit responses and receipts.
    public var messageIDStyle: MessageIDStyle
    /// Fault injection.
    public var faults: FaultPlan
    /// Seed of every random choice (outcomes, faults): the same seed replays the same run.
    public var seed: UInt64
    /// Wall-clock stamp written as `submit date` / `done date` (`YYMMDDhhmm`). Injected so the
    /// simulator reads no wall clock; the default writes a fixed stamp.
    public var dateStamp: @Sendable () -> String

    /// Creates a configuration; see each property.
    public init(
        accounts: [String: String], systemID: String = "TOCSIMSC", windowSize: Int = 16, reportWindow: Int = 64, tps: Int = 0,
        tpsBurst: Int? = nil, responseDelay: Duration = .zero, reportDelay: Duration = .milliseconds(100),
        outcomes: OutcomeMix = .allDelivered, keepAliveInterval: Duration? = nil,
        reportRetryDelay: Duration = .milliseconds(200), messageIDStyle: MessageIDStyle = .hexadecimal,
        faults: FaultPlan = FaultPlan(), seed: UInt64 = 12379,
        dateStamp: @escaping @Sendable () -> String = { "2501010000" }
    ) {
        self.accounts = accounts
        self.systemID = systemID
        self.windowSize = max(1, windowSize)
        self.reportWindow = max(1, reportWindow)
        self.tps = max(0, tps)
        self.tpsBurst = tpsBurst
        self.responseDelay = responseDelay
        self.reportDelay = reportDelay
        self.outcomes = outcomes
        self.keepAliveInterval = keepAliveInterval
        self.reportRetryDelay = reportRetryDelay
        self.messageIDStyle = messageIDStyle
        self.faults = faults
        self.seed = seed
        self.dateStamp = dateStamp
    }
}

/// Relative weights of the outcomes of accepted submits. A message whose validity period ends
/// before its report is due is reported `EXPIRED` at the end of its validity instead.
public struct OutcomeMix: Sendable, Hashable {
    public var delivered: Int
    public var undeliverable: Int
    public var expired: Int
    /// No report at all (a carrier that loses it).
    public var none: Int

    public init(delivered: Int, undeliverable: Int = 0, expired: Int = 0, none: Int = 0) {
        self.delivered = max(0, delivered)
        self.undeliverable = max(0, undeliverable)
        self.expired = max(0, expired)
        self.none = max(0, none)
    }

    public static let allDelivered = OutcomeMix(delivered: 1)

    /// Picks an outcome word (`DELIVRD`, `UNDELIV`, `EXPIRED`) or nil for "no report".
    func pick(using random: inout SeededGenerator) -> String? {
        let total = delivered + undeliverable + expired + none
        guard total > 0 else { return nil }
        var roll = Int(random.next() % UInt64(total))
        for (weight, word) in [(delivered, "DELIVRD"), (undeliverable, "UNDELIV"), (expired, "EXPIRED")] {
            if roll < weight { return word }
            roll -= weight
        }
        return nil
    }
}

/// How message ids look.
public enum MessageIDStyle: Sendable, Hashable {
    /// 16 upper-case hex digits.
    case hexadecimal
    /// Decimal digits.
    case decimal
}

/// Faults to inject. All random choices come from the configuration's seed.
public struct FaultPlan: Sendable, Hashable {
    /// Close a connection when it has received this many PDUs since it opened (every N PDUs).
    public var dropEvery: Int?
    /// Probability of closing the connection on any received PDU.
    public var dropProbability: Double
    /// Probability of answering a submit with `errorStatus` instead of accepting it.
    public var errorRate: Double
    /// The status used for `errorRate` answers (SMPP ESME_RSYSERR 0x08 by default).
    public var errorStatus: UInt32
    /// Refuse every login during this long from the first login attempt.
    public var refuseLoginsFor: Duration?
    /// The status of a refused login (SMPP ESME_RBINDFAIL 0x0D by default).
    public var refuseStatus: UInt32
    /// Send garbage bytes on a connection after every N PDUs it received.
    public var garbageEvery: Int?

    public init(
        dropEvery: Int? = nil, dropProbability: Double = 0, errorRate: Double = 0, errorStatus: UInt32 = 0x08,
        refuseLoginsFor: Duration? = nil, refuseStatus: UInt32 = 0x0D, garbageEvery: Int? = nil
    ) {
        self.dropEvery = dropEvery.map { max(1, $0) }
        self.dropProbability = dropProbability
        self.errorRate = errorRate
        self.errorStatus = errorStatus
        self.refuseLoginsFor = refuseLoginsFor
        self.refuseStatus = refuseStatus
        self.garbageEvery = garbageEvery.map { max(1, $0) }
    }
}

/// The login-refusal fault (``FaultPlan/refuseLoginsFor``), shared by the simulator cores.
protocol RefusesLogins: AnyObject {
    var firstLoginAt: ContinuousClock.Instant? { get set }
}

extension RefusesLogins {
    /// Whether a login arriving now falls within `period` of the first login (the first always does).
    func refusingLogins(for period: Duration) -> Bool {
        let now = ContinuousClock.now
        let first = firstLoginAt ?? now
        firstLoginAt = first
        return first.duration(to: now) < period
    }
}

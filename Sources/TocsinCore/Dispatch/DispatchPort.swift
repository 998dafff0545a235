import Foundation

/// What the review workflow asks of dispatch once a warning is approved (DESIGN.md "the path of one
/// warning"). `TocsinDispatch` implements it; the web layer and its tests only see this port, so a
/// test can record the calls and the workflow never imports the sender.
public protocol WarningDispatcher: Sendable {
    /// Plans one delivery per (warning, number) and starts sending. Idempotent: a second call for
    /// the same warning plans nothing new and does not send twice.
    func dispatch(_ warning: Warning, approvedAt: Date) async throws
    /// Stops every unsent delivery of the warning at once (cancel 解除, supersede, withdraw):
    /// they end as `cancelled`; what is already on the wire keeps its outcome.
    func stop(_ id: WarningIdentifier, reason: String, at: Date) async throws
    /// Live counters and milestones; nil when the warning was never dispatched.
    func progress(of id: WarningIdentifier) async throws -> DispatchProgress?
    /// The per-recipient ledger in a stable order, `limit` rows after `after` (a `seq` of a
    /// previous page; nil for the first page).
    func ledger(of id: WarningIdentifier, after: Int64?, limit: Int) async throws -> [DeliveryLedgerEntry]
}

/// What dispatch tells the review workflow, so the warning's state follows its deliveries:
/// approved → sending at the first claim, sending → completed when no delivery is left open.
public protocol DispatchObserver: Sendable {
    func dispatchStarted(_ id: WarningIdentifier, at: Date) async
    func dispatchFinished(_ id: WarningIdentifier, at: Date) async
}

/// Progress of one warning's dispatch: counts in total and per carrier, and the milestones a duty
/// officer and the SLA reports look at.
public struct DispatchProgress: Sendable, Hashable, Codable {
    /// Deliveries by where they stand. Every planned delivery is in exactly one of
    /// `pending` (queued or on the wire without an answer), `submitted` (accepted, no final report),
    /// `delivered`, `failed`, `expired`, `cancelled`; `acknowledged` counts replies (MO) on top.
    public struct Counts: Sendable, Hashable, Codable {
        public var planned = 0
        public var pending = 0
        public var submitted = 0
        public var delivered = 0
        public var failed = 0
        public var expired = 0
        public var cancelled = 0
        public var acknowledged = 0

        public init(planned: Int = 0, pending: Int = 0, submitted: Int = 0, delivered: Int = 0, failed: Int = 0,
                    expired: Int = 0, cancelled: Int = 0, acknowledged: Int = 0) {
            self.planned = planned
            self.pending = pending
            self.submitted = submitted
            self.delivered = delivered
            self.failed = failed
            self.expired = expired
            self.cancelled = cancelled
            self.acknowledged = acknowledged
        }

        /// Deliveries with a final outcome (delivered, failed, expired, cancelled).
        public var finished: Int { delivered + failed + expired + cancelled }
    }

    public var warningID: WarningIdentifier
    public var total: Counts
    /// Keyed by `Carrier.rawValue` ("mobile", "unicom", "telecom", …).
    public var byCarrier: [String: Counts]
    public var approvedAt: Date?
    public var firstSubmitAt: Date?
    public var lastSubmitAt: Date?
    /// When 50 %, 90 % and 99 % of the planned deliveries had a DELIVRD report.
    public var delivered50At: Date?
    public var delivered90At: Date?
    public var delivered99At: Date?
    /// True when no delivery is pending or submitted any more.
    public var isFinished: Bool

    public init(warningID: WarningIdentifier, total: Counts, byCarrier: [String: Counts], approvedAt: Date? = nil,
                firstSubmitAt: Date? = nil, lastSubmitAt: Date? = nil, delivered50At: Date? = nil,
                delivered90At: Date? = nil, delivered99At: Date? = nil, isFinished: Bool) {
        self.warningID = warningID
        self.total = total
        self.byCarrier = byCarrier
        self.approvedAt = approvedAt
        self.firstSubmitAt = firstSubmitAt
        self.lastSubmitAt = lastSubmitAt
        self.delivered50At = delivered50At
        self.delivered90At = delivered90At
        self.delivered99At = delivered99At
        self.isFinished = isFinished
    }
}

/// One recipient's line in a warning's ledger. `number` is the full number: callers mask it
/// (`PhoneNumber`'s masking) unless the reader's role may see it.
public struct DeliveryLedgerEntry: Sendable, Hashable, Codable {
    /// Stable order key within the warning (the cursor for the next page).
    public var seq: Int64
    public var number: String
    public var carrier: String
    public var contactID: Int64?
    /// pending, submitted, delivered, failed, expired, cancelled.
    public var state: String
    public var attempts: Int
    public var link: String?
    public var messageID: String?
    public var submittedAt: Date?
    public var finishedAt: Date?
    /// The carrier's status or stat word and error code as received (e.g. `UNDELIV` `MK:0005`).
    public var statusCode: String?
    /// A readable reason for a failure, expiry or cancellation.
    public var reason: String?
    public var acknowledgedAt: Date?

    public init(seq: Int64, number: String, carrier: String, contactID: Int64?, state: String, attempts: Int,
                link: String? = nil, messageID: String? = nil, submittedAt: Date? = nil, finishedAt: Date? = nil,
                statusCode: String? = nil, reason: String? = nil, acknowledgedAt: Date? = nil) {
        self.seq = seq
        self.number = number
        self.carrier = carrier
        self.contactID = contactID
        self.state = state
        self.attempts = attempts
        self.link = link
        self.messageID = messageID
        self.submittedAt = submittedAt
        self.finishedAt = finishedAt
        self.statusCode = statusCode
        self.reason = reason
        self.acknowledgedAt = acknowledgedAt
    }
}

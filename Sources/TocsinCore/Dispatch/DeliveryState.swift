/// Where one delivery (one warning × one number) stands. Stored as the small integer `rawValue`.
public enum DeliveryState: Int, Sendable, Hashable, CaseIterable, Codable {
    /// Planned, waiting to be claimed by a sender (or returned for a retry).
    case queued = 0
    /// Claimed by a sender under a lease; on its way to a link.
    case claimed = 1
    /// Accepted by the carrier (message id recorded), no final status report yet.
    case submitted = 2
    /// The carrier reported it delivered (DELIVRD).
    case delivered = 3
    /// Refused permanently, reported undeliverable, or retries exhausted.
    case failed = 4
    /// Not sent before the warning expired, or the carrier reported EXPIRED.
    case expired = 5
    /// Stopped before it was sent (the warning was cancelled, superseded or withdrawn).
    case cancelled = 6

    /// Whether the delivery has its outcome.
    public var isFinal: Bool { rawValue >= DeliveryState.delivered.rawValue }

    /// The ledger's word: `pending` for queued and claimed, else the case name.
    public var ledgerName: String {
        switch self {
        case .queued, .claimed: "pending"
        case .submitted: "submitted"
        case .delivered: "delivered"
        case .failed: "failed"
        case .expired: "expired"
        case .cancelled: "cancelled"
        }
    }
}

/// The queue order of a warning's deliveries: a smaller value is sent first. Red before orange
/// before yellow before blue; real warnings before drills and tests (DESIGN.md "Priority").
public enum DispatchPriority {
    /// 1 (red, actual) … 4 (blue, actual), 5 (red drill/test) … 8 (blue drill/test).
    public static func value(level: WarningLevel, mode: WarningMode) -> Int {
        level.rank + (mode.isDrillOrTest ? 4 : 0)
    }

    /// The priorities real links take (actual warnings).
    public static let actual: ClosedRange<Int> = 1...4
    /// The priorities test links take (drills and tests).
    public static let drillOrTest: ClosedRange<Int> = 5...8
}

extension DispatchProgress.Counts {
    /// Adds `n` to the counter of `state` (`queued` and `claimed` both count as pending).
    public mutating func add(_ n: Int, to state: DeliveryState) {
        switch state {
        case .queued, .claimed: pending += n
        case .submitted: submitted += n
        case .delivered: delivered += n
        case .failed: failed += n
        case .expired: expired += n
        case .cancelled: cancelled += n
        }
    }

    /// Moves `n` deliveries from `old` to `new`.
    public mutating func move(_ n: Int, from old: DeliveryState, to new: DeliveryState) {
        add(-n, to: old)
        add(n, to: new)
    }
}

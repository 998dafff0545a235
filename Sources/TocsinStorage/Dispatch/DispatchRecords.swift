import Foundation
import TocsinCore

/// One dispatched warning as stored in `dispatches`.
public struct DispatchRecord: Sendable, Hashable {
    public var id: Int64
    public var warningID: String
    /// `DispatchPriority.value` of the warning.
    public var priority: Int
    public var approvedAt: Date
    public var expiresAt: Date
    /// The warning as approved (JSON), so planning can resume after a crash.
    public var warningJSON: String
    /// Deliveries planned so far (final once `plannedAt` is set).
    public var planned: Int
    public var plannedAt: Date?
    public var startedAt: Date?
    public var firstSubmitAt: Date?
    public var lastSubmitAt: Date?
    public var delivered50At: Date?
    public var delivered90At: Date?
    public var delivered99At: Date?
    public var finishedAt: Date?
    public var stoppedAt: Date?
    public var stopReason: String?
}

/// One recipient to plan: the number as its integer key, the contact, the recipient's carrier
/// (`Carrier.allCases` index, what the ledger shows) and the route (the index of the carrier
/// whose links send it: 广电 rides China Mobile's).
public struct PlannedDelivery: Sendable, Hashable {
    public var number: Int64
    public var contactID: Int64
    public var carrier: Int
    public var route: Int

    public init(number: Int64, contactID: Int64, carrier: Int, route: Int) {
        self.number = number
        self.contactID = contactID
        self.carrier = carrier
        self.route = route
    }
}

/// A delivery a sender has claimed (state `claimed`, lease held, `attempts` already counted).
public struct ClaimedDelivery: Sendable, Hashable {
    public var id: Int64
    public var dispatchID: Int64
    public var number: Int64
    public var carrier: Int
    public var priority: Int
    /// The attempt this claim is; every write about it must match (a stale node's write is ignored).
    public var attempt: Int
    /// When the lease runs out: after it another node may claim the delivery, so it is not sent.
    public var leaseUntil: Date
}

/// A batch of delivery changes written in one transaction (group commit). Each change is
/// guarded: a claim-time change by its attempt number, a report by the `submitted` state, an
/// acknowledgement by not being acknowledged yet. `Store.apply` returns which ones took effect.
public struct DeliveryChanges: Sendable {
    /// The carrier accepted it: `submitted`, with the account and message id.
    public struct Accepted: Sendable, Hashable {
        public var id: Int64, attempt: Int, account: String, messageID: String, at: Date
        public init(id: Int64, attempt: Int, account: String, messageID: String, at: Date) {
            self.id = id; self.attempt = attempt; self.account = account; self.messageID = messageID; self.at = at
        }
    }
    /// A final outcome decided by the sender (`failed`, `expired`, `cancelled`) for a claim.
    public struct Closed: Sendable, Hashable {
        public var id: Int64, attempt: Int, state: DeliveryState, statusCode: String?, reason: String, at: Date
        public init(id: Int64, attempt: Int, state: DeliveryState, statusCode: String?, reason: String, at: Date) {
            self.id = id; self.attempt = attempt; self.state = state; self.statusCode = statusCode; self.reason = reason; self.at = at
        }
    }
    /// Back to the queue: for a retry (not before `notBefore`, preferably not on `avoidAccount`),
    /// or unsent (`release`: the attempt is given back).
    public struct Requeued: Sendable, Hashable {
        public var id: Int64, attempt: Int, notBefore: Date, avoidAccount: String?, reason: String?, release: Bool
        public init(id: Int64, attempt: Int, notBefore: Date, avoidAccount: String?, reason: String?, release: Bool) {
            self.id = id; self.attempt = attempt; self.notBefore = notBefore; self.avoidAccount = avoidAccount; self.reason = reason; self.release = release
        }
    }
    /// A final status report for a submitted delivery.
    public struct Reported: Sendable, Hashable {
        public var id: Int64, state: DeliveryState, statusCode: String, reason: String?, at: Date
        public init(id: Int64, state: DeliveryState, statusCode: String, reason: String?, at: Date) {
            self.id = id; self.state = state; self.statusCode = statusCode; self.reason = reason; self.at = at
        }
    }
    /// Milestones of one dispatch; nil leaves a value as it is, `first*`/`started` only fill an empty one.
    public struct Stamps: Sendable, Hashable {
        public var dispatchID: Int64
        public var startedAt: Date?, firstSubmitAt: Date?, lastSubmitAt: Date?
        public var delivered50At: Date?, delivered90At: Date?, delivered99At: Date?, finishedAt: Date?
        public init(dispatchID: Int64) { self.dispatchID = dispatchID }
    }

    public var accepted: [Accepted] = []
    public var closed: [Closed] = []
    public var requeued: [Requeued] = []
    public var reported: [Reported] = []
    /// (delivery id, when) — an MO reply acknowledged it.
    public var acknowledged: [(id: Int64, at: Date)] = []
    public var stamps: [Stamps] = []

    public init() {}

    public var isEmpty: Bool {
        accepted.isEmpty && closed.isEmpty && requeued.isEmpty && reported.isEmpty && acknowledged.isEmpty && stamps.isEmpty
    }

    /// How many changes (milestones not counted).
    public var count: Int { accepted.count + closed.count + requeued.count + reported.count + acknowledged.count }

    /// Only acceptances and reports: the batches the direct SQLite writer takes row by row.
    public var isOnlyOutcomes: Bool {
        closed.isEmpty && requeued.isEmpty && acknowledged.isEmpty && stamps.isEmpty
    }
}

/// A batch of `Store.applyOutcomes`: acceptances and reports only (`DeliveryChanges.isOnlyOutcomes`;
/// any other batch is written by `apply` after the turn), and what to do the moment it is committed.
public struct OutcomeBatch: Sendable {
    public var changes: DeliveryChanges
    /// Runs right after the commit (on the SQLite writer's thread) with what took effect.
    public var committed: @Sendable (AppliedChanges) -> Void
    /// For the batch's owner, when it gives the batch up unwritten (the store never calls it).
    public var abandoned: @Sendable () -> Void

    public init(changes: DeliveryChanges, committed: @escaping @Sendable (AppliedChanges) -> Void,
                abandoned: @escaping @Sendable () -> Void = {}) {
        self.changes = changes
        self.committed = committed
        self.abandoned = abandoned
    }
}

/// A batch of a `Store.applyOutcomes` turn that was not written (its transaction rolled back, or
/// the writer could not be reached); the batches before it are committed.
public struct OutcomeTurnError: Error, CustomStringConvertible {
    public var batch: OutcomeBatch
    public var underlying: any Error
    public var description: String { "\(underlying)" }
}

/// Which changes of a `DeliveryChanges` batch took effect (delivery ids per kind).
public struct AppliedChanges: Sendable {
    public var accepted: Set<Int64> = []
    public var closed: Set<Int64> = []
    public var requeued: Set<Int64> = []
    public var reported: Set<Int64> = []
    public var acknowledged: Set<Int64> = []

    public init() {}
}

/// A stored delivery found by message id (status reports after a restart) or by number (MO).
public struct DeliveryKey: Sendable, Hashable {
    public var id: Int64
    public var dispatchID: Int64
    public var carrier: Int
    public var state: DeliveryState
    public var account: String?
    public var messageID: String?
    public var acknowledged: Bool
}

/// Deliveries of one dispatch per (carrier, state), and acknowledgements per carrier.
public struct DeliveryTally: Sendable, Hashable {
    public var counts: [Int: [DeliveryState: Int]] = [:]
    public var acknowledged: [Int: Int] = [:]
}

/// One number a warning goes to: the unit of the deliveries table (one row per warning × number).
public struct Recipient: Sendable, Hashable {
    public var number: PhoneNumber
    /// The routing carrier: a ported-number override (携号转网) first, then the segment (号段).
    public var carrier: Carrier
    public var contactID: Int64

    public init(number: PhoneNumber, carrier: Carrier, contactID: Int64) {
        self.number = number
        self.carrier = carrier
        self.contactID = contactID
    }
}

/// Why a candidate's number is not sent to. When several apply, the first in declaration order is
/// reported (contact-level reasons before number-level ones).
public enum ExclusionReason: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// The contact is in the rule's `excludedContactIDs`.
    case explicitlyExcluded = "excluded"
    /// A temporary user whose validity starts after the send time.
    case notYetValid = "not_yet_valid"
    /// A temporary user whose validity ended at or before the send time.
    case expired
    /// Inside the contact's quiet hours, and the level does not override them.
    case quietHours = "quiet_hours"
    /// The stored number is not an 11-digit mainland mobile number.
    case invalidNumber = "invalid_number"
    /// No ported-number override and no allocated segment for the number.
    case unknownCarrier = "unknown_carrier"

    /// Stable small code used in queries (0 means "not excluded").
    public var code: Int {
        switch self {
        case .explicitlyExcluded: 1
        case .notYetValid: 2
        case .expired: 3
        case .quietHours: 4
        case .invalidNumber: 5
        case .unknownCarrier: 6
        }
    }

    public init?(code: Int) {
        guard let r = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = r
    }

    public var nameZH: String {
        switch self {
        case .explicitlyExcluded: "已排除"
        case .notYetValid: "临时用户未生效"
        case .expired: "临时用户已过期"
        case .quietHours: "免打扰时段"
        case .invalidNumber: "号码无效"
        case .unknownCarrier: "号段未知"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.code < b.code }
}

/// A candidate's number that is not sent to, and why. `number` is nil when the stored value is not
/// a valid number (`invalidNumber`); the raw value is never carried (personal data, possibly junk).
public struct Exclusion: Sendable, Hashable {
    public var number: PhoneNumber?
    public var contactID: Int64
    public var reason: ExclusionReason

    public init(number: PhoneNumber?, contactID: Int64, reason: ExclusionReason) {
        self.number = number
        self.contactID = contactID
        self.reason = reason
    }
}

/// The outcome of resolving a targeting request: who is sent to and who is left out.
public struct RecipientList: Sendable {
    /// One entry per number, in ascending contact id then number order.
    public var recipients: [Recipient]
    public var exclusions: [Exclusion]

    public init(recipients: [Recipient] = [], exclusions: [Exclusion] = []) {
        self.recipients = recipients
        self.exclusions = exclusions
    }

    /// Recipients per carrier.
    public var countsByCarrier: [Carrier: Int] {
        recipients.reduce(into: [:]) { $0[$1.carrier, default: 0] += 1 }
    }

    /// Excluded numbers per reason.
    public var exclusionCounts: [ExclusionReason: Int] {
        exclusions.reduce(into: [:]) { $0[$1.reason, default: 0] += 1 }
    }
}

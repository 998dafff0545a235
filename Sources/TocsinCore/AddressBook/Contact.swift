import Foundation

/// A responsible person (责任人) in the address book.
public struct Contact: Sendable, Hashable, Codable {
    public var id: Int64?
    public var name: String
    public var organisationID: Int64?
    public var title: String
    /// GB/T 2260 code of the region the person is responsible for.
    public var regionCode: String?
    public var note: String
    /// One or more mobile numbers, first is primary. Numbers are unique across the address book.
    public var numbers: [PhoneNumber]
    /// Temporary users (major events, specialists): targeted only inside this window.
    public var validFrom: Date?
    public var validUntil: Date?
    /// Personal quiet hours; nil = none.
    public var quietHours: QuietHours?

    public init(id: Int64? = nil, name: String, organisationID: Int64? = nil, title: String = "", regionCode: String? = nil,
                note: String = "", numbers: [PhoneNumber], validFrom: Date? = nil, validUntil: Date? = nil, quietHours: QuietHours? = nil) {
        self.id = id
        self.name = name
        self.organisationID = organisationID
        self.title = title
        self.regionCode = regionCode
        self.note = note
        self.numbers = numbers
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.quietHours = quietHours
    }

    /// Whether a temporary user is inside its validity window at `instant`. Permanent contacts
    /// (no window) are always valid. Expired temporary users stop being targeted without anyone
    /// deleting them.
    public func isValid(at instant: Date) -> Bool {
        if let from = validFrom, instant < from { return false }
        if let until = validUntil, instant >= until { return false }
        return true
    }

    public var isTemporary: Bool { validFrom != nil || validUntil != nil }
}

/// An organisation (单位), hierarchical (bureau → department).
public struct Organisation: Sendable, Hashable, Codable {
    public var id: Int64?
    public var name: String
    public var parentID: Int64?
    public init(id: Int64? = nil, name: String, parentID: Int64? = nil) {
        self.id = id
        self.name = name
        self.parentID = parentID
    }
}

/// A group (群组) of contacts, hierarchical; a contact may be in many groups.
public struct ContactGroup: Sendable, Hashable, Codable {
    public var id: Int64?
    public var name: String
    public var parentID: Int64?
    public var description: String
    public init(id: Int64? = nil, name: String, parentID: Int64? = nil, description: String = "") {
        self.id = id
        self.name = name
        self.parentID = parentID
        self.description = description
    }
}

/// Which hazards (and from which level) a contact or a group receives.
public struct Subscription: Sendable, Hashable, Codable {
    public enum Subject: Sendable, Hashable, Codable {
        case contact(Int64)
        case group(Int64)
    }
    public var id: Int64?
    public var subject: Subject
    /// nil = every hazard type.
    public var hazardCode: String?
    /// Receive warnings of this level or more severe (blue = all levels).
    public var minimumLevel: WarningLevel

    public init(id: Int64? = nil, subject: Subject, hazardCode: String?, minimumLevel: WarningLevel = .blue) {
        self.id = id
        self.subject = subject
        self.hazardCode = hazardCode
        self.minimumLevel = minimumLevel
    }

    public func matches(hazardCode code: String, level: WarningLevel) -> Bool {
        (hazardCode == nil || hazardCode == code) && level.isAtLeast(minimumLevel)
    }
}

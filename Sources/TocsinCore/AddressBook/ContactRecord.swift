import Foundation

/// A contact as people see it in a spreadsheet: with its organisation and group *names*.
/// This is the unit of import and export, and its `fingerprint` decides "unchanged" vs "updated".
public struct ContactRecord: Sendable, Hashable {
    public var contact: Contact
    public var organisationName: String
    public var groupNames: [String]

    public init(contact: Contact, organisationName: String, groupNames: [String]) {
        self.contact = contact
        self.organisationName = organisationName
        self.groupNames = groupNames
    }

    /// A stable 64-bit FNV-1a hash (hex) over every user-visible field in canonical form
    /// (numbers and groups sorted). Equal fingerprints mean an import row changes nothing.
    public var fingerprint: String {
        let c = contact
        var parts: [String] = [
            c.name, organisationName, c.title, c.regionCode ?? "", c.note,
            c.numbers.map(\.digits).sorted().joined(separator: ";"),
            groupNames.sorted().joined(separator: ";"),
            c.validFrom.map { String($0.timeIntervalSince1970) } ?? "",
            c.validUntil.map { String($0.timeIntervalSince1970) } ?? "",
        ]
        if let q = c.quietHours { parts.append("\(q.startMinute)-\(q.endMinute)-\(q.orangeOverrides)") } else { parts.append("") }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0x1f
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

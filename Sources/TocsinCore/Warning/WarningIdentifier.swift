import Foundation

/// The 14-digit issuing-unit code of GB/T 35965.1-2018 Annex A.1.1 (`ZZZZZZDDDUUUXX`):
/// a 6-digit GB/T 2260 region code, a 3-digit GB/T 4657 agency code, a 3-digit internal sub-code
/// (default `000`) and a 2-digit extension (default `00`).
public struct IssuingUnitCode: Sendable, Hashable, Codable, CustomStringConvertible {
    public let regionCode: String
    public let agencyCode: String
    public let subCode: String
    public let extensionCode: String

    /// Validates each part's length and digits. Throws `.invalidIdentifier` naming the bad part.
    public init(regionCode: String, agencyCode: String, subCode: String = "000", extensionCode: String = "00") throws(DomainError) {
        try Self.check(regionCode, digits: 6, part: "region code (GB/T 2260)")
        try Self.check(agencyCode, digits: 3, part: "agency code (GB/T 4657)")
        try Self.check(subCode, digits: 3, part: "sub-code")
        try Self.check(extensionCode, digits: 2, part: "extension")
        // GB/T 2260 province codes run from 11 (北京) to 82 (澳门); 00 is not a region.
        guard let province = Int(regionCode.prefix(2)), (11...82).contains(province) else {
            throw DomainError(.invalidIdentifier, "region code \(regionCode) does not start with a GB/T 2260 province code (11–82)")
        }
        self.regionCode = regionCode
        self.agencyCode = agencyCode
        self.subCode = subCode
        self.extensionCode = extensionCode
    }

    /// Parses the 14-digit form `ZZZZZZDDDUUUXX`.
    public init(parsing text: String) throws(DomainError) {
        guard text.count == 14, text.allSatisfy(\.isASCIIDigit) else {
            throw DomainError(.invalidIdentifier, "issuing-unit code must be 14 digits (6 region + 3 agency + 3 sub-code + 2 extension), got \(text.count) characters")
        }
        let c = Array(text)
        try self.init(regionCode: String(c[0..<6]), agencyCode: String(c[6..<9]), subCode: String(c[9..<12]), extensionCode: String(c[12..<14]))
    }

    /// The 14 digits.
    public var description: String { regionCode + agencyCode + subCode + extensionCode }

    private static func check(_ s: String, digits: Int, part: String) throws(DomainError) {
        guard s.count == digits, s.allSatisfy(\.isASCIIDigit) else {
            throw DomainError(.invalidIdentifier, "\(part) must be \(digits) digits, got '\(s)'")
        }
    }
}

/// A GB/T 35965.1 warning identifier `ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N` (31 characters): the issuing
/// unit, the entry time in Beijing time (UTC+8, no daylight saving) and a sequence number 0–9 that
/// tells apart warnings the same unit enters within the same second.
public struct WarningIdentifier: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let unit: IssuingUnitCode
    /// Entry time as `YYYYMMDDhhmmss`, Beijing time.
    public let entryTime: String
    public let sequence: Int

    /// Beijing time: a fixed UTC+8 offset (China has not used daylight saving since 1991).
    public static let beijingTimeZone = TimeZone(secondsFromGMT: 8 * 3600)!

    /// Builds an identifier for an entry at `instant`. Throws `.invalidIdentifier` when `sequence`
    /// is outside 0–9.
    public init(unit: IssuingUnitCode, enteredAt instant: Date, sequence: Int = 0) throws(DomainError) {
        guard (0...9).contains(sequence) else {
            throw DomainError(.invalidIdentifier, "sequence must be 0–9, got \(sequence)")
        }
        self.unit = unit
        self.entryTime = Self.basicTime(instant)
        self.sequence = sequence
    }

    /// Parses and validates `ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N`. With `allowMissingSequence`, also
    /// accepts the national feed's file-name form without `_N` (sequence 0).
    /// Throws `.invalidIdentifier` saying which part is wrong.
    public init(parsing text: String, allowMissingSequence: Bool = false) throws(DomainError) {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 || (allowMissingSequence && parts.count == 2) else {
            throw DomainError(.invalidIdentifier, "identifier must look like ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N (31 characters, two underscores)")
        }
        let unit = try IssuingUnitCode(parsing: parts[0])
        guard parts[1].count == 14, parts[1].allSatisfy(\.isASCIIDigit), Self.date(fromBasic: parts[1]) != nil else {
            throw DomainError(.invalidIdentifier, "entry time '\(parts[1])' is not a valid YYYYMMDDhhmmss Beijing time")
        }
        var sequence = 0
        if parts.count == 3 {
            guard parts[2].count == 1, let n = Int(parts[2]) else {
                throw DomainError(.invalidIdentifier, "sequence must be one digit 0–9, got '\(parts[2])'")
            }
            sequence = n
        }
        self.unit = unit
        self.entryTime = parts[1]
        self.sequence = sequence
    }

    /// The entry time as an instant.
    public var enteredAt: Date { Self.date(fromBasic: entryTime)! }

    /// The 31-character form.
    public var description: String { "\(unit)_\(entryTime)_\(sequence)" }

    /// Orders by entry time, then unit, then sequence.
    public static func < (a: Self, b: Self) -> Bool {
        (a.entryTime, a.unit.description, a.sequence) < (b.entryTime, b.unit.description, b.sequence)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// `YYYYMMDDhhmmss` of `instant` in Beijing time (the standard's basic date-time form).
    public static func basicTime(_ instant: Date) -> String {
        let d = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return String(format: "%04d", d.year ?? 0) + two(d.month) + two(d.day) + two(d.hour) + two(d.minute) + two(d.second)
    }

    /// The instant of a `YYYYMMDDhhmmss` Beijing time, nil when it is not a real calendar time.
    static func date(fromBasic s: String) -> Date? {
        let digits = Array(s)
        guard digits.count == 14 else { return nil }
        func num(_ r: Range<Int>) -> Int? { Int(String(digits[r])) }
        guard let y = num(0..<4), let mo = num(4..<6), let d = num(6..<8),
              let h = num(8..<10), let mi = num(10..<12), let se = num(12..<14),
              y >= 1970, (1...12).contains(mo), (0...23).contains(h), (0...59).contains(mi), (0...59).contains(se)
        else { return nil }
        let comps = DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: se)
        // Reject 31 February and the like: the round trip must give back the same day.
        guard let date = calendar.date(from: comps), calendar.component(.day, from: date) == d else { return nil }
        return date
    }

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = beijingTimeZone
        return c
    }()
}

/// Hands out identifiers for one issuing unit: sequence 0 for the first warning entered in a
/// second, 1 for the next in the same second, and so on up to 9.
///
/// A value type: it remembers the last second and sequence it gave out. Several nodes issuing for
/// the same unit must still rely on the store's unique key; seed `last` from the store's newest
/// identifier for the unit.
public struct WarningIdentifierGenerator: Sendable {
    public let unit: IssuingUnitCode
    public private(set) var last: WarningIdentifier?

    public init(unit: IssuingUnitCode, last: WarningIdentifier? = nil) {
        self.unit = unit
        self.last = last
    }

    /// The next identifier for an entry at `instant`. Throws `.identifierExhausted` when ten
    /// identifiers were already given out in that second.
    public mutating func next(at instant: Date) throws(DomainError) -> WarningIdentifier {
        let time = WarningIdentifier.basicTime(instant)
        if let last, last.unit == unit, last.entryTime >= time {
            // Same second (or a clock that stepped back): continue the last second's sequence.
            guard last.sequence < 9 else {
                throw DomainError(.identifierExhausted, "unit \(unit) already issued 10 identifiers at \(last.entryTime); retry in the next second")
            }
            let id = WarningIdentifier(unit: unit, entryTime: last.entryTime, sequence: last.sequence + 1)
            self.last = id
            return id
        }
        let id = WarningIdentifier(unit: unit, entryTime: time, sequence: 0)
        self.last = id
        return id
    }
}

extension WarningIdentifier {
    fileprivate init(unit: IssuingUnitCode, entryTime: String, sequence: Int) {
        self.unit = unit
        self.entryTime = entryTime
        self.sequence = sequence
    }
}

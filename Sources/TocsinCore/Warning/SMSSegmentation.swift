/// How an SMS text travels: 8-bit ASCII octets when every character is ASCII, otherwise UCS-2
/// (UTF-16 code units, surrogate pairs for characters outside the BMP).
public enum SMSEncoding: String, Sendable, Hashable, Codable {
    case ascii
    case ucs2

    /// ASCII if every scalar is ASCII, else UCS-2.
    public static func choose(for text: String) -> SMSEncoding {
        text.unicodeScalars.allSatisfy(\.isASCII) ? .ascii : .ucs2
    }
}

/// Segment capacities of one carrier link. The defaults are GSM 03.40 with the 6-byte UDH
/// `05 00 03 ref n k` that all four protocols use (protocols/README.md §1.1).
public struct SegmentRule: Sendable, Hashable, Codable {
    /// UCS-2 code units in a single, unsplit message (140 octets / 2).
    public var singleUCS2Units: Int
    /// UCS-2 code units per segment of a long message ((140 − 6 UDH) / 2).
    public var multiUCS2Units: Int
    /// ASCII octets in a single message.
    public var singleOctets: Int
    /// ASCII octets per segment of a long message (140 − 6 UDH).
    public var multiOctets: Int

    public init(singleUCS2Units: Int = 70, multiUCS2Units: Int = 67, singleOctets: Int = 140, multiOctets: Int = 134) {
        self.singleUCS2Units = singleUCS2Units
        self.multiUCS2Units = multiUCS2Units
        self.singleOctets = singleOctets
        self.multiOctets = multiOctets
    }

    /// 70/67 UCS-2, 140/134 octets.
    public static let standard = SegmentRule()
}

/// A text cut into the segments a carrier will deliver.
public struct SMSSegmentation: Sendable, Hashable {
    public var encoding: SMSEncoding
    /// UTF-16 code units for UCS-2 (a character outside the BMP counts 2), characters for ASCII.
    public var length: Int
    /// The segments' texts, in order; empty for an empty text.
    public var segments: [String]
    public var segmentCount: Int { segments.count }

    /// Cuts `text` by `rule`. A single segment while the text fits the single-message capacity;
    /// beyond that, segments of the multi-part capacity. A UTF-16 surrogate pair is never split: a
    /// pair that would straddle a boundary moves whole to the next segment (which then holds one
    /// unit less). An empty text has no segments.
    public init(_ text: String, rule: SegmentRule = .standard) {
        encoding = SMSEncoding.choose(for: text)
        switch encoding {
        case .ascii:
            let octets = Array(text.utf8)
            length = octets.count
            segments = Self.cut(octets, single: rule.singleOctets, multi: rule.multiOctets, keepTogether: { _ in false })
                .map { String(decoding: $0, as: UTF8.self) }
        case .ucs2:
            let units = Array(text.utf16)
            length = units.count
            segments = Self.cut(units, single: rule.singleUCS2Units, multi: rule.multiUCS2Units,
                                keepTogether: { UTF16.isLeadSurrogate($0) })
                .map { String(decoding: $0, as: UTF16.self) }
        }
    }

    /// Splits `units`; `keepTogether(u)` says a unit must not end a segment (a lead surrogate).
    private static func cut<U>(_ units: [U], single: Int, multi: Int, keepTogether: (U) -> Bool) -> [ArraySlice<U>] {
        guard !units.isEmpty else { return [] }
        guard units.count > single else { return [units[...]] }
        var result: [ArraySlice<U>] = []
        var start = 0
        while start < units.count {
            var end = min(start + multi, units.count)
            if end < units.count, end - start > 1, keepTogether(units[end - 1]) { end -= 1 }
            result.append(units[start..<end])
            start = end
        }
        return result
    }
}

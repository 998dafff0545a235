/// The 号段 table: which carrier a number belongs to, by its first 3 or 4 digits, longest prefix
/// first. Data, not code: the default below can be replaced by a CSV with the same columns
/// (`prefix,carrier,note`), and ported numbers (携号转网) override it per number.
public struct NumberSegmentTable: Sendable, Hashable {
    public struct Entry: Sendable, Hashable, Codable {
        public var prefix: String
        public var carrier: Carrier
        public var note: String
        public init(prefix: String, carrier: Carrier, note: String = "") {
            self.prefix = prefix
            self.carrier = carrier
            self.note = note
        }
    }

    public private(set) var entries: [String: Entry]

    public init(entries: [Entry]) {
        var map: [String: Entry] = [:]
        for e in entries { map[e.prefix] = e }
        self.entries = map
    }

    /// The carrier by segment, or nil when the segment is not allocated to any mobile operator.
    public func carrier(for number: PhoneNumber) -> Carrier? {
        let d = number.digits
        if let e = entries[String(d.prefix(4))] { return e.carrier }
        return entries[String(d.prefix(3))]?.carrier
    }

    /// Parses `prefix,carrier[,note]` lines; `#` starts a comment; a header line starting with
    /// "prefix" is skipped. Reports the first bad line by number.
    public init(csv: String) throws(DomainError) {
        var list: [Entry] = []
        for (index, raw) in csv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if line.isEmpty || line.lowercased().hasPrefix("prefix") { continue }
            let cols = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cols.count >= 2, (3...4).contains(cols[0].count), cols[0].allSatisfy(\.isASCIIDigit), cols[0].hasPrefix("1") else {
                throw DomainError(.invalidValue, "segment table line \(index + 1): expected 'prefix,carrier' with a 3- or 4-digit prefix starting with 1")
            }
            guard let carrier = Carrier(token: cols[1]) else {
                throw DomainError(.invalidValue, "segment table line \(index + 1): unknown carrier '\(cols[1])' (use mobile, unicom, telecom or broadnet)")
            }
            list.append(Entry(prefix: cols[0], carrier: carrier, note: cols.count > 2 ? cols[2...].joined(separator: ",") : ""))
        }
        self.init(entries: list)
    }

    /// The segments allocated as of 2026 (MIIT allocations; virtual-operator 170x/16x/17x segments
    /// belong to the host network; 1349 and 1740x are Telecom satellite service).
    public static let `default`: NumberSegmentTable = try! NumberSegmentTable(csv: defaultCSV)

    public static let defaultCSV = """
    prefix,carrier,note
    134,mobile
    1349,telecom,satellite
    135,mobile
    136,mobile
    137,mobile
    138,mobile
    139,mobile
    147,mobile,data
    148,mobile,data
    150,mobile
    151,mobile
    152,mobile
    157,mobile
    158,mobile
    159,mobile
    165,mobile,virtual
    172,mobile
    178,mobile
    182,mobile
    183,mobile
    184,mobile
    187,mobile
    188,mobile
    195,mobile
    197,mobile
    198,mobile
    1703,mobile,virtual
    1705,mobile,virtual
    1706,mobile,virtual
    130,unicom
    131,unicom
    132,unicom
    145,unicom,data
    146,unicom,data
    155,unicom
    156,unicom
    166,unicom
    167,unicom,virtual
    171,unicom,virtual
    175,unicom
    176,unicom
    185,unicom
    186,unicom
    196,unicom
    1704,unicom,virtual
    1707,unicom,virtual
    1708,unicom,virtual
    1709,unicom,virtual
    133,telecom
    149,telecom,data
    153,telecom
    162,telecom,virtual
    173,telecom
    174,telecom,satellite
    177,telecom
    180,telecom
    181,telecom
    189,telecom
    190,telecom
    191,telecom
    193,telecom
    199,telecom
    1700,telecom,virtual
    1701,telecom,virtual
    1702,telecom,virtual
    192,broadnet
    """
}

/// Resolves the carrier of a number: a ported-number override (携号转网) wins over the segment.
public struct CarrierResolver: Sendable {
    public var segments: NumberSegmentTable
    public var ported: [PhoneNumber: Carrier]

    public init(segments: NumberSegmentTable = .default, ported: [PhoneNumber: Carrier] = [:]) {
        self.segments = segments
        self.ported = ported
    }

    public func carrier(for number: PhoneNumber) -> Carrier? {
        ported[number] ?? segments.carrier(for: number)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// A parsed GSM 03.40 user data header (§9.2.3.24): the UDHL octet, then information elements
/// `IEI IEL data…`. Inbound content whose UDHI flag is set (CMPP/SGIP `TP_udhi`, SMGP TLV
/// `TP_udhi`, SMPP `esm_class & 0x40`) starts with one.
public struct UserDataHeader: Sendable, Hashable {
    /// IE 0x00: concatenated short message, 8-bit reference (IEL 3).
    static let concat8: UInt8 = 0x00
    /// IE 0x08: concatenated short message, 16-bit reference (IEL 4).
    static let concat16: UInt8 = 0x08

    /// One information element, kept whole so callers can look at ports etc.
    public struct Element: Sendable, Hashable {
        public var identifier: UInt8
        public var data: [UInt8]
        public init(identifier: UInt8, data: [UInt8]) {
            self.identifier = identifier
            self.data = data
        }
    }

    /// Which part of which long message this content is.
    public struct ConcatenationInfo: Sendable, Hashable {
        /// The reference: RR for IE 0x00, `hi << 8 | lo` for IE 0x08 (README §3 pitfall 13: not `hi | lo`).
        public var reference: UInt16
        /// Whether the 16-bit form (IE 0x08) carried it.
        public var isSixteenBit: Bool
        public var total: UInt8
        public var number: UInt8
        public init(reference: UInt16, isSixteenBit: Bool, total: UInt8, number: UInt8) {
            self.reference = reference
            self.isSixteenBit = isSixteenBit
            self.total = total
            self.number = number
        }
    }

    /// All elements in order, concatenation ones included.
    public var elements: [Element]
    /// The concatenation element, if any valid one is present.
    public var concatenation: ConcatenationInfo?

    public init(elements: [Element], concatenation: ConcatenationInfo?) {
        self.elements = elements
        self.concatenation = concatenation
    }

    /// Splits content that starts with a UDH into the header and the payload after it.
    ///
    /// Walks the whole IE list (other IEs may precede the concatenation IE — cmpp.md §8.3).
    /// A concatenation IE whose total is 0 or whose number is 0 or above the total is ignored,
    /// as GSM 03.40 §9.2.3.24.1 tells receivers to; if several are present the last valid one wins.
    /// The payload is the raw octets after the header (for GSM 7-bit packed content the caller
    /// skips ``GSM7/fillBits(afterHeaderOfLength:)``).
    ///
    /// - Throws: ``TextError/Code/malformedHeader`` when the content is empty, UDHL runs past the
    ///   content, an element's length runs past UDHL, or a concatenation IE has the wrong length.
    public static func parse(_ content: some Collection<UInt8>) throws(TextError) -> (header: UserDataHeader, payload: [UInt8]) {
        let bytes = Array(content)
        guard let udhl = bytes.first.map(Int.init) else {
            throw TextError(.malformedHeader, detail: "content is empty, no UDHL")
        }
        guard udhl + 1 <= bytes.count else {
            throw TextError(.malformedHeader, detail: "UDHL \(udhl) exceeds the \(bytes.count - 1) octets after it")
        }
        var header = UserDataHeader(elements: [], concatenation: nil)
        var i = 1
        let end = 1 + udhl
        while i < end {
            guard i + 2 <= end else {
                throw TextError(.malformedHeader, detail: "element at offset \(i) lacks its length octet")
            }
            let identifier = bytes[i]
            let length = Int(bytes[i + 1])
            guard i + 2 + length <= end else {
                throw TextError(.malformedHeader, detail: "element 0x\(hex(identifier)) length \(length) runs past UDHL \(udhl)")
            }
            let data = Array(bytes[(i + 2)..<(i + 2 + length)])
            header.elements.append(Element(identifier: identifier, data: data))
            if let info = try concatenationInfo(identifier: identifier, data: data) {
                header.concatenation = info
            }
            i += 2 + length
        }
        return (header, Array(bytes[end...]))
    }

    private static func concatenationInfo(identifier: UInt8, data: [UInt8]) throws(TextError) -> ConcatenationInfo? {
        let info: ConcatenationInfo
        switch identifier {
        case concat8:
            guard data.count == 3 else {
                throw TextError(.malformedHeader, detail: "concatenation element 0x00 has length \(data.count), not 3")
            }
            info = ConcatenationInfo(reference: UInt16(data[0]), isSixteenBit: false, total: data[1], number: data[2])
        case concat16:
            guard data.count == 4 else {
                throw TextError(.malformedHeader, detail: "concatenation element 0x08 has length \(data.count), not 4")
            }
            info = ConcatenationInfo(
                reference: UInt16(data[0]) << 8 | UInt16(data[1]), isSixteenBit: true, total: data[2], number: data[3])
        default:
            return nil
        }
        guard info.total > 0, info.number > 0, info.number <= info.total else { return nil }
        return info
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0" + digits : digits
    }
}

import NIOCore

/// One SMGP optional parameter (smgp.md §6): `Tag` u16 · `Length` u16 · `Value`.
public struct SMGPTLV: Sendable, Hashable {
    /// TLV tags (smgp.md §6). Open: unknown tags are kept as raw values.
    public struct Tag: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }

        public static let tpPid = Tag(rawValue: 0x0001)
        public static let tpUdhi = Tag(rawValue: 0x0002)
        public static let linkID = Tag(rawValue: 0x0003)
        public static let chargeUserType = Tag(rawValue: 0x0004)
        public static let chargeTermType = Tag(rawValue: 0x0005)
        public static let chargeTermPseudo = Tag(rawValue: 0x0006)
        public static let destTermType = Tag(rawValue: 0x0007)
        public static let destTermPseudo = Tag(rawValue: 0x0008)
        public static let pkTotal = Tag(rawValue: 0x0009)
        public static let pkNumber = Tag(rawValue: 0x000A)
        public static let submitMsgType = Tag(rawValue: 0x000B)
        public static let spDealResult = Tag(rawValue: 0x000C)
        public static let srcTermType = Tag(rawValue: 0x000D)
        public static let srcTermPseudo = Tag(rawValue: 0x000E)
        public static let nodesCount = Tag(rawValue: 0x000F)
        public static let msgSrc = Tag(rawValue: 0x0010)
        public static let srcType = Tag(rawValue: 0x0011)
        public static let mServiceID = Tag(rawValue: 0x0012)

        public var description: String {
            "0x" + String(rawValue, radix: 16, uppercase: true).leftPadded(to: 4)
        }
    }

    public var tag: Tag
    public var value: [UInt8]

    public init(tag: Tag, value: [UInt8]) {
        self.tag = tag
        self.value = value
    }
}

/// The TLVs after a Submit's or Deliver's mandatory part, in wire order. Unknown tags are
/// preserved and re-encoded unchanged; typed accessors live in `SMGPTLVList+Accessors.swift`.
public struct SMGPTLVList: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// Most TLV bytes one PDU may carry: smgp.md §1.1 "cap TLV space (e.g. ≤ 1 KB)".
    public static let maxEncodedLength = 1024

    public var elements: [SMGPTLV]

    public init(_ elements: [SMGPTLV] = []) { self.elements = elements }
    public init(arrayLiteral elements: SMGPTLV...) { self.elements = elements }

    public var isEmpty: Bool { elements.isEmpty }

    /// The value of the first TLV with `tag`.
    public func value(for tag: SMGPTLV.Tag) -> [UInt8]? {
        elements.first { $0.tag == tag }?.value
    }

    /// Replaces the first TLV with `tag` in place (dropping later duplicates), appends when
    /// absent, removes every TLV with `tag` when `value` is nil.
    public mutating func setValue(_ value: [UInt8]?, for tag: SMGPTLV.Tag) {
        guard let value else {
            elements.removeAll { $0.tag == tag }
            return
        }
        if let index = elements.firstIndex(where: { $0.tag == tag }) {
            elements[index].value = value
            var seen = false
            elements.removeAll { element in
                guard element.tag == tag else { return false }
                defer { seen = true }
                return seen
            }
        } else {
            elements.append(SMGPTLV(tag: tag, value: value))
        }
    }

    /// Bytes `encode(into:)` writes.
    public var encodedLength: Int { elements.reduce(0) { $0 + 4 + $1.value.count } }

    /// Reads TLVs until the reader is empty. Throws `.invalidField` when the TLV area exceeds
    /// `maxEncodedLength`, a TLV header is cut short, or a Length overruns the packet
    /// (SMGP Status 10, smgp.md §1.1).
    public init(decoding reader: inout FieldReader) throws(WireError) {
        guard reader.remaining <= Self.maxEncodedLength else {
            throw reader.error(.invalidField, "\(reader.remaining) bytes of TLVs, at most \(Self.maxEncodedLength)")
        }
        var elements: [SMGPTLV] = []
        while reader.remaining > 0 {
            guard reader.remaining >= 4 else {
                throw reader.error(.invalidField, "\(reader.remaining) bytes left, too few for a TLV header")
            }
            let tag: UInt16 = try reader.integer("TLV tag")
            let length: UInt16 = try reader.integer("TLV length")
            guard Int(length) <= reader.remaining else {
                throw reader.error(.invalidField, "TLV \(SMGPTLV.Tag(rawValue: tag)) length \(length) overruns the packet")
            }
            elements.append(SMGPTLV(tag: SMGPTLV.Tag(rawValue: tag), value: try reader.bytes("TLV value", length: Int(length))))
        }
        self.elements = elements
    }

    /// Writes every TLV in order. Throws `.valueTooLong` when the list exceeds `maxEncodedLength`.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        guard encodedLength <= Self.maxEncodedLength else {
            throw WireError(.valueTooLong, protocolName: SMGP.name, detail: "TLVs take \(encodedLength) bytes, at most \(Self.maxEncodedLength)")
        }
        for tlv in elements {
            buffer.writeMultipleIntegers(tlv.tag.rawValue, UInt16(tlv.value.count))
            buffer.writeBytes(tlv.value)
        }
    }
}

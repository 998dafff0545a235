import NIOCore

extension SMPP {
    /// One optional parameter (§1, §8): `tag` u16 · `length` u16 · `value`.
    public struct TLV: Sendable, Hashable {
        public var tag: Tag
        public var value: [UInt8]

        public init(_ tag: Tag, value: [UInt8]) {
            self.tag = tag
            self.value = value
        }

        /// An optional-parameter tag (§8). Open: unknown and vendor tags (`0x1400–0x3FFF`) are kept.
        public struct Tag: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
            public var rawValue: UInt16
            public init(rawValue: UInt16) { self.rawValue = rawValue }

            public static let destAddrSubunit = Tag(rawValue: 0x0005)
            public static let destNetworkType = Tag(rawValue: 0x0006)
            public static let destBearerType = Tag(rawValue: 0x0007)
            public static let sourceNetworkType = Tag(rawValue: 0x000E)
            public static let sourceBearerType = Tag(rawValue: 0x000F)
            public static let qosTimeToLive = Tag(rawValue: 0x0017)
            public static let payloadType = Tag(rawValue: 0x0019)
            public static let additionalStatusInfoText = Tag(rawValue: 0x001D)
            /// COS(max 65): the message_id a receipt refers to (§5.1).
            public static let receiptedMessageID = Tag(rawValue: 0x001E)
            public static let msMsgWaitFacilities = Tag(rawValue: 0x0030)
            /// u16
            public static let userMessageReference = Tag(rawValue: 0x0204)
            /// u16
            public static let sourcePort = Tag(rawValue: 0x020A)
            /// u16
            public static let destinationPort = Tag(rawValue: 0x020B)
            /// u16 (§7)
            public static let sarMsgRefNum = Tag(rawValue: 0x020C)
            /// u8, 1–255 (§7)
            public static let sarTotalSegments = Tag(rawValue: 0x020E)
            /// u8, 1-based (§7)
            public static let sarSegmentSeqnum = Tag(rawValue: 0x020F)
            /// u8, in bind_*_resp (§3.1)
            public static let scInterfaceVersion = Tag(rawValue: 0x0210)
            public static let callbackNum = Tag(rawValue: 0x0381)
            /// 3 bytes: network type u8 + error code u16 (§5.1)
            public static let networkErrorCode = Tag(rawValue: 0x0423)
            /// Up to 64 KB; excludes short_message (§7)
            public static let messagePayload = Tag(rawValue: 0x0424)
            public static let deliveryFailureReason = Tag(rawValue: 0x0425)
            public static let moreMessagesToSend = Tag(rawValue: 0x0426)
            /// u8 (§5.1)
            public static let messageState = Tag(rawValue: 0x0427)
            /// u8, SMPP 5.0 (§11)
            public static let congestionState = Tag(rawValue: 0x0428)
            public static let ussdServiceOp = Tag(rawValue: 0x0501)

            public var description: String { "0x" + String(rawValue, radix: 16, uppercase: true).leftPadded(to: 4) }
        }
    }

    /// The optional parameters of a PDU, in wire order, unknown tags included (§1: "unknown tags
    /// must be skipped" — we keep them so a relay or the simulator can pass them on).
    /// Typed accessors (`messagePayload`, `sarMsgRefNum` …) read and replace the first entry of a tag.
    public struct TLVList: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
        public var elements: [TLV]

        public init(_ elements: [TLV] = []) { self.elements = elements }
        public init(arrayLiteral elements: TLV...) { self.elements = elements }

        public var startIndex: Int { elements.startIndex }
        public var endIndex: Int { elements.endIndex }
        public subscript(position: Int) -> TLV { elements[position] }

        /// The value of the first parameter with `tag`.
        public func value(for tag: TLV.Tag) -> [UInt8]? {
            elements.first(where: { $0.tag == tag })?.value
        }

        public func contains(_ tag: TLV.Tag) -> Bool { elements.contains(where: { $0.tag == tag }) }

        /// Replaces the first parameter with `tag` (keeping its position) or appends one; nil removes
        /// every parameter with `tag`.
        public mutating func set(_ tag: TLV.Tag, to value: [UInt8]?) {
            guard let value else {
                elements.removeAll(where: { $0.tag == tag })
                return
            }
            if let index = elements.firstIndex(where: { $0.tag == tag }) {
                elements[index].value = value
            } else {
                elements.append(TLV(tag, value: value))
            }
        }

        /// Appends a parameter (duplicates allowed, as on the wire).
        public mutating func append(_ tlv: TLV) { elements.append(tlv) }

        /// Reads TLVs up to the end of the body. Only the framing is checked here: a known tag with
        /// an unexpected length stays in the list and its typed accessor returns nil.
        /// - Throws: `.truncated` when a tag/length header or a value runs past the body.
        init(from reader: inout FieldReader) throws(WireError) {
            var elements: [TLV] = []
            while reader.remaining > 0 {
                guard reader.remaining >= 4 else {
                    throw reader.error(.truncated, "optional parameter header needs 4 bytes, \(reader.remaining) left")
                }
                let tag = TLV.Tag(rawValue: try reader.integer("optional parameter tag", as: UInt16.self))
                let length = try reader.integer("optional parameter \(tag) length", as: UInt16.self)
                let value = try reader.bytes("optional parameter \(tag) value", length: Int(length))
                elements.append(TLV(tag, value: value))
            }
            self.elements = elements
        }

        /// - Throws: `.valueTooLong` when a value exceeds 0xFFFF bytes.
        func encode(into buffer: inout ByteBuffer) throws(WireError) {
            for tlv in elements {
                guard tlv.value.count <= Int(UInt16.max) else {
                    throw WireError(.valueTooLong, protocolName: SMPP.name, detail: "optional parameter \(tlv.tag) is \(tlv.value.count) bytes, at most 65535 allowed")
                }
                buffer.writeInteger(tlv.tag.rawValue)
                buffer.writeInteger(UInt16(tlv.value.count))
                buffer.writeBytes(tlv.value)
            }
        }
    }
}

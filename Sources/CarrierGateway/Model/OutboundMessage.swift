/// One short message — one segment — to submit on a carrier link.
///
/// The content is already encoded (UCS-2, GBK …) and, for a long message, already split with its
/// UDH in front: the link only frames it. Text encoding and splitting live in `CarrierWire`'s text
/// helpers and the dispatcher. `description` masks the destination and never shows the content.
public struct OutboundMessage: Sendable, Hashable {
    /// Position of this segment in a long message (CMPP Pk_total/Pk_number, SMGP TLVs, SMPP SAR).
    public struct Segment: Sendable, Hashable {
        /// Reference shared by every segment of one long message.
        public var reference: UInt16
        /// Segments in the message (1…255).
        public var total: UInt8
        /// This segment's number, 1-based.
        public var number: UInt8

        /// Creates segment information.
        public init(reference: UInt16, total: UInt8, number: UInt8) {
            self.reference = reference
            self.total = total
            self.number = number
        }
    }

    /// The recipient's number as the carrier expects it (e.g. `8613800138000` or `13800138000`).
    public var destination: String
    /// The encoded content bytes (UDH included when `hasUDH`).
    public var content: [UInt8]
    /// The protocol's data-coding value (8 = UCS-2 in every protocol, 15 = GBK/GB18030 …).
    public var dataCoding: UInt8
    /// Whether `content` starts with a UDH (sets UDHI / TP_udhi).
    public var hasUDH: Bool
    /// Segment counters for protocols that carry them beside the UDH; nil for a single message.
    public var segment: Segment?
    /// How long the carrier may keep trying (the warning's remaining validity, DESIGN.md
    /// "SMS validity follows the warning"); nil leaves the carrier's default.
    public var validity: Duration?
    /// 0 (lowest) … 3 (highest); protocols with fewer levels clamp.
    public var priority: UInt8
    /// Ask for a status report (SMPP registered_delivery 1, CMPP Registered_Delivery 1 …).
    public var requestReport: Bool

    /// Creates a message; see each property.
    public init(
        destination: String, content: [UInt8], dataCoding: UInt8 = 8, hasUDH: Bool = false,
        segment: Segment? = nil, validity: Duration? = nil, priority: UInt8 = 0, requestReport: Bool = true
    ) {
        self.destination = destination
        self.content = content
        self.dataCoding = dataCoding
        self.hasUDH = hasUDH
        self.segment = segment
        self.validity = validity
        self.priority = priority
        self.requestReport = requestReport
    }
}

extension OutboundMessage: CustomStringConvertible {
    /// `OutboundMessage(to: 138****8000, 4 bytes, dcs 8)` — never the content, never the full number.
    public var description: String {
        "OutboundMessage(to: \(maskedNumber(destination)), \(content.count) bytes, dcs \(dataCoding))"
    }
}

/// Masks a phone number for logs (DESIGN.md: `138****5678`): the first three and last four
/// characters stay, the rest become `*`; numbers of seven characters or fewer become all `*`.
public func maskedNumber(_ number: String) -> String {
    let characters = Array(number)
    guard characters.count > 7 else { return String(repeating: "*", count: characters.count) }
    return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 7)
        + String(characters.suffix(4))
}

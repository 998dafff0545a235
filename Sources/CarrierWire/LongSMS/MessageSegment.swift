/// One submit's worth of a (possibly long) message.
///
/// Fill the protocol fields from it: `content` → CMPP `Msg_Content`/SGIP `MessageContent`/SMGP
/// `MsgContent`/SMPP `short_message`; `hasHeader` → CMPP/SGIP `TP_udhi`, SMGP TLV `TP_udhi`,
/// SMPP `esm_class |= 0x40`; `total`/`number` → CMPP `Pk_total`/`Pk_number`, SMGP TLVs
/// `PkTotal`/`PkNumber`, SMPP `sar_total_segments`/`sar_segment_seqnum`; `reference` → SMPP
/// `sar_msg_ref_num`. A single message has `total == 1`, no header and no reference.
public struct MessageSegment: Sendable, Hashable {
    /// The coding of ``payload`` (select the field value with ``CodingProfile``).
    public var coding: TextCoding
    /// The user data header, empty for a single message and for SAR segments.
    public var udh: [UInt8]
    /// The encoded text of this part (unpacked septets for GSM 7-bit).
    public var payload: [UInt8]
    /// 1-based index of this part.
    public var number: UInt8
    /// Number of parts of the whole message (1 for a single message).
    public var total: UInt8
    /// The concatenation reference shared by all parts; nil for a single message.
    public var reference: UInt16?

    public init(coding: TextCoding, udh: [UInt8], payload: [UInt8], number: UInt8, total: UInt8, reference: UInt16?) {
        self.coding = coding
        self.udh = udh
        self.payload = payload
        self.number = number
        self.total = total
        self.reference = reference
    }

    /// `udh ‖ payload`: what goes into the content field.
    public var content: [UInt8] { udh + payload }

    /// Whether the content starts with a UDH (set TP-UDHI / esm_class 0x40).
    public var hasHeader: Bool { !udh.isEmpty }

    /// Whether this is a part of a multi-part message.
    public var isConcatenated: Bool { total > 1 }
}

/// How the parts of a long (concatenated) message are tied together (protocols/README.md §1.1;
/// cmpp.md §8.3; smpp.md §7). The reference is chosen by the caller — e.g. a per-link counter —
/// so the splitter stays a pure function.
public enum Concatenation: Sendable, Hashable {
    /// UDH `05 00 03 ref total n` (GSM 03.40 IE 0x00, 8-bit reference) at the start of the
    /// content: 134 octets / 67 UCS-2 chars / 153 GSM septets per segment.
    case udh8(reference: UInt8)
    /// UDH `06 08 04 refH refL total n` (IE 0x08, 16-bit reference): 133 octets / 66 UCS-2
    /// chars / 152 GSM septets per segment.
    case udh16(reference: UInt16)
    /// SMPP `sar_msg_ref_num` / `sar_total_segments` / `sar_segment_seqnum` TLVs (smpp.md §7,
    /// method 2): no UDH bytes; the SMSC inserts the header, so segments are sized for the
    /// larger 16-bit form to leave it room.
    case sar(reference: UInt16)

    /// The shape without the reference, for capacity questions.
    public enum Form: Sendable, Hashable {
        case udh8, udh16, sar
    }

    public var form: Form {
        switch self {
        case .udh8: .udh8
        case .udh16: .udh16
        case .sar: .sar
        }
    }

    /// The reference as a 16-bit value (what CMPP/SMGP/SMPP records and `sar_msg_ref_num` take).
    public var reference: UInt16 {
        switch self {
        case .udh8(let reference): UInt16(reference)
        case .udh16(let reference), .sar(let reference): reference
        }
    }

    /// The user data header for part `number` of `total` (empty for ``sar(reference:)``).
    public func header(total: UInt8, number: UInt8) -> [UInt8] {
        switch self {
        case .udh8(let reference):
            [0x05, UserDataHeader.concat8, 0x03, reference, total, number]
        case .udh16(let reference):
            [0x06, UserDataHeader.concat16, 0x04,
             UInt8(truncatingIfNeeded: reference >> 8), UInt8(truncatingIfNeeded: reference), total, number]
        case .sar:
            []
        }
    }
}

extension TextCoding {
    /// Octets (septets for GSM 7-bit) one message holds without a header: 140 octets =
    /// 70 UCS-2 chars, or 160 GSM septets (GSM 03.40 TP-UDL limits).
    public var singleMessageCapacity: Int { self == .gsm7 ? 160 : 140 }

    /// Octets (septets for GSM 7-bit) a segment holds next to the concatenation header
    /// (protocols/README.md §1.1): 140 − 6 = 134 and 140 − 7 = 133 octets; GSM
    /// (1120 − 48 bits) / 7 = 153 (7-octet header incl. fill bit), (1120 − 56) / 7 = 152.
    /// UCS-2 ends up with 132 octets (66 chars) in the 16-bit form because it cuts only
    /// between characters.
    public func segmentCapacity(_ form: Concatenation.Form) -> Int {
        switch (self, form) {
        case (.gsm7, .udh8): 153
        case (.gsm7, _): 152
        case (_, .udh8): 134
        case (_, _): 133
        }
    }
}

import CarrierWire

/// The long-message fields of one SMGP Submit (smgp.md §8, pitfall 5): a segment needs all three
/// of TLV TP_udhi = 1, the GSM UDH at the start of MsgContent, and TLVs PkTotal/PkNumber.
///
/// Callers normally pass segments from `LongMessageSplitter` (UDH in the content and
/// ``OutboundMessage/segment`` set). Either half is enough: the UDH is built from the segment
/// (8-bit reference when it fits, else the 16-bit form) and the counters are read from the UDH.
struct SMGPLongMessageFields: Hashable {
    /// MsgContent, UDH included.
    var content: [UInt8]
    /// Whether `content` starts with a UDH (TP_udhi).
    var hasUDH: Bool
    /// PkTotal, nil for a plain single message.
    var total: UInt8?
    /// PkNumber, nil for a plain single message.
    var number: UInt8?

    init(_ message: OutboundMessage) {
        content = message.content
        hasUDH = message.hasUDH
        total = message.segment?.total
        number = message.segment?.number
        if message.hasUDH {
            // Take the counters from the UDH when the caller did not give them.
            if total == nil, let header = try? UserDataHeader.parse(message.content).header,
               let concatenation = header.concatenation {
                total = concatenation.total
                number = concatenation.number
            }
        } else if let segment = message.segment, segment.total > 1 {
            let concatenation: Concatenation = segment.reference <= UInt16(UInt8.max)
                ? .udh8(reference: UInt8(segment.reference)) : .udh16(reference: segment.reference)
            content = concatenation.header(total: segment.total, number: segment.number) + message.content
            hasUDH = true
        }
    }
}

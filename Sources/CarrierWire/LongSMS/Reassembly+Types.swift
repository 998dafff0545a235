/// What identifies one long MO message: cmpp.md §8.3 keys on the sender, the number it was
/// sent to, the reference and the total (a handset reuses references; the total tells two
/// messages with the same reference apart more often than not).
public struct ReassemblyKey: Sendable, Hashable {
    /// The sender (CMPP `Src_terminal_Id`, SGIP `UserNumber`, SMGP `SrcTermID`, SMPP `source_addr`).
    public var source: String
    /// The number it was sent to (service code / long number); "" if the caller does not key on it.
    public var destination: String
    public var reference: UInt16
    public var total: UInt8

    public init(source: String, destination: String = "", reference: UInt16, total: UInt8) {
        self.source = source
        self.destination = destination
        self.reference = reference
        self.total = total
    }
}

/// One received part of a long MO message, after its UDH (or SMPP `sar_*` TLVs) was parsed.
public struct InboundPart: Sendable, Hashable {
    public var key: ReassemblyKey
    /// 1-based part number.
    public var number: UInt8
    /// How to decode ``payload`` (from the protocol's coding field via ``CodingProfile``).
    public var coding: TextCoding
    /// The content after the UDH.
    public var payload: [UInt8]

    public init(key: ReassemblyKey, number: UInt8, coding: TextCoding, payload: [UInt8]) {
        self.key = key
        self.number = number
        self.coding = coding
        self.payload = payload
    }

    /// A part described by a parsed UDH.
    public init(source: String, destination: String = "", concatenation: UserDataHeader.ConcatenationInfo,
                coding: TextCoding, payload: [UInt8]) {
        self.init(
            key: ReassemblyKey(source: source, destination: destination,
                               reference: concatenation.reference, total: concatenation.total),
            number: concatenation.number, coding: coding, payload: payload)
    }
}

/// A complete long message.
public struct ReassembledMessage: Sendable, Hashable {
    public var key: ReassemblyKey
    /// The decoded text of all parts in order.
    public var text: String
    /// Each part's payload, index 0 = part 1 (keep the raw bytes for the record).
    public var parts: [[UInt8]]
}

/// An incomplete set given up on, handed back so the caller can log or record what arrived.
public struct IncompleteMessage<Instant: InstantProtocol>: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// The timeout passed since its first part arrived.
        case expired
        /// Dropped to stay within the entry or byte bound (oldest first).
        case evicted
    }

    public var key: ReassemblyKey
    public var reason: Reason
    /// When its first part arrived.
    public var firstReceived: Instant
    /// The parts that did arrive, by part number.
    public var parts: [UInt8: [UInt8]]
    /// The decoded text of the parts that arrived, in order, with one U+FFFD per missing part.
    public var partialText: String
}

/// The result of ``Reassembler/receive(_:now:)``.
public struct ReassemblyOutcome<Instant: InstantProtocol>: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// The part completed its message (or was a single-part message).
        case complete(ReassembledMessage)
        /// Stored; `received` of `total` parts are now held.
        case pending(received: Int, total: Int)
        /// A part with this number is already held; the first copy is kept.
        case duplicate
        /// Not stored: number 0 or above total, total 0, or the payload alone exceeds the byte bound.
        case rejected
    }

    public var status: Status
    /// Sets dropped while handling this part (expired first, then evicted), for the caller to log.
    public var dropped: [IncompleteMessage<Instant>]
}

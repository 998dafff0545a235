import NIOCore

/// The 10-byte SMGP MsgID (smgp.md §5.5): BCD `SMGW code (6) ‖ MMDDHHMM (8) ‖ sequence (6)`.
///
/// Holds the raw bytes, so ids that are not valid BCD (some gateways send them) survive
/// unchanged; their text form is then plain hex and the component accessors return nil.
public struct SMGPMsgID: Sendable, Hashable, CustomStringConvertible {
    /// Bytes on the wire.
    public static let wireLength = 10
    /// The all-zero id (e.g. in a failed Submit_Resp).
    public static let zero = SMGPMsgID(unchecked: [UInt8](repeating: 0, count: wireLength))

    /// The raw 10 bytes.
    public let bytes: [UInt8]

    private init(unchecked bytes: [UInt8]) { self.bytes = bytes }

    /// Wraps 10 raw bytes; nil for any other count.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.wireLength else { return nil }
        self.bytes = bytes
    }

    /// Parses the 20-hex-digit text form (BCD digits or raw hex).
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 2 * Self.wireLength else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(Self.wireLength)
        var i = 0
        while i < utf8.count {
            guard let hi = Self.nibble(utf8[i]), let lo = Self.nibble(utf8[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        self.bytes = out
    }

    /// Builds a BCD id from its parts; nil when a part is out of range.
    public init?(gatewayCode: Int, month: Int, day: Int, hour: Int, minute: Int, sequence: Int) {
        guard (0...999_999).contains(gatewayCode), (1...12).contains(month), (1...31).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...999_999).contains(sequence) else { return nil }
        let digits = String(gatewayCode).leftPadded(to: 6)
            + String(month).leftPadded(to: 2) + String(day).leftPadded(to: 2)
            + String(hour).leftPadded(to: 2) + String(minute).leftPadded(to: 2)
            + String(sequence).leftPadded(to: 6)
        self.init(hex: digits)
    }

    /// True when every nibble is a decimal digit.
    public var isBCD: Bool { bytes.allSatisfy { $0 >> 4 <= 9 && $0 & 0x0F <= 9 } }

    /// The 20 hex digits; equal to the BCD digits when `isBCD`, the raw hex fallback otherwise.
    public var description: String { Hex.lower(bytes[0..<8]) + Hex.lower(bytes[8...]) }

    /// SMGW code (`010061`), nil when not BCD.
    public var gatewayCode: String? { isBCD ? String(description.prefix(6)) : nil }
    /// Receive time `MMDDHHMM`, nil when not BCD.
    public var time: String? { isBCD ? String(description.dropFirst(6).prefix(8)) : nil }
    /// Sequence 0…999999, nil when not BCD.
    public var sequence: Int? { isBCD ? Int(description.suffix(6)) : nil }

    /// The id `n` places further in a group send's range (sequence part wraps 999999 → 0,
    /// smgp.md §5.2); nil when not BCD or `n` is negative.
    public func advanced(by n: Int) -> SMGPMsgID? {
        guard n >= 0, let sequence else { return nil }
        let next = (sequence + n % 1_000_000) % 1_000_000
        return SMGPMsgID(hex: String(description.prefix(14)) + String(next).leftPadded(to: 6))
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Reads 10 bytes.
    public init(reading reader: inout FieldReader, field: String) throws(WireError) {
        self.init(unchecked: try reader.bytes(field, length: Self.wireLength))
    }

    /// Writes 10 bytes.
    public func write(into buffer: inout ByteBuffer) {
        buffer.writeBytes(bytes)
    }
}

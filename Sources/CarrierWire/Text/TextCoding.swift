/// A text coding the carriers' content fields can carry. The numeric value that selects it
/// differs per protocol; ``CodingProfile`` maps between the two.
public enum TextCoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// GSM 03.38 7-bit default alphabet + extension table, unpacked septets (SMPP dcs 0).
    case gsm7
    /// 7-bit ASCII, one octet per character (CMPP/SGIP/SMGP 0, SMPP 1).
    case ascii
    /// ISO-8859-1 (SMPP 3).
    case latin1
    /// UTF-16BE with surrogate pairs (value 8 everywhere).
    case ucs2
    /// GB18030 restricted to one- and two-byte codes (CMPP "GB" and SGIP "GBK", value 15).
    case gbk
    /// Full GB18030 incl. four-byte codes (SMGP value 15).
    case gb18030

    public var description: String { rawValue }

    /// The bytes of `text` in this coding (unpacked septets for ``gsm7``).
    /// - Throws: ``TextError/Code/unencodable`` naming the first character's position.
    public func encode(_ text: String) throws(TextError) -> [UInt8] {
        switch self {
        case .gsm7: return try GSM7.encode(text)
        case .ascii: return try ASCII.encode(text)
        case .latin1: return try Latin1.encode(text)
        case .ucs2: return UCS2.encode(text)
        case .gbk: return try GB18030.encodeGBK(text)
        case .gb18030: return GB18030.encode(text)
        }
    }

    /// Decodes `bytes`; never traps, never throws. What each coding does with invalid input is
    /// documented on its decoder; in short, each bad sequence becomes U+FFFD. ``gbk`` decodes as
    /// full GB18030 (a superset; inbound text is taken as the peer sent it).
    public func decode(_ bytes: some Collection<UInt8>) -> String {
        switch self {
        case .gsm7: return GSM7.decode(bytes)
        case .ascii: return ASCII.decode(bytes)
        case .latin1: return Latin1.decode(bytes)
        case .ucs2: return UCS2.decode(bytes)
        case .gbk, .gb18030: return GB18030.decode(bytes)
        }
    }

    /// Whether this coding represents `text` exactly.
    public func canEncode(_ text: String) -> Bool {
        switch self {
        case .gsm7: return GSM7.canEncode(text)
        case .ascii: return ASCII.canEncode(text)
        case .latin1: return Latin1.canEncode(text)
        case .ucs2, .gb18030: return true
        case .gbk: return GB18030.canEncodeGBK(text)
        }
    }

    /// Encodes scalar by scalar, recording where each scalar's bytes end, so the splitter can
    /// cut only between characters (never inside a surrogate pair, a GB18030 multi-byte code or
    /// a GSM escape pair).
    func encodeMarkingBoundaries(_ text: String) throws(TextError) -> (bytes: [UInt8], ends: [Int]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        bytes.reserveCapacity(text.utf8.count * 2)
        ends.reserveCapacity(text.unicodeScalars.count)
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard appendScalar(scalar, to: &bytes) else { throw .unencodable(self, at: offset) }
            ends.append(bytes.count)
        }
        return (bytes, ends)
    }

    private func appendScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) -> Bool {
        switch self {
        case .gsm7:
            return GSM7.append(scalar, to: &out)
        case .ascii, .latin1:
            guard scalar.value < (self == .ascii ? 0x80 : 0x100) else { return false }
            out.append(UInt8(truncatingIfNeeded: scalar.value))
            return true
        case .ucs2:
            UCS2.append(scalar, to: &out)
            return true
        case .gbk, .gb18030:
            return GB18030.append(scalar, to: &out, allowFourByte: self == .gb18030)
        }
    }
}

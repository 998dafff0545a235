/// GB18030 and its GBK subset — coding value 15: "GB" in CMPP, GBK in SGIP, GB18030 in SMGP
/// (protocols/README.md §1; cmpp.md §8.1; smgp.md §8).
///
/// Table-driven (``GB18030Table``, generated from CPython's `gb18030` codec, GB18030-2000
/// mapping): one byte for ASCII, two bytes for the GBK area (lead 0x81–0xFE, trail 0x40–0x7E or
/// 0x80–0xFE), four bytes `b1 b2 b3 b4` (b2, b4 in 0x30–0x39, b3 in 0x81–0xFE) for the rest of the
/// BMP (b1 0x81–0x84, by range table) and for the supplementary planes (b1 0x90–0xE3,
/// U+10000 + linear index, algorithmic).
///
/// Prefer UCS-2 for Chinese warnings (cmpp.md §8.1): the handset receives UCS-2 anyway and the
/// ISMG's GBK/GB18030 conversion is unspecified.
public enum GB18030 {
    /// Linear index stride of the four-byte form: b1 counts 12,600 codes, b2 1,260, b3 10.
    private static let b1Stride = 12_600, b2Stride = 1_260, b3Stride = 10
    /// Four-byte codes for the supplementary planes start at 90 30 81 30 = U+10000.
    private static let supplementaryLead: UInt8 = 0x90

    /// The GB18030 bytes of `text`. Never fails: GB18030 covers every Unicode scalar.
    public static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { _ = append(scalar, to: &out, allowFourByte: true) }
        return out
    }

    /// The bytes of `text` restricted to one- and two-byte codes (what CMPP/SGIP call GBK).
    /// - Throws: ``TextError/Code/unencodable`` for the first scalar that needs a four-byte code.
    public static func encodeGBK(_ text: String) throws(TextError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard append(scalar, to: &out, allowFourByte: false) else { throw .unencodable(.gbk, at: offset) }
        }
        return out
    }

    /// Whether `text` fits the one- and two-byte (GBK) area.
    public static func canEncodeGBK(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { encodedLength($0) < 4 }
    }

    /// Decodes GB18030 (and therefore GBK/GB2312). Never traps. Each malformed or unmapped
    /// sequence becomes one U+FFFD: a bad lead byte (0x80, 0xFF) or a lead byte whose follower
    /// is not a valid second byte consumes one byte (so an ASCII follower is kept); a well-formed
    /// four-byte code outside the mapped ranges consumes four.
    public static func decode(_ input: some Collection<UInt8>) -> String {
        let bytes = Array(input)
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            let b1 = bytes[i]
            if b1 < 0x80 {
                scalars.append(Unicode.Scalar(b1))
                i += 1
                continue
            }
            guard GB18030Table.leadRange.contains(b1), i + 1 < bytes.count else {
                scalars.append("\u{FFFD}")
                i += 1
                continue
            }
            let b2 = bytes[i + 1]
            if let unit = GB18030Table.twoByte(lead: b1, trail: b2) {
                scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
                i += 2
            } else if (0x30...0x39).contains(b2), i + 3 < bytes.count,
                      (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) {
                scalars.append(fourByteScalar(b1, b2, bytes[i + 2], bytes[i + 3]) ?? "\u{FFFD}")
                i += 4
            } else {
                scalars.append("\u{FFFD}")
                i += 1
            }
        }
        return String(scalars)
    }

    /// Appends the code of one scalar; false (nothing appended) if it needs four bytes and
    /// `allowFourByte` is false.
    static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8], allowFourByte: Bool) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            out.append(UInt8(truncatingIfNeeded: value))
            return true
        }
        if value < 0x1_0000 {
            let code = GB18030Table.twoByteCodes[Int(value)]
            if code != 0 {
                out.append(UInt8(truncatingIfNeeded: code >> 8))
                out.append(UInt8(truncatingIfNeeded: code))
                return true
            }
        }
        guard allowFourByte else { return false }
        let linear: Int
        let base: UInt8
        if value < 0x1_0000 {
            // Every BMP scalar outside the one- and two-byte areas is in a range (checked by the
            // generator); the fallback keeps the encoder total should the table ever disagree.
            guard let index = GB18030Table.linear(bmp: value) else { out.append(0x3F); return true }
            (linear, base) = (index, 0x81)
        } else {
            (linear, base) = (Int(value - 0x1_0000), supplementaryLead)
        }
        out.append(base + UInt8(truncatingIfNeeded: linear / b1Stride))
        out.append(0x30 + UInt8(truncatingIfNeeded: linear / b2Stride % 10))
        out.append(0x81 + UInt8(truncatingIfNeeded: linear / b3Stride % 126))
        out.append(0x30 + UInt8(truncatingIfNeeded: linear % 10))
        return true
    }

    /// Bytes the scalar takes in GB18030 (1, 2 or 4).
    static func encodedLength(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x80 { return 1 }
        if value < 0x1_0000, GB18030Table.twoByteCodes[Int(value)] != 0 { return 2 }
        return 4
    }

    private static func fourByteScalar(_ b1: UInt8, _ b2: UInt8, _ b3: UInt8, _ b4: UInt8) -> Unicode.Scalar? {
        let rest = Int(b2 - 0x30) * b2Stride + Int(b3 - 0x81) * b3Stride + Int(b4 - 0x30)
        switch b1 {
        case 0x81...0x84:
            return GB18030Table.bmpScalar(linear: Int(b1 - 0x81) * b1Stride + rest).flatMap(Unicode.Scalar.init)
        case supplementaryLead...0xE3:
            let value = 0x1_0000 + Int(b1 - supplementaryLead) * b1Stride + rest
            return value <= 0x10_FFFF ? Unicode.Scalar(UInt32(value)) : nil
        default:
            return nil
        }
    }
}

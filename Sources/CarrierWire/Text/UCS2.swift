/// UCS-2 as the carriers use it — coding value 8 in CMPP `Msg_Fmt`, SGIP `MessageCoding`, SMGP
/// `MsgFormat` and SMPP `data_coding` (protocols/README.md §1): big-endian UTF-16 without a BOM.
///
/// Characters outside the Basic Multilingual Plane (emoji, rare CJK extension B+ ideographs) are
/// written as UTF-16 surrogate pairs, which is what handsets send and display; strictly such a pair
/// is two UCS-2 "characters" and counts twice against the 70/67-character limits.
public enum UCS2 {
    /// The UTF-16BE bytes of `text`. Never fails: every Unicode scalar has a UTF-16 form.
    public static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf16.count * 2)
        for unit in text.utf16 {
            out.append(UInt8(truncatingIfNeeded: unit >> 8))
            out.append(UInt8(truncatingIfNeeded: unit))
        }
        return out
    }

    /// Decodes UTF-16BE. Never traps: an unpaired surrogate and an odd trailing byte each become
    /// U+FFFD. A leading U+FEFF is kept (carriers do not send a BOM; we do not guess one).
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var high: UInt8? = nil
        for byte in bytes {
            if let h = high {
                units.append(UInt16(h) << 8 | UInt16(byte))
                high = nil
            } else {
                high = byte
            }
        }
        var text = String(decoding: units, as: UTF16.self)
        if high != nil { text.unicodeScalars.append("\u{FFFD}") }
        return text
    }

    /// Appends the UTF-16BE form of one scalar (two or four bytes).
    static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        for unit in scalar.utf16 {
            out.append(UInt8(truncatingIfNeeded: unit >> 8))
            out.append(UInt8(truncatingIfNeeded: unit))
        }
    }
}

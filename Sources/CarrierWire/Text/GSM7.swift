/// The GSM 03.38 7-bit default alphabet with its extension table — what SMPP `data_coding` 0
/// means on most SMSCs (smpp.md §6.5; the meaning of 0 is SMSC-defined, agree it per link).
///
/// ``encode(_:)`` and ``decode(_:)`` work on *unpacked* septets, one per octet, the form SMPP's
/// `short_message` carries. Packing to octets for the air interface is separate:
/// ``pack(_:fillBits:)`` / ``unpack(_:septetCount:fillBits:)``.
///
/// An extension character costs two septets: the escape 0x1B then its code. The splitter never
/// separates the pair (it splits between characters only).
public enum GSM7 {
    /// ESC, the prefix of an extension-table character (GSM 03.38 §6.2.1.1).
    public static let escape: UInt8 = 0x1B

    /// The default alphabet, septet 0x00…0x7F (GSM 03.38 §6.2.1). Entry 0x1B is ESC, never a
    /// character of its own; 0x09 is capital C with cedilla per 3GPP TS 23.038.
    static let alphabet: [Unicode.Scalar] = Array((
        "@\u{A3}$\u{A5}\u{E8}\u{E9}\u{F9}\u{EC}\u{F2}\u{C7}\n\u{D8}\u{F8}\r\u{C5}\u{E5}"
        + "\u{394}_\u{3A6}\u{393}\u{39B}\u{3A9}\u{3A0}\u{3A8}\u{3A3}\u{398}\u{39E}\u{1B}\u{C6}\u{E6}\u{DF}\u{C9}"
        + " !\"#\u{A4}%&'()*+,-./0123456789:;<=>?"
        + "\u{A1}ABCDEFGHIJKLMNOPQRSTUVWXYZ\u{C4}\u{D6}\u{D1}\u{DC}\u{A7}"
        + "\u{BF}abcdefghijklmnopqrstuvwxyz\u{E4}\u{F6}\u{F1}\u{FC}\u{E0}"
    ).unicodeScalars)

    /// The extension table (GSM 03.38 §6.2.1.1): septet after ESC → character.
    static let extensionTable: [UInt8: Unicode.Scalar] = [
        0x0A: "\u{0C}", 0x14: "^", 0x28: "{", 0x29: "}", 0x2F: "\\",
        0x3C: "[", 0x3D: "~", 0x3E: "]", 0x40: "|", 0x65: "\u{20AC}",
    ]

    /// Character → septet(s): one septet for the default alphabet, ESC + code for extensions.
    static let reverse: [Unicode.Scalar: (UInt8, UInt8?)] = {
        var map: [Unicode.Scalar: (UInt8, UInt8?)] = [:]
        for (septet, scalar) in alphabet.enumerated() where septet != Int(escape) {
            map[scalar] = (UInt8(septet), nil)
        }
        for (code, scalar) in extensionTable { map[scalar] = (escape, code) }
        return map
    }()

    /// Unpacked septets of `text`, one per octet.
    /// - Throws: ``TextError/Code/unencodable`` for the first character outside both tables
    ///   (no transliteration: an emergency warning must arrive exactly as written).
    public static func encode(_ text: String) throws(TextError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard append(scalar, to: &out) else { throw .unencodable(.gsm7, at: offset) }
        }
        return out
    }

    /// Decodes unpacked septets. Never traps: an octet above 0x7F becomes U+FFFD; ESC followed
    /// by a code the extension table lacks shows the default-alphabet character (GSM 03.38
    /// §6.2.1.1), ESC ESC (reserved for a further table) a space; a trailing ESC becomes U+FFFD.
    public static func decode(_ septets: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var escaped = false
        for septet in septets {
            guard septet < 0x80 else {
                scalars.append("\u{FFFD}")
                escaped = false
                continue
            }
            if escaped {
                escaped = false
                scalars.append(extensionTable[septet] ?? (septet == escape ? " " : alphabet[Int(septet)]))
            } else if septet == escape {
                escaped = true
            } else {
                scalars.append(alphabet[Int(septet)])
            }
        }
        if escaped { scalars.append("\u{FFFD}") }
        return String(scalars)
    }

    /// Whether every character of `text` is in the default alphabet or the extension table.
    public static func canEncode(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { reverse[$0] != nil }
    }

    /// Septets `text` needs (extension characters count two), or nil if it cannot be encoded.
    public static func septetCount(_ text: String) -> Int? {
        var count = 0
        for scalar in text.unicodeScalars {
            guard let (_, code) = reverse[scalar] else { return nil }
            count += code == nil ? 1 : 2
        }
        return count
    }

    /// Appends the septet(s) of one scalar; false (nothing appended) if it has none.
    static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) -> Bool {
        guard let (first, second) = reverse[scalar] else { return false }
        out.append(first)
        if let second { out.append(second) }
        return true
    }
}

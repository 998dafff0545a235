/// 7-bit ASCII — coding value 0 in CMPP/SGIP/SMGP and `data_coding` 1 (IA5) in SMPP
/// (protocols/README.md §1; smpp.md §6.5). One octet per character.
public enum ASCII {
    /// The octets of `text`.
    /// - Throws: ``TextError/Code/unencodable`` for the first scalar above U+007F.
    public static func encode(_ text: String) throws(TextError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard scalar.value < 0x80 else { throw .unencodable(.ascii, at: offset) }
            out.append(UInt8(truncatingIfNeeded: scalar.value))
        }
        return out
    }

    /// Decodes octets; any octet above 0x7F becomes U+FFFD (it is not ASCII, and guessing a
    /// code page garbles text — orangle/sgip1.2 issue #3).
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Whether every scalar of `text` is ASCII.
    public static func canEncode(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x80 }
    }
}

/// ISO-8859-1 (Latin-1) — SMPP `data_coding` 3 (smpp.md §6.5). One octet per character; every
/// octet is a character, so decoding cannot fail.
public enum Latin1 {
    /// The octets of `text`.
    /// - Throws: ``TextError/Code/unencodable`` for the first scalar above U+00FF.
    public static func encode(_ text: String) throws(TextError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard scalar.value < 0x100 else { throw .unencodable(.latin1, at: offset) }
            out.append(UInt8(truncatingIfNeeded: scalar.value))
        }
        return out
    }

    /// Decodes octets; octet n is U+00nn.
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }

    /// Whether every scalar of `text` is at most U+00FF.
    public static func canEncode(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x100 }
    }
}

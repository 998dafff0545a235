/// Lower-case hex rendering without a `String` per byte: message ids are turned into text for every
/// submit and report, so this sits on the dispatch path.
public enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Two lower-case hex digits per byte, no separators.
    public static func lower<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `value` as exactly `width` lower-case hex digits (zero padded; `width` ≤ 16).
    public static func lower(_ value: UInt64, width: Int) -> String {
        precondition((1...16).contains(width), "hex width \(width) is not within 1…16")
        return String(unsafeUninitializedCapacity: width) { buffer in
            var v = value
            for i in stride(from: width - 1, through: 0, by: -1) {
                buffer[i] = digits[Int(v & 0x0F)]
                v >>= 4
            }
            return width
        }
    }
}

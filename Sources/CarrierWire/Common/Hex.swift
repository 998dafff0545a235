/// Lower-case hex rendering without a `String` per byte: message ids are turned into text for every
/// submit and report, so this sits on the dispatch path.
public enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Two lower-case hex digits per byte of `bytes` (at most 8 bytes), no separators.
    public static func lower<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        precondition(bytes.count <= 8, "\(bytes.count) bytes do not fit one 64-bit rendering")
        guard !bytes.isEmpty else { return "" }
        return lower(bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }, width: bytes.count * 2)
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

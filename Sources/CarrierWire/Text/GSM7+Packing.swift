extension GSM7 {
    /// Packs septets into octets, least significant bit first (GSM 03.38 §6.1.2.1.1).
    ///
    /// - Parameters:
    ///   - septets: unpacked septets; only the low 7 bits of each are used.
    ///   - fillBits: zero bits to put before the first septet so it starts on a septet boundary
    ///     after a user data header (GSM 03.40 §9.2.3.24; see ``fillBits(afterHeaderOfLength:)``).
    /// - Returns: `ceil((fillBits + 7 × count) / 8)` octets; unused high bits of the last octet
    ///   are zero. When exactly 7 bits are unused the receiver cannot tell a final `@` (0x00)
    ///   from padding; GSM 03.38 suggests padding with CR in that case — the caller's choice.
    public static func pack(_ septets: some Collection<UInt8>, fillBits: Int = 0) -> [UInt8] {
        let fill = max(0, min(fillBits, 6))
        let totalBits = fill + 7 * septets.count
        var out = [UInt8](repeating: 0, count: (totalBits + 7) / 8)
        var bit = fill
        for septet in septets {
            let value = UInt16(septet & 0x7F) << UInt16(bit % 8)
            out[bit / 8] |= UInt8(truncatingIfNeeded: value)
            if value > 0xFF { out[bit / 8 + 1] |= UInt8(truncatingIfNeeded: value >> 8) }
            bit += 7
        }
        return out
    }

    /// Unpacks octets into septets, least significant bit first. Never traps.
    ///
    /// - Parameters:
    ///   - septetCount: how many septets the octets hold (from TP-UDL); nil takes as many whole
    ///     septets as fit. A count larger than the octets can hold is clamped to what they hold.
    ///   - fillBits: bits to skip before the first septet (after a UDH), 0…6.
    public static func unpack(_ octets: some Collection<UInt8>, septetCount: Int? = nil, fillBits: Int = 0) -> [UInt8] {
        let bytes = Array(octets)
        let fill = max(0, min(fillBits, 6))
        let available = max(0, (bytes.count * 8 - fill) / 7)
        let count = min(available, max(0, septetCount ?? available))
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var bit = fill
        for _ in 0..<count {
            var value = UInt16(bytes[bit / 8]) >> UInt16(bit % 8)
            if bit % 8 > 1, bit / 8 + 1 < bytes.count { value |= UInt16(bytes[bit / 8 + 1]) << UInt16(8 - bit % 8) }
            out.append(UInt8(truncatingIfNeeded: value) & 0x7F)
            bit += 7
        }
        return out
    }

    /// Fill bits that align the first septet after a user data header of `headerLength` octets
    /// (UDHL octet included): 1 for the 6-octet concatenation header, 0 for the 7-octet one.
    public static func fillBits(afterHeaderOfLength headerLength: Int) -> Int {
        (7 - (max(0, headerLength) * 8) % 7) % 7
    }
}

/// Size rules of a "total length includes the header" protocol. The framer checks the declared
/// length against these before buffering anything, so a hostile peer cannot make us allocate.
public struct FrameLimits: Sendable, Hashable {
    /// Bytes of the fixed header (CMPP/SMGP 12, SGIP 20, SMPP 16). The length field is always the
    /// first four bytes, big-endian, and counts the whole PDU.
    public var headerLength: Int
    /// Smallest legal PDU (normally the header alone).
    public var minLength: Int
    /// Largest PDU we accept. Protocol maxima, not buffer sizes.
    public var maxLength: Int

    public init(headerLength: Int, minLength: Int? = nil, maxLength: Int) {
        precondition(headerLength >= 8 && maxLength >= headerLength)
        self.headerLength = headerLength
        self.minLength = minLength ?? headerLength
        self.maxLength = maxLength
    }
}

import NIOCore

/// Length-prefixed framing shared by CMPP, SGIP, SMGP and SMPP: the first four bytes are a
/// big-endian UInt32 counting the whole PDU, header included.
public enum Framing {
    /// Slices the next complete frame off `buffer`, or returns nil when more bytes are needed.
    /// Throws as soon as the length field is readable and out of `limits`, before buffering the body.
    public static func nextFrame(in buffer: inout ByteBuffer, limits: FrameLimits, protocolName: String) throws(WireError) -> ByteBuffer? {
        guard let declared = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return nil }
        let length = Int(declared)
        guard length >= limits.minLength else {
            throw WireError(.lengthTooSmall, protocolName: protocolName, commandID: peekCommandID(buffer),
                            detail: "declared length \(length) is below the minimum \(limits.minLength)",
                            headerHex: buffer.hexPrefix(limits.headerLength))
        }
        guard length <= limits.maxLength else {
            throw WireError(.lengthTooLarge, protocolName: protocolName, commandID: peekCommandID(buffer),
                            detail: "declared length \(length) exceeds the maximum \(limits.maxLength)",
                            headerHex: buffer.hexPrefix(limits.headerLength))
        }
        return buffer.readSlice(length: length)
    }

    static func peekCommandID(_ buffer: ByteBuffer) -> UInt32? {
        buffer.getInteger(at: buffer.readerIndex + 4, as: UInt32.self)
    }
}

/// A NIO decoder for any `WireProtocol`: frames, validates lengths before buffering, decodes.
/// Errors are thrown to the pipeline (the link closes the connection and reports the error).
public struct PacketDecoder<P: WireProtocol>: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = P.Packet
    public init() {}

    public mutating func decode(buffer: inout ByteBuffer) throws -> P.Packet? {
        guard var frame = try Framing.nextFrame(in: &buffer, limits: P.frameLimits, protocolName: P.name) else {
            return nil
        }
        return try P.decode(frame: &frame)
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> P.Packet? {
        try decode(buffer: &buffer)
    }
}

/// A NIO encoder for any `WireProtocol`.
public struct PacketEncoder<P: WireProtocol>: MessageToByteEncoder {
    public typealias OutboundIn = P.Packet
    public init() {}
    public func encode(data: P.Packet, out: inout ByteBuffer) throws {
        try P.encode(data, into: &out)
    }
}

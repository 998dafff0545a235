import NIOCore

/// One wire protocol (a version of it): how a complete frame becomes a packet and back.
///
/// The framer (`PacketDecoder`) has already checked the length field against `frameLimits` and
/// hands `decode(frame:)` exactly one whole PDU, header included. `decode` must consume every byte
/// or throw `WireError` with `.trailingBytes`; it never traps on any input.
public protocol WireProtocol: Sendable {
    associatedtype Packet: Sendable & Equatable
    /// Short name used in errors and logs: "CMPP2", "CMPP3", "SGIP", "SMGP", "SMPP".
    static var name: String { get }
    static var frameLimits: FrameLimits { get }
    /// Decodes one complete PDU (header included, length already validated).
    static func decode(frame: inout ByteBuffer) throws(WireError) -> Packet
    /// Appends the encoded PDU (header included, with the correct total length) to `buffer`.
    static func encode(_ packet: Packet, into buffer: inout ByteBuffer) throws(WireError)
}

extension WireProtocol {
    /// Convenience for tests and tools: encode into a fresh buffer.
    public static func encode(_ packet: Packet) throws(WireError) -> ByteBuffer {
        var buffer = ByteBuffer()
        try encode(packet, into: &buffer)
        return buffer
    }

    /// Convenience: decode one complete PDU from `bytes`, checking the frame rules first.
    public static func decode(bytes: [UInt8]) throws(WireError) -> Packet {
        var buffer = ByteBuffer(bytes: bytes)
        guard var frame = try Framing.nextFrame(in: &buffer, limits: frameLimits, protocolName: name) else {
            throw WireError(.truncated, protocolName: name, detail: "\(bytes.count) bytes are less than one complete PDU")
        }
        guard buffer.readableBytes == 0 else {
            throw WireError(.trailingBytes, protocolName: name, detail: "\(buffer.readableBytes) bytes after the PDU")
        }
        return try decode(frame: &frame)
    }
}

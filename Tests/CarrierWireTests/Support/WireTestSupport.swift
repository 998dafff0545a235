import NIOCore
import NIOTestUtils
import Testing
@testable import CarrierWire

// Helpers shared by the CMPP, SGIP, SMGP, SMPP, Text and LongSMS tests.

// MARK: Hex dumps

/// Bytes of a hex dump in any of the styles the protocol sheets use:
///
///     0000: 00 00 00 3d 00 00 00 01     offset labels (tokens ending in ":") are skipped
///     6d 4b 8b d5                       byte pairs separated by spaces or newlines
///     00000010000000150000000000000003  contiguous digits
///     0b 0504 0b8423f0                  any mix of the above
///
/// Traps on malformed test input (an odd number of digits or a non-hex character): a typo in a
/// golden vector must never silently turn into other bytes.
func hexBytes(_ dump: String) -> [UInt8] {
    let digits = Array(dump.split(whereSeparator: \.isWhitespace).filter { !$0.hasSuffix(":") }.joined())
    precondition(digits.count % 2 == 0, "odd number of hex digits in dump: \(dump)")
    return stride(from: 0, to: digits.count, by: 2).map { index in
        guard let byte = UInt8(String(digits[index...index + 1]), radix: 16) else {
            preconditionFailure("bad hex digits \"\(String(digits[index...index + 1]))\" in dump: \(dump)")
        }
        return byte
    }
}

/// Rewrites the 4-byte big-endian total-length field that starts every CMPP, SGIP, SMGP and SMPP PDU
/// to the actual size of `bytes`.
func withFixedLength(_ bytes: [UInt8]) -> [UInt8] {
    var copy = bytes
    let length = UInt32(bytes.count)
    copy[0] = UInt8(length >> 24); copy[1] = UInt8((length >> 16) & 0xFF)
    copy[2] = UInt8((length >> 8) & 0xFF); copy[3] = UInt8(length & 0xFF)
    return copy
}

// MARK: Encoding and decoding

/// Encodes `packet` into a fresh buffer and returns the bytes.
func encodedBytes<P: WireProtocol>(_ proto: P.Type, _ packet: P.Packet) throws -> [UInt8] {
    Array(try P.encode(packet).readableBytesView)
}

/// The `WireError` code `body` throws, nil when it does not throw. An error of any other type
/// yields a code that matches none of `WireError.Code`'s, so such a comparison fails.
func wireErrorCode<T>(_ body: () throws -> T) -> WireError.Code? {
    do {
        _ = try body()
        return nil
    } catch let error as WireError {
        return error.code
    } catch {
        return WireError.Code(rawValue: "unexpected \(error)")
    }
}

/// The `WireError` code `P.decode(bytes:)` throws, nil when it decodes.
func decodeErrorCode<P: WireProtocol>(_ proto: P.Type, _ bytes: [UInt8]) -> WireError.Code? {
    wireErrorCode { try P.decode(bytes: bytes) }
}

/// The `WireError` code `P.encode` throws, nil when it encodes.
func encodeErrorCode<P: WireProtocol>(_ proto: P.Type, _ packet: P.Packet) -> WireError.Code? {
    wireErrorCode { try encodedBytes(P.self, packet) }
}

/// Expects `body` to throw a `WireError` with `code`.
func expectWireError(_ code: WireError.Code, sourceLocation: SourceLocation = #_sourceLocation,
                     _ body: () throws -> Void) {
    let error = #expect(throws: WireError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error?.code == code, sourceLocation: sourceLocation)
}

// MARK: Golden vectors and round trips

/// Golden test in both directions: encode(packet) == golden and decode(golden) == packet.
func expectGolden<P: WireProtocol>(_ proto: P.Type, _ packet: P.Packet, _ golden: [UInt8],
                                   sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(try encodedBytes(P.self, packet) == golden, "encode ≠ golden", sourceLocation: sourceLocation)
    #expect(try P.decode(bytes: golden) == packet, "decode(golden) ≠ value", sourceLocation: sourceLocation)
}

/// Golden test in both directions against a hex dump (see `hexBytes`).
func expectGolden<P: WireProtocol>(_ proto: P.Type, _ packet: P.Packet, _ dump: String,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws {
    try expectGolden(P.self, packet, hexBytes(dump), sourceLocation: sourceLocation)
}

/// Round trip: decode(encode(packet)) == packet, and the encoded 4-byte total-length field equals
/// the encoded size.
func expectRoundTrip<P: WireProtocol>(_ proto: P.Type, _ packet: P.Packet,
                                      sourceLocation: SourceLocation = #_sourceLocation) throws {
    let bytes = try encodedBytes(P.self, packet)
    #expect(try P.decode(bytes: bytes) == packet, sourceLocation: sourceLocation)
    let declared = bytes.prefix(4).reduce(0) { $0 << 8 | Int($1) }
    #expect(declared == bytes.count, sourceLocation: sourceLocation)
}

// MARK: Stream decoding

/// Runs NIOTestUtils' `ByteToMessageDecoderVerifier` on `PacketDecoder<P>` (whole input, byte by byte,
/// and other splits). With `eachAlone`, every vector is one input decoding to its packet; with
/// `allInOneInput`, one more input holds all vectors back to back and decodes to all packets in order.
func verifyPacketDecoder<P: WireProtocol>(_ proto: P.Type, _ vectors: [(bytes: [UInt8], packet: P.Packet)],
                                          eachAlone: Bool = true, allInOneInput: Bool) throws {
    var pairs: [(ByteBuffer, [P.Packet])] = []
    if eachAlone {
        pairs += vectors.map { (ByteBuffer(bytes: $0.bytes), [$0.packet]) }
    }
    if allInOneInput {
        pairs.append((ByteBuffer(bytes: vectors.flatMap(\.bytes)), vectors.map(\.packet)))
    }
    try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) { PacketDecoder<P>() }
}

/// Encodes `packets` back to back and feeds the stream in chunks of `min(remaining, random
/// 1...maxChunk)` bytes both to a `PacketDecoder<P>` (through NIO's single-step processor) and to
/// the `FrameAccumulator<P>` the links and simulators use; expects exactly `packets` out of each
/// with no byte left over.
func expectDecodesInRandomChunks<P: WireProtocol>(_ proto: P.Type, _ packets: [P.Packet], maxChunk: Int,
                                                  using rng: inout some RandomNumberGenerator,
                                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
    var stream = ByteBuffer()
    for packet in packets { try P.encode(packet, into: &stream) }
    let processor = NIOSingleStepByteToMessageProcessor(PacketDecoder<P>())
    var frames = FrameAccumulator<P>()
    var decoded: [P.Packet] = []
    var accumulated: [P.Packet] = []
    while stream.readableBytes > 0 {
        let cut = min(stream.readableBytes, Int.random(in: 1...maxChunk, using: &rng))
        let chunk = stream.readSlice(length: cut)!
        try processor.process(buffer: chunk) { decoded.append($0) }
        try frames.consume(chunk, allocator: ByteBufferAllocator()) { accumulated.append($0) }
    }
    #expect(decoded == packets, sourceLocation: sourceLocation)
    #expect(processor.unprocessedBytes == 0, sourceLocation: sourceLocation)
    #expect(accumulated == packets, sourceLocation: sourceLocation)
    #expect(frames.pendingBytes == 0, sourceLocation: sourceLocation)
}

// MARK: Randomness

/// SplitMix64: a small seeded generator so randomized tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import NIOCore
import Testing
@testable import CarrierWire

/// Parses a hex dump as printed in cmpp.md: byte pairs separated by white space; tokens ending
/// in ":" (offsets) are skipped.
func hexBytes(_ dump: String) -> [UInt8] {
    dump.split(whereSeparator: { $0 == " " || $0 == "\n" })
        .filter { !$0.hasSuffix(":") }
        .map { token in
            guard let byte = UInt8(token, radix: 16) else {
                Issue.record("bad hex token \(token)")
                return 0
            }
            return byte
        }
}

func encodedBytes<P: WireProtocol>(_ proto: P.Type, _ packet: P.Packet) throws -> [UInt8] {
    Array(try P.encode(packet).readableBytesView)
}

/// Golden test in both directions: encode(packet) == dump and decode(dump) == packet.
func expectGolden<P: WireProtocol>(_ proto: P.Type, _ packet: P.Packet, _ dump: String,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws {
    let golden = hexBytes(dump)
    #expect(try encodedBytes(proto, packet) == golden, sourceLocation: sourceLocation)
    #expect(try P.decode(bytes: golden) == packet, sourceLocation: sourceLocation)
}

/// Round trip: decode(encode(packet)) == packet, and the encoded length field matches.
func expectRoundTrip<P: WireProtocol>(_ proto: P.Type, _ packet: P.Packet,
                                      sourceLocation: SourceLocation = #_sourceLocation) throws {
    let bytes = try encodedBytes(proto, packet)
    let declared = bytes.prefix(4).reduce(0) { $0 << 8 | Int($1) }
    #expect(declared == bytes.count, sourceLocation: sourceLocation)
    #expect(try P.decode(bytes: bytes) == packet, sourceLocation: sourceLocation)
}

/// Expects `body` to throw a `WireError` with `code`.
func expectWireError(_ code: WireError.Code, sourceLocation: SourceLocation = #_sourceLocation,
                     _ body: () throws -> Void) {
    let error = #expect(throws: WireError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error?.code == code, sourceLocation: sourceLocation)
}

/// Rewrites the Total_Length field of a PDU to its actual size.
func withFixedLength(_ bytes: [UInt8]) -> [UInt8] {
    var copy = bytes
    let length = UInt32(bytes.count)
    copy[0] = UInt8(length >> 24); copy[1] = UInt8((length >> 16) & 0xFF)
    copy[2] = UInt8((length >> 8) & 0xFF); copy[3] = UInt8(length & 0xFF)
    return copy
}

/// Deterministic generator for randomized tests (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Testing
@testable import CarrierWire

@Suite struct SGIPDeliverTests {
    static let deliver = SGIPDeliver(userNumber: "8613000000000", spNumber: "10612379", tpPid: 0, tpUdhi: 0,
                                     messageCoding: 8, content: SGIPVectors.ucs2Received)

    @Test func moDeliverGolden() throws {
        try expectGolden(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(10), body: .deliver(Self.deliver)), hexBytes(SGIPVectors.deliverHex))
    }

    @Test func deliverRespGolden() throws {
        let packet = SGIPPacket(sequence: SGIPVectors.smg(10), body: .deliverResp(SGIPResponse(result: .ok)))
        try expectGolden(SGIP.self, packet, hexBytes("""
        0000: 00 00 00 1d 80 00 00 04 00 01 a4 1f 42 c4 f2 24
        0010: 00 00 00 0a 00 00 00 00 00 00 00 00 00
        """))
    }

    @Test func roundTrips() throws {
        var d = Self.deliver
        d.tpUdhi = 1
        d.content = [0x05, 0x00, 0x03, 0x33, 0x02, 0x01] + SGIPVectors.ucs2Received
        d.reserve = "12345678"
        try expectRoundTrip(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(1), body: .deliver(d)))
        d.content = []
        try expectRoundTrip(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(1), body: .deliver(d)))
        try expectRoundTrip(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(1), body: .deliverResp(SGIPResponse(result: .nodeBusy))))
    }

    @Test func truncatedContent() {
        var bytes = hexBytes(SGIPVectors.deliverHex)
        bytes.removeLast(9) // drop Reserve and one content byte
        bytes[3] = UInt8(bytes.count)
        #expect(decodeErrorCode(SGIP.self, bytes) == .invalidField)
        bytes = Array(bytes.prefix(20 + 30))
        bytes[3] = UInt8(bytes.count)
        #expect(decodeErrorCode(SGIP.self, bytes) == .truncated)
    }
}

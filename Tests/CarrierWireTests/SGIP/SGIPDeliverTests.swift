import Testing
@testable import CarrierWire

@Suite struct SGIPDeliverTests {
    static let deliver = SGIPDeliver(userNumber: "8613000000000", spNumber: "10612379", tpPid: 0, tpUdhi: 0,
                                     messageCoding: 8, content: SGIPVectors.ucs2Received)

    @Test func moDeliverGolden() throws {
        try sgipExpectGolden(SGIPPacket(sequence: SGIPVectors.smg(10), body: .deliver(Self.deliver)), sgipBytes(SGIPVectors.deliverHex))
    }

    @Test func deliverRespGolden() throws {
        let packet = SGIPPacket(sequence: SGIPVectors.smg(10), body: .deliverResp(SGIPResponse(result: .ok)))
        try sgipExpectGolden(packet, sgipBytes("""
        0000: 00 00 00 1d 80 00 00 04 00 01 a4 1f 42 c4 f2 24
        0010: 00 00 00 0a 00 00 00 00 00 00 00 00 00
        """))
    }

    @Test func roundTrips() throws {
        var d = Self.deliver
        d.tpUdhi = 1
        d.content = [0x05, 0x00, 0x03, 0x33, 0x02, 0x01] + SGIPVectors.ucs2Received
        d.reserve = "12345678"
        try sgipExpectRoundTrip(SGIPPacket(sequence: SGIPVectors.smg(1), body: .deliver(d)))
        d.content = []
        try sgipExpectRoundTrip(SGIPPacket(sequence: SGIPVectors.smg(1), body: .deliver(d)))
        try sgipExpectRoundTrip(SGIPPacket(sequence: SGIPVectors.smg(1), body: .deliverResp(SGIPResponse(result: .nodeBusy))))
    }

    @Test func truncatedContent() {
        var bytes = sgipBytes(SGIPVectors.deliverHex)
        bytes.removeLast(9) // drop Reserve and one content byte
        bytes[3] = UInt8(bytes.count)
        #expect(sgipDecodeError(bytes) == .invalidField)
        bytes = Array(bytes.prefix(20 + 30))
        bytes[3] = UInt8(bytes.count)
        #expect(sgipDecodeError(bytes) == .truncated)
    }
}

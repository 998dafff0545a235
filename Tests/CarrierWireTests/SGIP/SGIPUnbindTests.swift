import Testing
@testable import CarrierWire

@Suite struct SGIPUnbindTests {
    @Test func unbindGolden() throws {
        try expectGolden(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(3), body: .unbind),
                             hexBytes("00 00 00 14 00 00 00 02 b7 50 98 19 42 c4 f1 d9 00 00 00 03"))
    }

    @Test func unbindRespGolden() throws {
        try expectGolden(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(3), body: .unbindResp),
                             hexBytes("00 00 00 14 80 00 00 02 b7 50 98 19 42 c4 f1 d9 00 00 00 03"))
    }

    @Test func roundTrips() throws {
        try expectRoundTrip(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(0), body: .unbind))
        try expectRoundTrip(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(0), body: .unbindResp))
        #expect(SGIPPacket(sequence: SGIPVectors.smg(0), body: .unbind).result == nil)
    }

    @Test func unbindWithBodyIsRejected() {
        let bytes = hexBytes("00 00 00 15 00 00 00 02 b7 50 98 19 42 c4 f1 d9 00 00 00 03 00")
        #expect(decodeErrorCode(SGIP.self, bytes) == .trailingBytes)
    }
}

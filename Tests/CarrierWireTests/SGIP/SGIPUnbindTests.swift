import Testing
@testable import CarrierWire

@Suite struct SGIPUnbindTests {
    @Test func unbindGolden() throws {
        try sgipExpectGolden(SGIPPacket(sequence: SGIPVectors.sp(3), body: .unbind),
                             sgipBytes("00 00 00 14 00 00 00 02 b7 50 98 19 42 c4 f1 d9 00 00 00 03"))
    }

    @Test func unbindRespGolden() throws {
        try sgipExpectGolden(SGIPPacket(sequence: SGIPVectors.sp(3), body: .unbindResp),
                             sgipBytes("00 00 00 14 80 00 00 02 b7 50 98 19 42 c4 f1 d9 00 00 00 03"))
    }

    @Test func roundTrips() throws {
        try sgipExpectRoundTrip(SGIPPacket(sequence: SGIPVectors.smg(0), body: .unbind))
        try sgipExpectRoundTrip(SGIPPacket(sequence: SGIPVectors.smg(0), body: .unbindResp))
        #expect(SGIPPacket(sequence: SGIPVectors.smg(0), body: .unbind).result == nil)
    }

    @Test func unbindWithBodyIsRejected() {
        let bytes = sgipBytes("00 00 00 15 00 00 00 02 b7 50 98 19 42 c4 f1 d9 00 00 00 03 00")
        #expect(sgipDecodeError(bytes) == .trailingBytes)
    }
}

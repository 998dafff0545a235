import Testing
@testable import CarrierWire

@Suite struct SMGPSessionTests {
    @Test func activeTestGolden() throws {
        try expectGolden(SMGP.self, SMGPPacket(sequenceID: 8, body: .activeTest), hexBytes("00 00 00 0c 00 00 00 04 00 00 00 08"))
    }

    @Test func activeTestRespGoldenHasNoBody() throws {
        try expectGolden(SMGP.self, SMGPPacket(sequenceID: 8, body: .activeTestResp), hexBytes("00 00 00 0c 80 00 00 04 00 00 00 08"))
        // CMPP's one-byte ACTIVE_TEST_RESP body is not SMGP (smgp.md §11.2).
        #expect(decodeErrorCode(SMGP.self, hexBytes("00 00 00 0d 80 00 00 04 00 00 00 08 00")) == .trailingBytes)
    }

    @Test func exitGolden() throws {
        try expectGolden(SMGP.self, SMGPPacket(sequenceID: 9, body: .exit), hexBytes("00 00 00 0c 00 00 00 06 00 00 00 09"))
    }

    @Test func exitRespGolden() throws {
        try expectGolden(SMGP.self, SMGPPacket(sequenceID: 9, body: .exitResp), hexBytes("00 00 00 0c 80 00 00 06 00 00 00 09"))
    }

    @Test func roundTrips() throws {
        for body in [SMGPPacket.Body.activeTest, .activeTestResp, .exit, .exitResp] {
            try expectRoundTrip(SMGP.self, SMGPPacket(sequenceID: 0xFFFF_FFFF, body: body))
            #expect(SMGPPacket(sequenceID: 0, body: body).status == nil)
        }
    }
}

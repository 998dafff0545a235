import Testing
@testable import CarrierWire

/// enquire_link(_resp), unbind(_resp), generic_nack (§3.3) and unknown commands.
@Suite struct SMPPHeaderOnlyTests {
    /// Published: python-smpplib issue #43 log (smpp.md §12).
    @Test func publishedEnquireLinkVector() throws {
        try expectGolden(SMPP.self, SMPPGolden.enquireLink.0, "00000010000000150000000000000003")
        try expectGolden(SMPP.self, SMPPGolden.enquireLinkResponse.0, "00000010800000150000000000000003")
    }

    @Test func unbindGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.unbind.0, SMPPGolden.unbind.1)
        try expectGolden(SMPP.self, SMPPGolden.unbindResponse.0, SMPPGolden.unbindResponse.1)
    }

    @Test func genericNackGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.genericNack.0, SMPPGolden.genericNack.1)
    }

    @Test func roundTrips() throws {
        for body in [SMPP.Body.enquireLink, .enquireLinkResponse, .unbind, .unbindResponse, .genericNack] {
            try expectRoundTrip(SMPP.self, SMPP.Packet(body, sequenceNumber: 0x7FFF_FFFF))
        }
        try expectRoundTrip(SMPP.self, SMPP.Packet(.genericNack, sequenceNumber: 1, status: .invalidCommandLength))
    }

    @Test func headerOnlyPDUWithBodyIsTooLarge() {
        let bytes = hexBytes("00000011000000150000000000000003 00")
        #expect(decodeErrorCode(SMPP.self, bytes) == .lengthTooLarge)
    }

    @Test func unknownCommandDecodesWithItsBodyAndGetsANack() throws {
        // query_sm (0x03) is not modelled: message_id "1", source TON/NPI 0, source_addr "".
        let bytes = hexBytes("00000015 00000003 00000000 00000009 31 00 00 00 00")
        let packet = try SMPP.decode(bytes: bytes)
        #expect(packet.body == .unknown(commandID: .querySM, body: [0x31, 0, 0, 0, 0]))
        #expect(packet.genericNackReply == SMPP.Packet(.genericNack, sequenceNumber: 9, status: .invalidCommandID))
        #expect(try encodedBytes(SMPP.self, packet) == bytes, "unknown bodies are written back unchanged")
        #expect(SMPPGolden.enquireLink.0.genericNackReply == nil)
    }

    @Test func vendorCommandIDIsUnknownNotAnError() throws {
        let packet = try SMPP.decode(bytes: hexBytes("00000010 00010200 00000000 00000001"))
        #expect(packet.commandID == SMPP.CommandID(rawValue: 0x0001_0200))
        #expect(packet.body == .unknown(commandID: SMPP.CommandID(rawValue: 0x0001_0200), body: []))
    }
}

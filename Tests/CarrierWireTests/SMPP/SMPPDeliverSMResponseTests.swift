import Testing
@testable import CarrierWire

@Suite struct SMPPDeliverSMResponseTests {
    @Test func golden() throws {
        try expectGolden(SMPP.self, SMPPGolden.deliverResponse.0, SMPPGolden.deliverResponse.1)
    }

    @Test func bareHeaderIsAcceptedLeniently() throws {
        let bytes = hexBytes("00 00 00 10 80 00 00 05 00 00 00 00 00 00 00 4d")
        #expect(try SMPP.decode(bytes: bytes) == SMPP.Packet(.deliverSMResponse(.init(messageID: nil)), sequenceNumber: 0x4D))
        #expect(try encodedBytes(SMPP.self, SMPP.Packet(.deliverSMResponse(.init(messageID: nil)), sequenceNumber: 0x4D)) == bytes)
    }

    @Test func roundTrips() throws {
        try expectRoundTrip(SMPP.self, SMPP.Packet(.deliverSMResponse(.init()), sequenceNumber: 7, status: .receiverTemporaryError))
        try expectRoundTrip(SMPP.self, SMPP.Packet(.deliverSMResponse(.init(messageID: "x", tlvs: [SMPP.TLV(.congestionState, value: [90])])), sequenceNumber: 7))
    }

    @Test func trailingGarbageAfterMessageIDIsRejected() {
        let bytes = hexBytes("00 00 00 13 80 00 00 05 00 00 00 00 00 00 00 4d 00 01 02")
        #expect(decodeErrorCode(SMPP.self, bytes) == .truncated)
    }
}

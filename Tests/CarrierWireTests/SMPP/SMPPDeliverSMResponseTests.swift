import Testing
@testable import CarrierWire

@Suite struct SMPPDeliverSMResponseTests {
    @Test func golden() throws {
        try SMPPFixture.expectGolden(SMPPGolden.deliverResponse.0, SMPPGolden.deliverResponse.1)
    }

    @Test func bareHeaderIsAcceptedLeniently() throws {
        let bytes = SMPPFixture.bytes("00 00 00 10 80 00 00 05 00 00 00 00 00 00 00 4d")
        #expect(try SMPPFixture.decode(bytes) == SMPP.Packet(.deliverSMResponse(.init(messageID: nil)), sequenceNumber: 0x4D))
        #expect(try SMPPFixture.encode(SMPP.Packet(.deliverSMResponse(.init(messageID: nil)), sequenceNumber: 0x4D)) == bytes)
    }

    @Test func roundTrips() throws {
        try SMPPFixture.expectRoundTrip(SMPP.Packet(.deliverSMResponse(.init()), sequenceNumber: 7, status: .receiverTemporaryError))
        try SMPPFixture.expectRoundTrip(SMPP.Packet(.deliverSMResponse(.init(messageID: "x", tlvs: [SMPP.TLV(.congestionState, value: [90])])), sequenceNumber: 7))
    }

    @Test func trailingGarbageAfterMessageIDIsRejected() {
        let bytes = SMPPFixture.bytes("00 00 00 13 80 00 00 05 00 00 00 00 00 00 00 4d 00 01 02")
        #expect(SMPPFixture.errorCode { try SMPPFixture.decode(bytes) } == .truncated)
    }
}

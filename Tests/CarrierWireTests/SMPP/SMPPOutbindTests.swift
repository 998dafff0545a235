import Testing
@testable import CarrierWire

@Suite struct SMPPOutbindTests {
    @Test func golden() throws {
        try SMPPFixture.expectGolden(SMPPGolden.outbind.0, SMPPGolden.outbind.1)
    }

    @Test func roundTripAtMaximum() throws {
        let packet = SMPP.Packet(.outbind(.init(systemID: String(repeating: "x", count: 15), password: "8chars!!")), sequenceNumber: 12)
        try SMPPFixture.expectRoundTrip(packet)
        #expect(try SMPPFixture.encode(packet).count == 41)
    }

    @Test func passwordIsRedacted() {
        let outbind = SMPP.Outbind(systemID: "SMSC", password: "secret1")
        #expect(!String(describing: SMPP.Packet(.outbind(outbind), sequenceNumber: 1)).contains("secret1"))
    }

    @Test func missingPasswordIsTruncated() {
        let bytes = SMPPFixture.bytes("00 00 00 15 00 00 00 0b 00 00 00 00 00 00 00 01 53 4d 53 43 00")
        // 21 bytes is above outbind's minimum of 18, so the body itself runs short.
        #expect(SMPPFixture.errorCode { try SMPPFixture.decode(bytes) } == .truncated)
    }

    @Test func belowMinimumLength() {
        let bytes = SMPPFixture.bytes("00 00 00 11 00 00 00 0b 00 00 00 00 00 00 00 01 00")
        #expect(SMPPFixture.errorCode { try SMPPFixture.decode(bytes) } == .lengthTooSmall)
    }
}

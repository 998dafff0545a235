import Testing
@testable import CarrierWire

@Suite struct SMPPOutbindTests {
    @Test func golden() throws {
        try expectGolden(SMPP.self, SMPPGolden.outbind.0, SMPPGolden.outbind.1)
    }

    @Test func roundTripAtMaximum() throws {
        let packet = SMPP.Packet(.outbind(.init(systemID: String(repeating: "x", count: 15), password: "8chars!!")), sequenceNumber: 12)
        try expectRoundTrip(SMPP.self, packet)
        #expect(try encodedBytes(SMPP.self, packet).count == 41)
    }

    @Test func passwordIsRedacted() {
        let outbind = SMPP.Outbind(systemID: "SMSC", password: "secret1")
        #expect(!String(describing: SMPP.Packet(.outbind(outbind), sequenceNumber: 1)).contains("secret1"))
    }

    @Test func missingPasswordIsTruncated() {
        let bytes = hexBytes("00 00 00 15 00 00 00 0b 00 00 00 00 00 00 00 01 53 4d 53 43 00")
        // 21 bytes is above outbind's minimum of 18, so the body itself runs short.
        #expect(decodeErrorCode(SMPP.self, bytes) == .truncated)
    }

    @Test func belowMinimumLength() {
        let bytes = hexBytes("00 00 00 11 00 00 00 0b 00 00 00 00 00 00 00 01 00")
        #expect(decodeErrorCode(SMPP.self, bytes) == .lengthTooSmall)
    }
}

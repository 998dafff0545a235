import Testing
@testable import CarrierWire

@Suite struct SMPPSubmitSMResponseTests {
    @Test func okGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.submitResponse.0, SMPPGolden.submitResponse.1)
    }

    @Test func throttledWithoutBodyGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.submitResponseThrottled.0, SMPPGolden.submitResponseThrottled.1)
        #expect(SMPPGolden.submitResponseThrottled.0.commandStatus.retryClass == .throttle)
    }

    @Test func errorWithMessageIDIsAccepted() throws {
        let packet = try SMPP.decode(bytes: hexBytes("00 00 00 12 80 00 00 04 00 00 00 45 00 00 00 02 31 00"))
        #expect(packet == SMPP.Packet(.submitSMResponse(.init(messageID: "1")), sequenceNumber: 2, status: .submitFailed))
    }

    @Test func roundTrips() throws {
        var tlvs = SMPP.TLVList()
        tlvs.congestionState = 85
        for resp in [SMPP.SubmitSMResponse(messageID: String(repeating: "F", count: 64)),
                     SMPP.SubmitSMResponse(messageID: ""),
                     SMPP.SubmitSMResponse(messageID: "abc", tlvs: tlvs)] {
            try expectRoundTrip(SMPP.self, SMPP.Packet(.submitSMResponse(resp), sequenceNumber: 3))
        }
        try expectRoundTrip(SMPP.self, SMPP.Packet(.submitSMResponse(.init(messageID: nil)), sequenceNumber: 3, status: .messageQueueFull))
    }

    @Test func overlongMessageID() {
        let packet = SMPP.Packet(.submitSMResponse(.init(messageID: String(repeating: "F", count: 65))), sequenceNumber: 1)
        #expect(encodeErrorCode(SMPP.self, packet) == .valueTooLong)
        // 65 characters without NUL within the 65-byte maximum.
        let bytes = hexBytes("00000052 80000004 00000000 00000001") + Array(repeating: 0x46, count: 65) + [0]
        #expect(decodeErrorCode(SMPP.self, bytes) == .invalidField)
    }

    @Test func messageIDWithoutNULIsTruncated() {
        let bytes = hexBytes("00 00 00 13 80 00 00 04 00 00 00 00 00 00 00 02 30 41 31")
        #expect(decodeErrorCode(SMPP.self, bytes) == .truncated)
    }
}

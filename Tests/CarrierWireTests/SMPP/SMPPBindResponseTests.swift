import Testing
@testable import CarrierWire

@Suite struct SMPPBindResponseTests {
    @Test func withoutTLVGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.bindTransceiverResponse.0, SMPPGolden.bindTransceiverResponse.1)
    }

    @Test func withInterfaceVersionGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.bindTransceiverResponseTLV.0, SMPPGolden.bindTransceiverResponseTLV.1)
        guard case .bindTransceiverResponse(let resp) = try SMPP.decode(bytes: hexBytes(SMPPGolden.bindTransceiverResponseTLV.1)).body else {
            Issue.record("wrong body")
            return
        }
        #expect(resp.tlvs.scInterfaceVersion == 0x34)
    }

    @Test func errorWithoutBodyGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.bindTransmitterResponseRejected.0, SMPPGolden.bindTransmitterResponseRejected.1)
        #expect(SMPPGolden.bindTransmitterResponseRejected.0.commandStatus.retryClass == .linkFatal)
    }

    @Test func errorWithBodyIsAcceptedToo() throws {
        let packet = SMPP.Packet(.bindReceiverResponse(.init(systemID: "SMSC")), sequenceNumber: 9, status: .bindFailed)
        try expectRoundTrip(SMPP.self, packet)
    }

    @Test func roundTripAllThreeWithUnknownTLVKept() throws {
        let resp = SMPP.BindResponse(systemID: String(repeating: "S", count: 15),
                                     tlvs: [SMPP.TLV(.scInterfaceVersion, value: [0x34]), SMPP.TLV(.init(rawValue: 0x1401), value: [1, 2, 3])])
        for body in [SMPP.Body.bindTransmitterResponse(resp), .bindReceiverResponse(resp), .bindTransceiverResponse(resp)] {
            try expectRoundTrip(SMPP.self, SMPP.Packet(body, sequenceNumber: 77))
        }
        try expectRoundTrip(SMPP.self, SMPP.Packet(.bindReceiverResponse(.rejected), sequenceNumber: 1, status: .invalidSystemID))
    }

    @Test func encoderRefusesTLVsWithoutSystemID() {
        let packet = SMPP.Packet(.bindTransmitterResponse(.init(systemID: nil, tlvs: [SMPP.TLV(.scInterfaceVersion, value: [0x34])])), sequenceNumber: 1)
        #expect(encodeErrorCode(SMPP.self, packet) == .invalidField)
    }

    @Test func encoderRefusesOverlongSystemID() {
        let packet = SMPP.Packet(.bindTransmitterResponse(.init(systemID: String(repeating: "S", count: 16))), sequenceNumber: 1)
        #expect(encodeErrorCode(SMPP.self, packet) == .valueTooLong)
    }

    @Test func truncatedTLVIsRejected() {
        // sc_interface_version declares 1 byte but none follows.
        let bytes = hexBytes("00 00 00 19 80 00 00 09 00 00 00 00 00 00 00 01 53 4d 53 43 00 02 10 00 01")
        #expect(decodeErrorCode(SMPP.self, bytes) == .truncated)
        // Only 2 bytes of a 4-byte TLV header.
        let partial = hexBytes("00 00 00 17 80 00 00 09 00 00 00 00 00 00 00 01 53 4d 53 43 00 02 10")
        #expect(decodeErrorCode(SMPP.self, partial) == .truncated)
    }
}

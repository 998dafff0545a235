import Testing
@testable import CarrierWire

@Suite struct SMPPSubmitSMTests {
    @Test func udhSegmentGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.submitUDH.0, SMPPGolden.submitUDH.1)
    }

    @Test func sarSegmentGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.submitSAR.0, SMPPGolden.submitSAR.1)
        guard case .submitSM(let submit) = try SMPP.decode(bytes: hexBytes(SMPPGolden.submitSAR.1)).body else {
            Issue.record("wrong body")
            return
        }
        #expect(submit.tlvs.sarMsgRefNum == 0x1234)
        #expect(submit.tlvs.sarTotalSegments == 2)
        #expect(submit.tlvs.sarSegmentSeqnum == 1)
        #expect(!submit.esmClass.hasUDH)
    }

    @Test func roundTripWithEveryFieldAtItsMaximum() throws {
        var tlvs = SMPP.TLVList()
        tlvs.userMessageReference = 0xBEEF
        tlvs.sourcePort = 1
        tlvs.destinationPort = 0xFFFF
        tlvs.append(SMPP.TLV(.init(rawValue: 0x1500), value: []))
        let submit = SMPP.SubmitSM(serviceType: "CMT12", source: SMPP.Address(String(repeating: "A", count: 20), ton: .alphanumeric, npi: .unknown),
                                   destination: .international(String(repeating: "8", count: 20)), esmClass: [.udhi, .storeAndForwardMode],
                                   protocolID: 0x7F, priorityFlag: 3, scheduleDeliveryTime: "251121134507032+",
                                   validityPeriod: "000001000000000R", registeredDelivery: [.finalOutcome, .intermediateNotification],
                                   replaceIfPresentFlag: 1, dataCoding: .latin1, smDefaultMsgID: 254,
                                   shortMessage: Array(repeating: 0xAB, count: 254), tlvs: tlvs)
        let packet = SMPP.Packet(.submitSM(submit), sequenceNumber: 42)
        try expectRoundTrip(SMPP.self, packet)
        #expect(try encodedBytes(SMPP.self, packet).count == 364 + 6 + 6 + 6 + 4)  // §1.1 maximum + TLVs
    }

    @Test func messagePayloadRoundTrip() throws {
        var submit = SMPP.SubmitSM(destination: .international("8613800138000"), dataCoding: .ucs2)
        submit.tlvs.messagePayload = Array(repeating: 0x42, count: 0xFFFF)
        try expectRoundTrip(SMPP.self, SMPP.Packet(.submitSM(submit), sequenceNumber: 1))
    }

    @Test func encoderRefusesShortMessageWithMessagePayload() {
        var submit = SMPP.SubmitSM(destination: .international("1"), shortMessage: [0x41])
        submit.tlvs.messagePayload = [0x42]
        #expect(encodeErrorCode(SMPP.self, SMPP.Packet(.submitSM(submit), sequenceNumber: 1)) == .invalidField)
    }

    @Test func encoderRefusesOverlongValues() {
        let base = SMPP.SubmitSM(destination: .international("8613800138000"))
        var tooLongMessage = base
        tooLongMessage.shortMessage = Array(repeating: 0, count: 255)
        var tooLongAddress = base
        tooLongAddress.destination.value = String(repeating: "1", count: 21)
        var tooLongService = base
        tooLongService.serviceType = "ABCDEF"
        for submit in [tooLongMessage, tooLongAddress, tooLongService] {
            #expect(encodeErrorCode(SMPP.self, SMPP.Packet(.submitSM(submit), sequenceNumber: 1)) == .valueTooLong)
        }
        var tooLongPayload = base
        tooLongPayload.tlvs.messagePayload = Array(repeating: 0, count: 0x10000)
        #expect(encodeErrorCode(SMPP.self, SMPP.Packet(.submitSM(tooLongPayload), sequenceNumber: 1)) == .valueTooLong)
    }

    @Test func encoderRefusesMalformedTimesAndNonLatin1Text() {
        var badTime = SMPP.SubmitSM(destination: .international("1"))
        badTime.validityPeriod = "2511211345"
        #expect(encodeErrorCode(SMPP.self, SMPP.Packet(.submitSM(badTime), sequenceNumber: 1)) == .invalidField)
        let chineseSender = SMPP.SubmitSM(source: SMPP.Address("预警", ton: .alphanumeric), destination: .international("1"))
        #expect(encodeErrorCode(SMPP.self, SMPP.Packet(.submitSM(chineseSender), sequenceNumber: 1)) == .invalidField)
    }

    @Test func latin1AddressRoundTripsByteExactly() throws {
        // A non-ASCII byte in a C-string decodes as ISO-8859-1 and encodes back unchanged.
        var bytes = hexBytes(SMPPGolden.submitUDH.1)
        bytes[19] = 0xE9  // first digit of source_addr "12379"
        let packet = try SMPP.decode(bytes: bytes)
        guard case .submitSM(let submit) = packet.body else {
            Issue.record("wrong body")
            return
        }
        #expect(submit.source.value == "é2379")
        #expect(try encodedBytes(SMPP.self, packet) == bytes)
    }

    @Test func requestSequenceNumberMustBeInRange() {
        for sequence: UInt32 in [0, 0x8000_0000, .max] {
            #expect(encodeErrorCode(SMPP.self, SMPP.Packet(.enquireLink, sequenceNumber: sequence)) == .invalidField)
        }
        // Responses echo whatever the peer sent.
        #expect(encodeErrorCode(SMPP.self, SMPP.Packet(.genericNack, sequenceNumber: 0, status: .invalidCommandLength)) == nil)
    }

    @Test func smLengthBeyondBodyIsTruncated() {
        var bytes = hexBytes(SMPPGolden.submitUDH.1)
        bytes[0x32] = 0x0B  // sm_length 11, 10 bytes present
        #expect(decodeErrorCode(SMPP.self, bytes) == .truncated)
    }

    @Test func smLength255IsInvalid() {
        var bytes = hexBytes(SMPPGolden.submitUDH.1)
        bytes[0x32] = 0xFF
        bytes += Array(repeating: 0x20, count: 255 - 10)
        bytes[2] = UInt8(bytes.count >> 8)
        bytes[3] = UInt8(bytes.count & 0xFF)
        #expect(decodeErrorCode(SMPP.self, bytes) == .invalidField)
    }

    @Test func smLengthShorterThanBodyLeavesBytesThatAreNotATLV() {
        var bytes = hexBytes(SMPPGolden.submitUDH.1)
        bytes[0x32] = 0x07  // 3 bytes after short_message: not even a TLV header
        #expect(decodeErrorCode(SMPP.self, bytes) == .truncated)
    }
}

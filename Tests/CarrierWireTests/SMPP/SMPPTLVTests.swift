import Testing
@testable import CarrierWire

@Suite struct SMPPTLVTests {
    @Test func typedAccessorsWriteTheSpecLayouts() {
        var tlvs = SMPP.TLVList()
        tlvs.sarMsgRefNum = 0x1234
        tlvs.sarTotalSegments = 3
        tlvs.sarSegmentSeqnum = 2
        tlvs.userMessageReference = 0x0102
        tlvs.sourcePort = 0x0B84
        tlvs.destinationPort = 0x23F0
        tlvs.scInterfaceVersion = 0x34
        tlvs.messageState = .rejected
        tlvs.networkErrorCode = SMPP.NetworkErrorCode(networkType: 3, errorCode: 0x0102)
        tlvs.receiptedMessageID = "ab"
        tlvs.messagePayload = [1, 2, 3]
        #expect(tlvs.elements == [
            SMPP.TLV(.sarMsgRefNum, value: [0x12, 0x34]),
            SMPP.TLV(.sarTotalSegments, value: [3]),
            SMPP.TLV(.sarSegmentSeqnum, value: [2]),
            SMPP.TLV(.userMessageReference, value: [1, 2]),
            SMPP.TLV(.sourcePort, value: [0x0B, 0x84]),
            SMPP.TLV(.destinationPort, value: [0x23, 0xF0]),
            SMPP.TLV(.scInterfaceVersion, value: [0x34]),
            SMPP.TLV(.messageState, value: [8]),
            SMPP.TLV(.networkErrorCode, value: [3, 1, 2]),
            SMPP.TLV(.receiptedMessageID, value: [0x61, 0x62, 0]),
            SMPP.TLV(.messagePayload, value: [1, 2, 3]),
        ])
        #expect(tlvs.sarMsgRefNum == 0x1234)
        #expect(tlvs.sarTotalSegments == 3)
        #expect(tlvs.sarSegmentSeqnum == 2)
        #expect(tlvs.userMessageReference == 0x0102)
        #expect(tlvs.sourcePort == 0x0B84)
        #expect(tlvs.destinationPort == 0x23F0)
        #expect(tlvs.scInterfaceVersion == 0x34)
        #expect(tlvs.messageState == .rejected)
        #expect(tlvs.networkErrorCode?.errorCode == 0x0102)
        #expect(tlvs.receiptedMessageID == "ab")
        #expect(tlvs.messagePayload == [1, 2, 3])
    }

    @Test func settingReplacesInPlaceAndNilRemoves() {
        var tlvs: SMPP.TLVList = [SMPP.TLV(.sourcePort, value: [0, 1]), SMPP.TLV(.init(rawValue: 0x3FFF), value: [9])]
        tlvs.sourcePort = 7
        #expect(tlvs.elements.first == SMPP.TLV(.sourcePort, value: [0, 7]))
        tlvs.sourcePort = nil
        #expect(tlvs.elements == [SMPP.TLV(.init(rawValue: 0x3FFF), value: [9])], "unknown tags are preserved")
    }

    @Test func malformedKnownTagsReadAsNil() {
        let tlvs: SMPP.TLVList = [
            SMPP.TLV(.sarMsgRefNum, value: [1]),
            SMPP.TLV(.messageState, value: [1, 2]),
            SMPP.TLV(.networkErrorCode, value: [3, 0]),
            SMPP.TLV(.receiptedMessageID, value: Array(repeating: 0x41, count: 66)),
        ]
        #expect(tlvs.sarMsgRefNum == nil)
        #expect(tlvs.messageState == nil)
        #expect(tlvs.networkErrorCode == nil)
        #expect(tlvs.receiptedMessageID == nil)
        #expect(SMPP.TLVList([SMPP.TLV(.receiptedMessageID, value: [0x31, 0x32])]).receiptedMessageID == "12", "missing NUL tolerated")
    }

    @Test func unknownAndDuplicateTagsSurviveADecodeEncodeCycle() throws {
        let tlvs: SMPP.TLVList = [
            SMPP.TLV(.init(rawValue: 0x1400), value: [0xDE, 0xAD]),
            SMPP.TLV(.userMessageReference, value: [0, 1]),
            SMPP.TLV(.userMessageReference, value: [0, 2]),
            SMPP.TLV(.init(rawValue: 0x0000), value: []),
        ]
        let submit = SMPP.SubmitSM(destination: .international("1"), tlvs: tlvs)
        try expectRoundTrip(SMPP.self, SMPP.Packet(.submitSM(submit), sequenceNumber: 5))
        #expect(tlvs.userMessageReference == 1, "accessors read the first entry")
    }

    @Test func tlvLengthPastTheBodyIsTruncated() {
        var bytes = hexBytes(SMPPGolden.submitSAR.1)
        bytes[bytes.count - 2] = 0x02  // sar_segment_seqnum claims 2 bytes, 1 present
        #expect(decodeErrorCode(SMPP.self, bytes) == .truncated)
    }
}

import Testing
@testable import CarrierWire

@Suite struct SMGPSubmitTests {
    @Test func submitGolden() throws {
        try expectGolden(SMGP.self, SMGPPacket(sequenceID: 5, body: .submit(SMGPVectors.submit)), hexBytes(SMGPVectors.submitHex))
    }

    @Test func longSubmitSegmentGolden() throws {
        let packet = SMGPPacket(sequenceID: 6, body: .submit(SMGPVectors.longSubmitSegment2))
        try expectGolden(SMGP.self, packet, hexBytes(SMGPVectors.longSubmitHex))
        let decoded = try SMGP.decode(bytes: hexBytes(SMGPVectors.longSubmitHex))
        guard case .submit(let s) = decoded.body else {
            Issue.record("not a submit")
            return
        }
        #expect(s.tlvs.tpUdhi == 1 && s.tlvs.pkTotal == 2 && s.tlvs.pkNumber == 2)
    }

    @Test func submitRespGolden() throws {
        let packet = SMGPPacket(sequenceID: 5, body: .submitResp(SMGPResponse(msgID: SMGPVectors.specMsgID, status: .success)))
        try expectGolden(SMGP.self, packet, hexBytes(SMGPVectors.submitRespHex))
        #expect(packet.status == .success)
    }

    @Test func roundTripWithEveryTLV() throws {
        var s = SMGPVectors.submit
        s.destTermIDs = (0..<100).map { "86138001380\($0 % 10)" }
        s.validTime = "250830120000032+"
        s.atTime = "250830110000032+"
        s.chargeTermID = "8613800138000"
        s.content = Array(repeating: 0x41, count: 140)
        var tlvs = SMGPTLVList()
        tlvs.tpPid = 0; tlvs.tpUdhi = 0; tlvs.chargeUserType = 2; tlvs.chargeTermType = 0
        tlvs.chargeTermPseudo = Array("pseudo".utf8); tlvs.destTermType = 1; tlvs.destTermPseudo = Array("dpseudo".utf8)
        tlvs.pkTotal = 3; tlvs.pkNumber = 1; tlvs.submitMsgType = 0; tlvs.spDealResult = 0
        tlvs.srcTermType = 0; tlvs.srcTermPseudo = [1, 2]; tlvs.nodesCount = 1; tlvs.srcType = 0
        try tlvs.setLinkID("LINK-1234567890")
        try tlvs.setMsgSrc("SP000001")
        try tlvs.setMServiceID("PID0000000001")
        tlvs.elements.append(SMGPTLV(tag: SMGPTLV.Tag(rawValue: 0x7F01), value: [9, 8, 7]))
        s.tlvs = tlvs
        try expectRoundTrip(SMGP.self, SMGPPacket(sequenceID: 77, body: .submit(s)))
        try expectRoundTrip(SMGP.self, SMGPPacket(sequenceID: 77, body: .submitResp(SMGPResponse(msgID: .zero, status: .systemBusy))))
    }

    @Test func recipientLimits() {
        var s = SMGPVectors.submit
        s.destTermIDs = Array(repeating: "8613800138000", count: 101)
        #expect(encodeErrorCode(SMGP.self, SMGPPacket(sequenceID: 1, body: .submit(s))) == .valueTooLong)
        s.destTermIDs = []
        #expect(encodeErrorCode(SMGP.self, SMGPPacket(sequenceID: 1, body: .submit(s))) == .invalidField)
    }

    @Test func fieldsTooLong() {
        var s = SMGPVectors.submit
        s.feeType = "000"
        #expect(encodeErrorCode(SMGP.self, SMGPPacket(sequenceID: 1, body: .submit(s))) == .valueTooLong)
        s = SMGPVectors.submit
        s.content = Array(repeating: 0, count: 256)
        #expect(encodeErrorCode(SMGP.self, SMGPPacket(sequenceID: 1, body: .submit(s))) == .valueTooLong)
        s = SMGPVectors.submit
        s.validTime = String(repeating: "1", count: 18)
        #expect(encodeErrorCode(SMGP.self, SMGPPacket(sequenceID: 1, body: .submit(s))) == .valueTooLong)
    }

    @Test func badCountsOnTheWire() {
        let countOffset = 12 + 104
        var bytes = hexBytes(SMGPVectors.submitHex)
        #expect(bytes[countOffset] == 1)
        bytes[countOffset] = 0
        #expect(decodeErrorCode(SMGP.self, bytes) == .invalidField)
        bytes[countOffset] = 101
        #expect(decodeErrorCode(SMGP.self, bytes) == .invalidField)
    }

    @Test func msgLengthBeyondFrame() {
        let lengthOffset = 12 + 105 + 21
        var bytes = hexBytes(SMGPVectors.submitHex)
        #expect(bytes[lengthOffset] == 4)
        bytes[lengthOffset] = 200
        #expect(decodeErrorCode(SMGP.self, bytes) == .invalidField)
    }
}

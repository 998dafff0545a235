import Testing
@testable import CarrierWire

@Suite struct SMGPDeliverTests {
    @Test func reportContentGolden() throws {
        let content = hexBytes(SMGPVectors.reportContentHex)
        #expect(content.count == 122)
        #expect(try SMGPVectors.report.encoded() == content)
        let parsed = try SMGPReport(content: content)
        #expect(parsed == SMGPVectors.report)
        #expect(parsed.id.description == "01006101161700012345")
        #expect(parsed.sub == "001" && parsed.dlvrd == "001")
        #expect(parsed.submitDate == "0303012000" && parsed.doneDate == "0303012001")
        #expect(parsed.stat.isDelivered && parsed.err == .success)
        #expect(parsed.text == Array("004".utf8) + SMGPVectors.ucs2Test)
    }

    @Test func reportDeliverGolden() throws {
        let packet = SMGPPacket(sequenceID: 7, body: .deliver(SMGPVectors.reportDeliver))
        try expectGolden(SMGP.self, packet, hexBytes(SMGPVectors.reportDeliverHex))
        let decoded = try SMGP.decode(bytes: hexBytes(SMGPVectors.reportDeliverHex))
        guard case .deliver(let d) = decoded.body else {
            Issue.record("not a deliver")
            return
        }
        #expect(try d.report() == SMGPVectors.report)
    }

    @Test func moDeliverGolden() throws {
        let packet = SMGPPacket(sequenceID: 0x21, body: .deliver(SMGPVectors.moDeliver))
        try expectGolden(SMGP.self, packet, hexBytes(SMGPVectors.moDeliverHex))
        #expect(try SMGPVectors.moDeliver.report() == nil)
        #expect(SMGPVectors.moDeliver.tlvs.tpUdhi == 1)
    }

    @Test func deliverRespGolden() throws {
        let resp = SMGPResponse(msgID: SMGPMsgID(hex: "01006103012001000888")!, status: .success)
        try expectGolden(SMGP.self, SMGPPacket(sequenceID: 0x21, body: .deliverResp(resp)), hexBytes(SMGPVectors.moDeliverRespHex))
    }

    @Test func reportParsingIsTolerant() throws {
        var content = hexBytes(SMGPVectors.reportContentHex)
        // Keyword case differs between gateways; parsing is by offset.
        content.replaceSubrange(14..<17, with: Array("SUB".utf8))
        content.replaceSubrange(97..<101, with: Array("Text".utf8))
        #expect(try SMGPReport(content: content) == SMGPVectors.report)
        // Short text value: any content ≥ 102 bytes.
        let short = try SMGPReport(content: Array(content.prefix(105)))
        #expect(short.text == Array("004".utf8))
        #expect(try SMGPReport(content: Array(content.prefix(102))).text == [])
        // Non-BCD id kept raw.
        content[3] = 0xAB
        #expect(try SMGPReport(content: content).id.description == "ab006101161700012345")
    }

    @Test func reportTooShort() {
        let content = Array(hexBytes(SMGPVectors.reportContentHex).prefix(101))
        #expect(throws: WireError.self) { try SMGPReport(content: content) }
        do {
            _ = try SMGPReport(content: content)
        } catch {
            #expect(error.code == .invalidField)
        }
        var d = SMGPVectors.reportDeliver
        d.content = content
        #expect(throws: WireError.self) { try d.report() }
    }

    @Test func reportValuesTooLong() {
        var r = SMGPVectors.report
        r.stat = SMGPReportStat(rawValue: "DELIVERED")
        #expect(throws: WireError.self) { try r.encoded() }
        r = SMGPVectors.report
        r.text = Array(repeating: 0x30, count: 21)
        #expect(throws: WireError.self) { try r.encoded() }
    }

    @Test func reportCodesAreReadable() {
        #expect(SMGPReportStat.expired.reason == "validity expired")
        #expect(!SMGPReportStat.undeliverable.isDelivered)
        #expect(SMGPReportStat(rawValue: "MK:0001").reason == "vendor state")
        #expect(SMGPReportError.memoryFull.reason == "handset memory full")
        #expect(SMGPReportError(rawValue: "DB:").description == "DB: (vendor error)")
        for code in ["000", "001", "002", "003", "004", "005", "006", "007", "008", "009", "010", "999"] {
            #expect(SMGPReportError(rawValue: code).reason != "vendor error")
        }
    }

    @Test func roundTrips() throws {
        var d = SMGPVectors.moDeliver
        d.tlvs = [SMGPTLV(tag: .tpPid, value: [0]), SMGPTLV(tag: .srcTermType, value: [1]),
                  SMGPTLV(tag: .srcTermPseudo, value: Array("abc".utf8)), SMGPTLV(tag: .submitMsgType, value: [3]),
                  SMGPTLV(tag: .spDealResult, value: [0]), SMGPTLV(tag: SMGPTLV.Tag(rawValue: 0x1234), value: [])]
        try d.tlvs.setLinkID("0123456789abcdefghij")
        d.content = Array(repeating: 0xEE, count: 255)
        try expectRoundTrip(SMGP.self, SMGPPacket(sequenceID: 1, body: .deliver(d)))
        try expectRoundTrip(SMGP.self, SMGPPacket(sequenceID: 2, body: .deliverResp(SMGPResponse(msgID: d.msgID, status: .messageStructureError))))
    }

    @Test func badIsReportFlag() {
        var bytes = hexBytes(SMGPVectors.moDeliverHex)
        bytes[12 + 10] = 2
        #expect(decodeErrorCode(SMGP.self, bytes) == .invalidField)
    }
}

import Testing
@testable import CarrierWire

@Suite("CMPP SUBMIT / SUBMIT_RESP")
struct CMPPSubmitTests {
    typealias V = CMPPVectors

    @Test func submit30Golden() throws {
        try expectGolden(CMPP3.self, CMPP.Packet(sequenceID: 2, body: .submit(V.alertSubmit())), V.submit3)
    }

    @Test func submit20Golden() throws {
        try expectGolden(CMPP2.self, CMPP.Packet(sequenceID: 2, body: .submit(V.alertSubmit())), V.submit2)
    }

    @Test func longSMSSegmentGolden() throws {
        let segment = V.alertSubmit(content: V.longSegmentUDH + V.testUCS2, pkTotal: 2, pkNumber: 1, tpUDHI: 1)
        #expect(segment.hasUserDataHeader)
        try expectGolden(CMPP3.self, CMPP.Packet(sequenceID: 3, body: .submit(segment)), V.longSubmit3)
        try expectRoundTrip(CMPP2.self, CMPP.Packet(sequenceID: 3, body: .submit(segment)))
    }

    @Test func submitResponseGoldenBothVersions() throws {
        let response = CMPP.SubmitResponse(msgID: V.submittedID, result: .success)
        try expectGolden(CMPP3.self, CMPP.Packet(sequenceID: 2, body: .submitResponse(response)), V.submitResponse3)
        try expectGolden(CMPP2.self, CMPP.Packet(sequenceID: 2, body: .submitResponse(response)), V.submitResponse2)
        let throttled = CMPP.SubmitResponse(msgID: .zero, result: .flowControl)
        try expectRoundTrip(CMPP2.self, CMPP.Packet(sequenceID: 5, body: .submitResponse(throttled)))
        try expectRoundTrip(CMPP3.self, CMPP.Packet(sequenceID: 5, body: .submitResponse(CMPP.SubmitResponse(msgID: .zero, result: .init(rawValue: 70_000)))))
        expectWireError(.trailingBytes) { _ = try CMPP2.decode(bytes: hexBytes(V.submitResponse3)) }
        expectWireError(.truncated) { _ = try CMPP3.decode(bytes: hexBytes(V.submitResponse2)) }
    }

    static func fullSubmit() -> CMPP.Submit {
        CMPP.Submit(msgID: .zero, pkTotal: 3, pkNumber: 2, registeredDelivery: 1, msgLevel: 9, serviceID: "ABCDEFGHIJ",
                    feeUserType: 3, feeTerminalID: "861380013800012345678", feeTerminalType: 0, tpPID: 0x7F, tpUDHI: 1,
                    msgFmt: .gb, msgSrc: "901234", feeType: "02", feeCode: "000010", validTime: "250830120000032+",
                    atTime: "250830110000032+", srcID: "106575551234567890123",
                    destTerminalIDs: (0..<99).map { "1380013\(String($0).leftPadded(to: 4))" },
                    content: [UInt8](repeating: 0xA5, count: CMPP.Submit.maxContentLength))
    }

    @Test func largestSubmitFillsTheFrameExactly() throws {
        var submit = Self.fullSubmit()
        let bytes2 = try encodedBytes(CMPP2.self, CMPP.Packet(sequenceID: 1, body: .submit(submit)))
        #expect(bytes2.count == 2376)
        #expect(try CMPP2.decode(bytes: bytes2) == CMPP.Packet(sequenceID: 1, body: .submit(submit)))
        submit.feeTerminalID = String(repeating: "1", count: 32)
        submit.feeTerminalType = 1
        submit.destTerminalType = 1
        submit.linkID = "LINK0123456789ABCDEF"
        let bytes3 = try encodedBytes(CMPP3.self, CMPP.Packet(sequenceID: 1, body: .submit(submit)))
        #expect(bytes3.count == 3490)
        #expect(try CMPP3.decode(bytes: bytes3) == CMPP.Packet(sequenceID: 1, body: .submit(submit)))
    }

    @Test func versionOnlyFieldsAreNotOnTheOtherWire() throws {
        var submit = V.alertSubmit()
        submit.feeTerminalType = 1
        submit.destTerminalType = 1
        submit.linkID = "ABC"
        let decoded = try CMPP2.decode(bytes: encodedBytes(CMPP2.self, CMPP.Packet(sequenceID: 2, body: .submit(submit))))
        #expect(decoded == CMPP.Packet(sequenceID: 2, body: .submit(V.alertSubmit())))
        // 3.0-width terminal ids do not fit 2.0.
        submit.destTerminalIDs = [String(repeating: "1", count: 22)]
        expectWireError(.valueTooLong) { _ = try CMPP2.encode(CMPP.Packet(sequenceID: 2, body: .submit(submit))) }
        try expectRoundTrip(CMPP3.self, CMPP.Packet(sequenceID: 2, body: .submit(submit)))
    }

    @Test func encoderRejectsBadRecipientCountsAndLongContent() {
        var submit = V.alertSubmit()
        submit.destTerminalIDs = []
        expectWireError(.invalidField) { _ = try CMPP3.encode(CMPP.Packet(sequenceID: 1, body: .submit(submit))) }
        submit.destTerminalIDs = Array(repeating: "13800138000", count: 100)
        expectWireError(.valueTooLong) { _ = try CMPP3.encode(CMPP.Packet(sequenceID: 1, body: .submit(submit))) }
        submit = V.alertSubmit(content: [UInt8](repeating: 0x41, count: 160))
        expectWireError(.valueTooLong) { _ = try CMPP2.encode(CMPP.Packet(sequenceID: 1, body: .submit(submit))) }
        submit = V.alertSubmit()
        submit.serviceID = "ELEVENCHARS"
        expectWireError(.valueTooLong) { _ = try CMPP3.encode(CMPP.Packet(sequenceID: 1, body: .submit(submit))) }
        submit = V.alertSubmit()
        submit.linkID = String(repeating: "L", count: 21)
        expectWireError(.valueTooLong) { _ = try CMPP3.encode(CMPP.Packet(sequenceID: 1, body: .submit(submit))) }
    }

    // Body offsets of DestUsr_tl (3.0 §6.1: 128) and Msg_Length (130 + 32N) in the golden PDU.
    static let destCountOffset = CMPP.headerLength + 128
    static let msgLengthOffset = CMPP.headerLength + 130 + 32

    @Test func decoderRejectsBadRecipientCount() {
        var bytes = hexBytes(V.submit3)
        bytes[Self.destCountOffset] = 0
        expectWireError(.invalidField) { _ = try CMPP3.decode(bytes: bytes) }
        bytes[Self.destCountOffset] = 100
        expectWireError(.invalidField) { _ = try CMPP3.decode(bytes: bytes) }
        bytes[Self.destCountOffset] = 2 // claims a second recipient the body does not hold
        expectWireError(.truncated) { _ = try CMPP3.decode(bytes: bytes) }
    }

    @Test func decoderChecksMsgLengthAgainstTheBody() {
        var bytes = hexBytes(V.submit3)
        bytes[Self.msgLengthOffset] = 160
        expectWireError(.invalidField) { _ = try CMPP3.decode(bytes: bytes) }
        bytes[Self.msgLengthOffset] = 30 // more than is left for content + LinkID
        expectWireError(.truncated) { _ = try CMPP3.decode(bytes: bytes) }
        bytes[Self.msgLengthOffset] = 3 // one byte is left over
        expectWireError(.trailingBytes) { _ = try CMPP3.decode(bytes: bytes) }
        expectWireError(.trailingBytes) { _ = try CMPP3.decode(bytes: withFixedLength(hexBytes(V.submit3) + [0])) }
        expectWireError(.truncated) { _ = try CMPP3.decode(bytes: withFixedLength(Array(hexBytes(V.submit3).dropLast()))) }
    }

    @Test func submitWithReadAsTheOtherVersionFails() {
        // pitfall 3: a 3.0 codec on a 2.0 link is a structure error, not a silent mis-read.
        let error = #expect(throws: WireError.self) { _ = try CMPP2.decode(bytes: hexBytes(V.submit3)) }
        #expect(error?.protocolName == "CMPP2")
        #expect(error?.commandID == CMPP.CommandID.submit.rawValue)
    }
}

import CarrierGateway
import CarrierSession
import CarrierWire
import NIOCore
import Testing

/// SMGPAdapter without sockets: PDUs it builds against smgp.md §10 vectors, and what it reads.
struct SMGPAdapterTests {
    static let clock = SMGPClock.fixed(unixSeconds: SMGPLoopback.marchFirst)

    static func adapter(_ options: SMGPAdapter.Options = SMGPAdapter.Options(clock: clock)) -> SMGPAdapter {
        SMGPAdapter(configuration: SMGPLoopback.configuration(port: 8890), options: options)
    }

    static func bytes(_ packet: SMGPPacket) throws -> [UInt8] {
        var buffer = try SMGP.encode(packet)
        return buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    static func hex(_ text: String) -> [UInt8] {
        let digits = Array(text.filter(\.isHexDigit))
        return stride(from: 0, to: digits.count, by: 2).compactMap { UInt8(String(digits[$0...$0 + 1]), radix: 16) }
    }

    @Test func loginMatchesTheSheetVectorWithTheInjectedClock() throws {
        var adapter = Self.adapter()
        let expected = Self.hex("""
            00 00 00 2a 00 00 00 01 00 00 00 01 31 32 33 34 35 36 37 38 95 89 8c 46 de db cf 39
            3d cd 4c 2a 86 14 81 e9 02 11 f0 e5 40 30
            """)
        #expect(try Self.bytes(adapter.login(key: adapter.nextKey())) == expected)  // smgp.md §10
    }

    @Test func civilTimeOfTheClock() {
        let civil = Self.clock.civilTime(adding: 86_400 * 366 + 3661)
        #expect(civil == SMGPClock.CivilTime(unixSeconds: 1_772_384_461, utcOffsetSeconds: 28_800))
        #expect([civil.year, civil.month, civil.day, civil.hour, civil.minute, civil.second] == [2026, 3, 2, 1, 1, 1])
        #expect(Self.clock.civilTime().loginTimestamp == 0x11F0_E540)
    }

    @Test func singleSubmitMatchesTheSheetVector() throws {
        let adapter = Self.adapter()
        let message = OutboundMessage(destination: "8613800138000", content: [0x6D, 0x4B, 0x8B, 0xD5],
                                      segment: OutboundMessage.Segment(reference: 0, total: 1, number: 1), priority: 3)
        let packet = try adapter.submit(message, key: 5)
        let expected = Self.hex("""
            00 00 00 a1 00 00 00 02 00 00 00 05 06 01 03 41 4c 45 52 54 00 00 00 00 00 30 30 30 30 30 30 30
            30 30 30 30 30 30 30 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 31 30 36 31 32 33 37 39 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 38 36 31 33 38 30 30 31 33 38 30
            30 30 00 00 00 00 00 00 00 00 04 6d 4b 8b d5 00 00 00 00 00 00 00 00 00 09 00 01 01 00 0a 00 01
            01
            """)
        #expect(try Self.bytes(packet) == expected)  // smgp.md §10
    }

    @Test func segmentsCarryUdhiUdhAndCounters() throws {
        let adapter = Self.adapter()
        let udh: [UInt8] = [0x05, 0x00, 0x03, 0x2A, 0x02, 0x02]
        let text: [UInt8] = [0x6D, 0x4B, 0x8B, 0xD5]
        let withBoth = OutboundMessage(destination: "8613800138000", content: udh + text, hasUDH: true,
                                       segment: OutboundMessage.Segment(reference: 0x2A, total: 2, number: 2))
        let udhOnly = OutboundMessage(destination: "8613800138000", content: udh + text, hasUDH: true)
        let countersOnly = OutboundMessage(destination: "8613800138000", content: text,
                                           segment: OutboundMessage.Segment(reference: 0x2A, total: 2, number: 2))
        for message in [withBoth, udhOnly, countersOnly] {
            guard case .submit(let submit) = try adapter.submit(message, key: 6).body else { Issue.record("not a submit"); return }
            #expect(submit.content == udh + text)
            #expect(submit.tlvs.tpUdhi == 1)
            #expect(submit.tlvs.pkTotal == 2)
            #expect(submit.tlvs.pkNumber == 2)
        }
        let wide = OutboundMessage(destination: "8613800138000", content: text,
                                   segment: OutboundMessage.Segment(reference: 0x1234, total: 3, number: 1))
        guard case .submit(let submit) = try adapter.submit(wide, key: 7).body else { Issue.record("not a submit"); return }
        #expect(submit.content == [0x06, 0x08, 0x04, 0x12, 0x34, 0x03, 0x01] + text)
    }

    static func validTime(_ adapter: SMGPAdapter, _ validity: Duration) throws -> String? {
        let message = OutboundMessage(destination: "8613800138000", content: [0x00, 0x41], validity: validity)
        guard case .submit(let submit) = try adapter.submit(message, key: 1).body else { return nil }
        return submit.validTime
    }

    @Test func validTimeForms() throws {
        // Absolute in CST: nn = 32 quarter hours, p = '+'.
        #expect(try Self.validTime(Self.adapter(), .seconds(3661)) == "250301010101032+")
        let relative = Self.adapter(SMGPAdapter.Options(clock: Self.clock, validTimeForm: .relative))
        #expect(try Self.validTime(relative, .seconds(90_061)) == "000001010101000R")
    }

    @Test func submitAndReportIDsNormaliseToTheSameText() throws {
        let adapter = Self.adapter()
        let msgID = try #require(SMGPMsgID(hex: "01006101161700012345"))
        #expect(adapter.submitOutcome(SMGPResponse(msgID: msgID)) == .accepted(messageID: "01006101161700012345"))
        let report = SMGPReport(id: msgID, submitDate: "0303012000", doneDate: "0303012001", stat: .delivered, err: .success)
        let deliverID = try #require(SMGPMsgID(hex: "01006103012001000777"))
        let deliver = try SMGPDeliver(msgID: deliverID, report: report, recvTime: "20030301200100",
                                      srcTermID: "8613800138000", destTermID: "10612379")
        let packet = SMGPPacket(sequenceID: 7, body: .deliver(deliver))
        guard case .session(.request(key: 7)) = adapter.classify(packet) else { Issue.record("not a request"); return }
        guard case .report(let status) = adapter.peerRequest(packet, link: "sim") else { Issue.record("not a report"); return }
        #expect(status.messageID == "01006101161700012345")
        #expect(status.outcome == .delivered)
        #expect(status.destination == "8613800138000")
        let answer = try #require(adapter.answer(packet, .deferred))
        #expect(answer == SMGPPacket(sequenceID: 7, body: .deliverResp(SMGPResponse(msgID: deliverID, status: .systemBusy))))
    }

    @Test func statusesAreClassified() {
        let adapter = Self.adapter()
        let busy = adapter.submitOutcome(SMGPResponse(msgID: .zero, status: .systemBusy))
        #expect(busy.retryClass == .throttle)
        #expect(adapter.submitOutcome(SMGPResponse(msgID: .zero, status: .dailyQuotaExceeded)).retryClass == .linkFatal)
        let refused = adapter.classify(SMGPPacket(sequenceID: 1, body: .loginResp(SMGPLoginResp(status: .authenticationError))))
        guard case .loginResponse(.rejected(let text, let retryClass)) = refused else { Issue.record("\(refused)"); return }
        #expect(text == "SMGP status 21 (authentication error)")
        #expect(retryClass == .linkFatal)
        guard case .session(.keepAliveResponse) = adapter.classify(SMGPPacket(sequenceID: 2, body: .activeTestResp)) else {
            Issue.record("Active_Test_Resp"); return
        }
    }
}

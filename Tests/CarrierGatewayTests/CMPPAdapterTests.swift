import CarrierGateway
import CarrierSession
import CarrierWire
import NIOCore
import Testing

/// The CMPP adapter without sockets: PDUs byte for byte against cmpp.md §13, classification,
/// id normalisation and the wall-clock formatting.
struct CMPPAdapterTests {
    /// 2025-10-21 00:05:10 UTC = 10-21 08:05:10 in Beijing, the published timestamp 1021080510.
    static let publishedInstant: Int64 = 1_761_005_110

    static func adapter<W: CMPPWireVersion>(_: W.Type, account: String = "901234", secret: String = "888888",
                                            options: CMPPOptions = CMPPOptions(unixTime: { publishedInstant }))
        -> CMPPAdapter<W>
    {
        let configuration = LinkConfiguration(
            name: "unit", carrier: "mobile", wireProtocol: W.layout == .v2 ? .cmpp2 : .cmpp3, host: "127.0.0.1",
            port: 7890, account: account, secret: secret, sourceAddress: "12379", serviceID: "ALERT")
        return CMPPAdapter<W>(configuration: configuration, options: options)
    }

    static func bytes<W: CMPPWireVersion>(_ packet: CMPP.Packet, _: W.Type) throws -> [UInt8] {
        var buffer = try W.encode(packet)
        return buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    static func hex(_ text: String) -> [UInt8] {
        let digits = Array(text.filter(\.isHexDigit))
        return stride(from: 0, to: digits.count, by: 2).compactMap { UInt8(String(digits[$0...$0 + 1]), radix: 16) }
    }

    @Test func wallClockBecomesBeijingTime() {
        let time = CMPPTime(unixTime: Self.publishedInstant)
        #expect(time.connectTimestamp == 1_021_080_510)
        #expect(time.absoluteTimeString == "251021080510032+")
        // January keeps its leading zero; 16:30 UTC on the 5th is past midnight in Beijing.
        let january = CMPPTime(unixTime: 1_736_094_600)
        #expect((january.year, january.month, january.day, january.hour) == (2025, 1, 6, 0))
        #expect(CMPP.Authenticator.timestampDigits(january.connectTimestamp) == "0106003000")
        #expect(CMPPTime(unixTime: 0, utcOffsetMinutes: -300).absoluteTimeString == "691231190000020-")
        #expect(CMPPTime.relativeTimeString(.seconds(90_061)) == "000001010101000R")
    }

    @Test func connectMatchesThePublishedVector() throws {
        let adapter = Self.adapter(CMPP3.self, account: "900001")
        let expected = Self.hex("""
            00 00 00 27 00 00 00 01 00 00 00 01 39 30 30 30 30 31 90 d0 0c 1d 51 7a bd 0b 4f 65 f6 bc f8 53
            5d 16 30 3c dc 73 be
            """)
        #expect(try Self.bytes(adapter.login(key: 1), CMPP3.self) == expected)
        let v2 = try Self.bytes(Self.adapter(CMPP2.self, account: "900001").login(key: 1), CMPP2.self)
        #expect(v2[34] == 0x20, "a 2.0 link announces version 0x20")
    }

    @Test func submitMatchesThePublishedVectors() throws {
        let message = OutboundMessage(destination: "13800138000", content: [0x6d, 0x4b, 0x8b, 0xd5])
        let v3 = try Self.bytes(Self.adapter(CMPP3.self).submit(message, key: 2), CMPP3.self)
        #expect(v3.count == 199)
        #expect(v3 == Self.hex("""
            00 00 00 c7 00 00 00 04 00 00 00 02 00 00 00 00 00 00 00 00 01 01 01 00 41 4c 45 52 54 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 08 39 30 31 32 33 34 30 31 30 30 30 30 30 30 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 31 32 33 37 39 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 01 31 33 38 30 30 31 33 38 30 30 30 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 04 6d 4b 8b d5 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00
            """))
        let v2 = try Self.bytes(Self.adapter(CMPP2.self).submit(message, key: 2), CMPP2.self)
        #expect(v2.count == 163)
        #expect(Array(v2.prefix(16)) == Self.hex("00 00 00 a3 00 00 00 04 00 00 00 02 00 00 00 00"))
        // Segment 1 of 2 (§13.4): TP_udhi 1, Pk_total 2, Pk_number 1, the UDH in the content.
        let segment = OutboundMessage(destination: "13800138000", content: [0x05, 0x00, 0x03, 0x2a, 0x02, 0x01, 0x6d, 0x4b, 0x8b, 0xd5],
                                      hasUDH: true, segment: .init(reference: 0x2a, total: 2, number: 1))
        let long = try Self.bytes(Self.adapter(CMPP3.self).submit(segment, key: 3), CMPP3.self)
        #expect(long.count == 205)
        #expect(long[20] == 2 && long[21] == 1 && long[69] == 1, "Pk_total, Pk_number, TP_udhi")
    }

    @Test func validityBecomesValIdTime() throws {
        guard case .submit(let absolute) = try Self.adapter(CMPP3.self).submit(
            OutboundMessage(destination: "13800138000", content: [0x00, 0x41], validity: .seconds(3600)), key: 4).body
        else { Issue.record("not a SUBMIT"); return }
        #expect(absolute.validTime == "251021090510032+")
        let relativeOptions = CMPPOptions(unixTime: { Self.publishedInstant }, validityFormat: .relative)
        guard case .submit(let relative) = try Self.adapter(CMPP3.self, options: relativeOptions).submit(
            OutboundMessage(destination: "13800138000", content: [0x00, 0x41], validity: .seconds(3600)), key: 5).body
        else { Issue.record("not a SUBMIT"); return }
        #expect(relative.validTime == "000000010000000R")
    }

    @Test func submitResponseAndReportShareTheDecimalID() throws {
        let adapter = Self.adapter(CMPP3.self)
        let response = try CMPP3.decode(bytes: Self.hex("00 00 00 18 80 00 00 04 00 00 00 02 8f 2b 80 00 01 2c 80 00 00 00 00 00"))
        guard case .session(.submitResponse(let key, let answer)) = adapter.classify(response) else {
            Issue.record("not a submit response"); return
        }
        #expect(key == 2)
        #expect(adapter.submitOutcome(answer) == .accepted(messageID: "10316480108930301952"))

        let deliver = CMPP.Deliver(
            msgID: CMPP.MessageID(rawValue: 0xbab6_d1c0_2711_0001), destID: "12379", serviceID: "ALERT", msgFmt: .ascii,
            srcTerminalID: "13800138000",
            payload: .report(CMPP.StatusReport(msgID: CMPP.MessageID(rawValue: 0x8f2b_8000_012c_8000), stat: .delivered,
                                               submitTime: "2508301056", doneTime: "2508301057",
                                               destTerminalID: "13800138000", smscSequence: 0x1234_5678)))
        let packet = CMPP.Packet(sequenceID: 0x10, body: .deliver(deliver))
        guard case .session(.request(key: 0x10)) = adapter.classify(packet) else { Issue.record("not a request"); return }
        guard case .report(let report) = adapter.peerRequest(packet, link: "unit") else { Issue.record("no report"); return }
        #expect(report.messageID == "10316480108930301952")
        #expect(report.outcome == .delivered)
        #expect(report.destination == "13800138000")
        let answer3 = try Self.bytes(try #require(adapter.answer(packet, .accepted)), CMPP3.self)
        #expect(answer3 == Self.hex("00 00 00 18 80 00 00 05 00 00 00 10 ba b6 d1 c0 27 11 00 01 00 00 00 00"))
        guard case .deliverResponse(let deferred) = adapter.answer(packet, .deferred)?.body else { Issue.record("no answer"); return }
        #expect(deferred.result == .flowControl)
    }

    @Test func statusCodesAreClassified() {
        let adapter = Self.adapter(CMPP3.self)
        func login(_ status: UInt32) -> InboundClassification<UInt32, CMPP.SubmitResponse> {
            adapter.classify(CMPP.Packet(sequenceID: 1, body: .connectResponse(CMPP.ConnectResponse(
                status: CMPP.ConnectStatus(rawValue: status), authenticatorISMG: [], version: .v3_0))))
        }
        guard case .loginResponse(.accepted) = login(0) else { Issue.record("status 0 must bind"); return }
        guard case .loginResponse(.rejected(let text, .linkFatal)) = login(3) else { Issue.record("status 3"); return }
        #expect(text.contains("authentication"))
        guard case .loginResponse(.rejected(_, .retryLater)) = login(5) else { Issue.record("status 5"); return }
        let throttled = adapter.submitOutcome(CMPP.SubmitResponse(msgID: .zero, result: .flowControl))
        #expect(throttled.retryClass == .throttle)
        #expect(adapter.submitOutcome(CMPP.SubmitResponse(msgID: .zero, result: .destTerminalIDError)).retryClass == .permanent)
        guard case .session(.keepAliveRequest(key: 7)) = adapter.classify(CMPP.Packet(sequenceID: 7, body: .activeTest)) else {
            Issue.record("ACTIVE_TEST"); return
        }
        guard case .session(.terminateRequest(key: 8)) = adapter.classify(CMPP.Packet(sequenceID: 8, body: .terminate)) else {
            Issue.record("TERMINATE"); return
        }
    }
}

import CarrierGateway
import CarrierSession
import CarrierWire
import NIOCore
import Testing

/// The SGIP adapter without sockets: its PDUs against the sheet's computed vectors (sgip.md §9),
/// the wall-clock fields, and the id normalisation shared by Submit_Resp and Report.
struct SGIPAdapterTests {
    /// Node `3075512345`, 20 Nov 20:32:25 Beijing (`1120203225`, the spec's example instant).
    static let clock = SGIPWallClock.fixed(1_732_105_945)

    static func adapter(account: String = "sgipuser", secret: String = "sgippass") throws -> SGIPAdapter {
        var configuration = LinkConfiguration(
            name: "unit", carrier: "unicom", wireProtocol: .sgip, host: "127.0.0.1", port: 8801,
            account: account, secret: secret, sourceAddress: "10612379", serviceID: "ALERT")
        configuration.sgip = SGIPSettings(nodeID: 3_075_512_345, corpID: "12345", smgLoginName: "smguser", smgPassword: "smgpass")
        return try SGIPAdapter(configuration: configuration, clock: clock)
    }

    static func bytes(_ packet: SGIPPacket) throws -> [UInt8] {
        let buffer = try SGIP.encode(packet)
        return Array(buffer.readableBytesView)
    }

    static func hex(_ text: String) -> [UInt8] {
        text.split(whereSeparator: \.isWhitespace).compactMap { UInt8($0, radix: 16) }
    }

    @Test func keysCarryNodeIDClockAndASharedCounter() throws {
        var first = try Self.adapter()
        var second = first  // another connection of the same account
        let start = first.nextKey()
        #expect(start.nodeID == 3_075_512_345 && start.timestamp == 1_120_203_225)
        #expect(second.nextKey().counter == start.counter &+ 1)
        #expect(first.nextKey().counter == start.counter &+ 2)
    }

    /// A restarted process (a new adapter) must not reuse its predecessor's first sequence
    /// numbers within the same second, or the SMG drops its submits as resends.
    @Test func aNewAdapterDoesNotStartWhereThePreviousOneDid() throws {
        let starts = try (0..<8).map { _ in var adapter = try Self.adapter(); return adapter.nextKey().counter }
        #expect(Set(starts).count == starts.count)
    }

    @Test func bindMatchesTheSheetVector() throws {
        let adapter = try Self.adapter()
        let key = SGIPSequence(nodeID: 3_075_512_345, timestamp: 1_120_203_225, counter: 1)
        let expected = Self.hex("""
            00 00 00 3d 00 00 00 01 b7 50 98 19 42 c4 f1 d9 00 00 00 01 01 73 67 69 70 75 73 65 72 00 00 00
            00 00 00 00 00 73 67 69 70 70 61 73 73 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            """)
        #expect(try Self.bytes(adapter.login(key: key)) == expected)
    }

    @Test func submitMatchesTheSheetVector() throws {
        let adapter = try Self.adapter()
        let key = SGIPSequence(nodeID: 3_075_512_345, timestamp: 1_120_203_225, counter: 2)
        let message = OutboundMessage(destination: "13000000000", content: [0x6D, 0x4B, 0x8B, 0xD5])  // "测试", gets 86
        let expected = Self.hex("""
            00 00 00 a8 00 00 00 03 b7 50 98 19 42 c4 f1 d9 00 00 00 02 31 30 36 31 32 33 37 39 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 38
            36 31 33 30 30 30 30 30 30 30 30 30 00 00 00 00 00 00 00 00 31 32 33 34 35 41 4c 45 52 54 00 00
            00 00 00 01 30 00 00 00 00 00 30 00 00 00 00 00 00 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 00 00 08 00 00 00 00 04 6d 4b 8b d5
            00 00 00 00 00 00 00 00
            """)
        #expect(try Self.bytes(adapter.submit(message, key: key)) == expected)
    }

    @Test func submitFieldsFollowTheMessage() throws {
        let adapter = try Self.adapter()
        let key = SGIPSequence(nodeID: 1, timestamp: 1, counter: 1)
        let message = OutboundMessage(destination: "8613900000001", content: [0x05, 0x00, 0x03, 0x01, 0x02, 0x01, 0x00, 0x41],
                                      hasUDH: true, validity: .seconds(3600), priority: 3, requestReport: false)
        guard case .submit(let submit) = try adapter.submit(message, key: key).body else {
            Issue.record("not a Submit")
            return
        }
        #expect(submit.userNumbers == ["8613900000001"])
        #expect(submit.tpUdhi == 1)
        #expect(submit.reportFlag == 0)  // failures only
        #expect(submit.priority == 9)
        #expect(submit.expireTime == "241120213225032+")  // one hour later, Beijing time
        #expect(submit.moRelatedToMTFlag == 2)
    }

    @Test func reportIDEqualsTheSubmitOutcomeID() throws {
        let adapter = try Self.adapter()
        let key = SGIPSequence(nodeID: 3_075_512_345, timestamp: 1_120_203_225, counter: 2)
        let response = SGIPPacket(sequence: key, body: .submitResp(SGIPResponse(result: .ok)))
        guard case .session(.submitResponse(let responseKey, let answer)) = adapter.classify(response) else {
            Issue.record("Submit_Resp not classified as a submit response")
            return
        }
        #expect(responseKey == key)
        let outcome = adapter.submitOutcome(answer)
        #expect(outcome == .accepted(messageID: "3075512345/1120203225/2"))

        let smg = SGIPSequence(nodeID: 107_551, timestamp: 1_120_203_300, counter: 12)
        let failed = SGIPPacket(sequence: smg, body: .report(SGIPReport(
            submitSequence: key, userNumber: "8613000000000", state: .failed, errorCode: .userUnreachable)))
        guard case .report(let report) = adapter.peerRequest(failed, link: "l") else {
            Issue.record("Report not read as a status report")
            return
        }
        #expect(report.messageID == outcome.messageID)
        #expect(report.stat == "UNDELIV")
        #expect(report.outcome == .undeliverable)
        #expect(report.errorCode == "25")
        let answer2 = try #require(adapter.answer(failed, .deferred))
        #expect(answer2 == SGIPPacket(sequence: smg, body: .reportResp(SGIPResponse(result: .nodeBusy))))
    }

    @Test func refusalsKeepTheirRetryClass() throws {
        let adapter = try Self.adapter()
        let key = SGIPSequence(nodeID: 1, timestamp: 1, counter: 1)
        for (result, retry) in [(SGIPResult.tooFast, RetryClass.throttle), (.nodeBusy, .throttle), (.illegalMobileNumber, .permanent)] {
            #expect(adapter.submitOutcome(.init(sequence: key, result: result)).retryClass == retry)
        }
        let refused = SGIPPacket(sequence: key, body: .bindResp(SGIPResponse(result: .illegalLogin)))
        guard case .loginResponse(.rejected(let status, let retry)) = adapter.classify(refused) else {
            Issue.record("Bind_Resp 1 not a refusal")
            return
        }
        #expect(status.contains("illegal login"))
        #expect(retry == .linkFatal)
    }

    @Test func missingSettingsAreAConfigurationError() {
        let configuration = LinkConfiguration(name: "x", carrier: "unicom", wireProtocol: .sgip, host: "h", port: 1,
                                              account: "a", secret: "s", sourceAddress: "1")
        #expect(throws: LinkConfigurationError.self) { _ = try LinkGroup(configuration: configuration) }
    }

    @Test func settingsNeverShowTheSMGPassword() {
        let settings = SGIPSettings(nodeID: 1, corpID: "1", smgLoginName: "smg", smgPassword: "hunter2")
        #expect(!"\(settings)".contains("hunter2"))
        #expect(!String(reflecting: settings).contains("hunter2"))
    }
}

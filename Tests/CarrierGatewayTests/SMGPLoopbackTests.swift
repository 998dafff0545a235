import CarrierGateway
import CarrierSession
import CarrierSimulator
import CarrierWire
import Testing

/// SMGP client against the SMGW simulator over 127.0.0.1: login, volume, long messages,
/// reports, keep-alive and MO.
@Suite(.timeLimit(.minutes(1)))
struct SMGPLoopbackTests {
    @Test func loginSucceedsAndShutdownSendsExit() async throws {
        let (simulator, port) = try await SMGPLoopback.simulator()
        let group = try LinkGroup(configuration: SMGPLoopback.configuration(port: port))  // the built-in adapter
        try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
        }
        let counters = await simulator.counters()
        #expect(counters.loginsOK == 1)
        #expect(counters.loginsFailed == 0)
        #expect(counters.unbinds == 1)  // graceful shutdown sends Exit
        try await simulator.stop()
    }

    /// A refused login, by what is wrong with it, and the Status the SMGW answers (smgp.md §7).
    enum BadLogin: String, CaseIterable, Sendable {
        case wrongSecret, unknownClient, versionTooHigh

        var status: UInt32 { self == .versionTooHigh ? 22 : 21 }
    }

    @Test(arguments: BadLogin.allCases)
    func badLoginsAreRefusedWithTheirStatus(_ bad: BadLogin) async throws {
        let (simulator, port) = try await SMGPLoopback.simulator()
        var configuration = SMGPLoopback.configuration(
            port: port, account: bad == .unknownClient ? "87654321" : SMGPLoopback.account,
            secret: bad == .wrongSecret ? "wrong" : SMGPLoopback.secret)
        configuration.loginFailureBackoff = .linkFatal  // minutes: must not hammer the gateway
        let group = try SMGPLoopback.group(configuration, options: SMGPAdapter.Options(clientVersion: bad == .versionTooHigh ? 0x31 : 0x30))
        let refusal = try await Loopback.running(group) {
            let refusal = try await SMGPLoopback.loginRefusal(group)
            await #expect(throws: SubmitError(.linkDown, retry: .safe)) {
                _ = try await group.submit(Loopback.message(1))
            }
            return refusal
        }
        #expect(refusal.contains("SMGP status \(bad.status) ("), "\(refusal)")
        #expect(!refusal.contains(SMGPLoopback.secret) && !refusal.contains("wrong"))
        let counters = await simulator.counters()
        #expect(counters.loginsFailed == 1)  // linkFatal backoff: no second attempt within the test
        #expect(counters.loginsOK == 0)
        #expect(await simulator.observations().loginRefusals == [bad.status: 1])
        try await simulator.stop()
    }

    @Test func tenThousandSubmitsWithTheWindowFull() async throws {
        let (simulator, port) = try await SMGPLoopback.simulator { $0.responseDelay = .milliseconds(2) }
        let group = try SMGPLoopback.group(SMGPLoopback.configuration(port: port, window: 16))
        let total = 10_000
        let (results, fullSamples, samples) = try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
            let sampler = Loopback.windowSampler(group)
            let results = await Loopback.submitAll(group, Array(0..<total), workers: 48)
            sampler.cancel()
            let (full, taken) = await sampler.value
            return (results, full, taken)
        }
        let accepted = results.values.compactMap { try? $0.get().messageID }
        #expect(accepted.count == total)
        #expect(Set(accepted).count == total)
        #expect(accepted.allSatisfy { $0.count == 20 && $0.hasPrefix("010061") })  // BCD MsgID, §5.5
        #expect(fullSamples * 10 >= samples * 7, "window full in \(fullSamples) of \(samples) samples")
        #expect(samples >= 10, "only \(samples) samples found callers waiting")
        let counters = await simulator.counters()
        #expect(counters.accepted == total)
        #expect(counters.windowExceeded == 0)
        #expect(counters.throttled == 0)
        #expect(counters.duplicates == 0)
        try await simulator.stop()
    }

    @Test func longUCS2MessagesAreReassembledBySegment() async throws {
        let (simulator, port) = try await SMGPLoopback.simulator()
        let group = try SMGPLoopback.group(SMGPLoopback.configuration(port: port))
        let text = String(repeating: "【预警】气象台发布暴雨红色预警信号，请注意防范。", count: 8)  // 24 × 8 = 192 chars
        let segments = try LongMessageSplitter().split(text, coding: .ucs2, concatenation: .udh8(reference: 0x2A))
        #expect(segments.count == 3)  // 67 + 67 + 58 UCS-2 characters
        let messages = segments.map { segment in
            OutboundMessage(destination: "8613800138000", content: segment.content, hasUDH: segment.hasHeader,
                            segment: OutboundMessage.Segment(reference: segment.reference ?? 0, total: segment.total,
                                                             number: segment.number))
        }
        let results = try await Loopback.running(group) {
            await Loopback.submitAll(group, Array(messages.indices), workers: messages.count) { messages[$0] }
        }
        #expect(results.values.allSatisfy { (try? $0.get().messageID) != nil })
        let observations = await simulator.observations()
        #expect(observations.longMessages == [SMGPLongMessage(destination: "8613800138000", text: text, segments: 3)])
        #expect(observations.malformedSegments == 0)
        let counters = await simulator.counters()
        #expect(counters.accepted == 3)
        #expect(counters.segments == 3)
        try await simulator.stop()
    }

    /// BCD ids with absolute ValidTime, and raw non-BCD ids with relative ValidTime.
    @Test(arguments: [(MessageIDStyle.decimal, SMGPAdapter.Options.ValidTimeForm.absolute),
                      (MessageIDStyle.hexadecimal, SMGPAdapter.Options.ValidTimeForm.relative)])
    func statusReportsMatchSubmitIDs(_ style: MessageIDStyle, _ form: SMGPAdapter.Options.ValidTimeForm) async throws {
        let (simulator, port) = try await SMGPLoopback.simulator {
            $0.reportDelay = .milliseconds(1200)
            $0.outcomes = OutcomeMix(delivered: 3, undeliverable: 1)
            $0.messageIDStyle = style
        }
        let group = try SMGPLoopback.group(SMGPLoopback.configuration(port: port), options: SMGPAdapter.Options(validTimeForm: form))
        let total = 200
        let (results, reports) = try await Loopback.running(group) {
            let collector = Task { await Loopback.statusReports(total, from: group) }
            // Even indices live 1 s: their report is due after 1.2 s, so they must come back EXPIRED.
            let results = await Loopback.submitAll(group, Array(0..<total), workers: 16) {
                Loopback.message($0, validity: $0.isMultiple(of: 2) ? .seconds(1) : .seconds(3600))
            }
            return (results, await collector.value)
        }
        var idToIndex: [String: Int] = [:]
        for (index, result) in results { if let id = try result.get().messageID { idToIndex[id] = index } }
        #expect(idToIndex.count == total)
        #expect(reports.count == total)
        #expect(idToIndex.keys.allSatisfy { $0.count == 20 && $0.hasPrefix(style == .decimal ? "010061" : "face") })
        for report in reports {
            let index = try #require(idToIndex[report.messageID], "report for an unknown id")
            #expect(report.destination == Loopback.message(index).destination)
            if index.isMultiple(of: 2) { #expect(report.stat == "EXPIRED") } else { #expect(report.stat != "EXPIRED") }
        }
        #expect(Set(reports.map(\.messageID)).count == total)
        let counters = await simulator.counters()
        #expect(reports.filter { $0.stat == "DELIVRD" }.count == counters.outcomes["DELIVRD", default: 0])
        #expect(reports.filter { $0.stat == "UNDELIV" }.count == counters.outcomes["UNDELIV", default: 0])
        #expect(counters.reportsAcked == total)
        try await simulator.stop()
    }

    @Test func activeTestsAreExchangedBothWays() async throws {
        let (simulator, port) = try await SMGPLoopback.simulator { $0.keepAliveInterval = .milliseconds(300) }
        let group = try SMGPLoopback.group(SMGPLoopback.configuration(port: port) {
            $0.session.keepAlive = KeepAliveParametersForTests.short
        })
        try await Loopback.running(group) {
            try await Loopback.eventually {
                let counters = await simulator.counters()
                let link = await group.health().links.first
                return counters.keepAlivesAnswered >= 2 && counters.keepAliveResponses >= 2
                    && (link?.counters.keepAlivesSent ?? 0) >= 2
            }
            #expect(await group.health().status == .up)
        }
        try await simulator.stop()
    }

    @Test func moMessagesArriveOnTheReportStream() async throws {
        let (simulator, port) = try await SMGPLoopback.simulator()
        let group = try SMGPLoopback.group(SMGPLoopback.configuration(port: port))
        let segment: [UInt8] = [0x05, 0x00, 0x03, 0x33, 0x02, 0x01, 0x65, 0x36, 0x52, 0x30]  // smgp.md §10.1
        let mo = try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
            await simulator.injectMO(from: "8613800138000", to: "10612379", content: segment, hasUDH: true)
            for await case .mo(let message) in group.reports { return message }
            throw Loopback.TimedOut()
        }
        #expect(mo.source == "8613800138000")
        #expect(mo.destination == "10612379")
        #expect(mo.content == segment)
        #expect(mo.dataCoding == 8)
        #expect(mo.hasUDH)
        #expect(await simulator.counters().mosAcked == 1)
        try await simulator.stop()
    }
}

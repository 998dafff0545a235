import CarrierGateway
import CarrierSession
import CarrierSimulator
import CarrierWire
import Testing

/// CMPP 2.0 / 3.0 client against the CMPP simulator over 127.0.0.1: login, volume, long
/// messages, reports, keep-alives and MO.
@Suite(.timeLimit(.minutes(1)))
struct CMPPLoopbackTests {
    @Test(arguments: CMPPLoopback.versions)
    func loginSucceeds(_ version: CarrierProtocol) async throws {
        let (simulator, port) = try await CMPPLoopback.simulator(version)
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(version, port: port))
        try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
        }
        let counters = await simulator.counters()
        #expect(counters.loginsOK == 1)
        #expect(counters.loginsFailed == 0)
        #expect(counters.unbinds == 1)  // graceful shutdown sends TERMINATE
        try await simulator.stop()
    }

    @Test(arguments: CMPPLoopback.versions)
    func wrongSecretIsRefusedWithStatus3(_ version: CarrierProtocol) async throws {
        let (simulator, port) = try await CMPPLoopback.simulator(version)
        var configuration = CMPPLoopback.configuration(version, port: port, secret: "wrong1")
        configuration.loginFailureBackoff = .linkFatal  // minutes: must not hammer the gateway
        let group = try CMPPLoopback.group(configuration)
        try await Loopback.running(group) {
            try await CMPPLoopback.refused(group, status: "3 (authentication error)")
            await #expect(throws: SubmitError(.linkDown, retry: .safe)) {
                _ = try await group.submit(Loopback.message(1))
            }
        }
        let counters = await simulator.counters()
        #expect(counters.loginsFailed == 1)
        #expect(counters.loginsOK == 0)
        try await simulator.stop()
    }

    @Test func unknownAccountIsRefusedWithStatus2() async throws {
        let (simulator, port) = try await CMPPLoopback.simulator()
        var configuration = CMPPLoopback.configuration(port: port, account: "999999")
        configuration.loginFailureBackoff = .linkFatal
        let group = try CMPPLoopback.group(configuration)
        try await Loopback.running(group) {
            try await CMPPLoopback.refused(group, status: "2 (illegal source address)")
        }
        #expect(await simulator.counters().loginsFailed == 1)
        try await simulator.stop()
    }

    @Test func aVersionTheGatewayLacksIsRefusedWithStatus4() async throws {
        let (simulator, port) = try await CMPPLoopback.simulator(.cmpp2)
        var configuration = CMPPLoopback.configuration(.cmpp3, port: port)
        configuration.loginFailureBackoff = .linkFatal
        let group = try CMPPLoopback.group(configuration)
        try await Loopback.running(group) {
            try await CMPPLoopback.refused(group, status: "4 (version too high)")
        }
        try await simulator.stop()
    }

    @Test(.serialized, arguments: CMPPLoopback.versions)  // one version at a time: the machine is shared
    func tenThousandSubmitsWithTheWindowFull(_ version: CarrierProtocol) async throws {
        let (simulator, port) = try await CMPPLoopback.simulator(version) { $0.responseDelay = .milliseconds(2) }
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(version, port: port, window: 16))
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
        #expect(results.count == total)
        #expect(accepted.count == total)
        #expect(Set(accepted).count == total)
        #expect(accepted.allSatisfy { UInt64($0) != nil }, "Msg_Ids are unsigned decimals")
        #expect(fullSamples * 10 >= samples * 7, "window full in \(fullSamples) of \(samples) samples")
        #expect(samples >= 10, "only \(samples) samples found callers waiting")
        let counters = await simulator.counters()
        #expect(counters.accepted == total)
        #expect(counters.windowExceeded == 0)
        #expect(counters.duplicates == 0)
        try await simulator.stop()
    }

    @Test(arguments: CMPPLoopback.versions)
    func longUCS2MessagesAreReassembledByTheGateway(_ version: CarrierProtocol) async throws {
        let (simulator, port) = try await CMPPLoopback.simulator(version)
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(version, port: port))
        let text = String(repeating: "【预警】今天夜间到明天白天有暴雨，请注意防范。", count: 7)  // 161 chars → 67 + 67 + 27
        let segments = try LongMessageSplitter().split(text, coding: .ucs2, concatenation: .udh8(reference: 0x2A))
        #expect(segments.count == 3)
        let messages = segments.map { segment in
            OutboundMessage(destination: "8613800138000", content: segment.content, dataCoding: 8, hasUDH: segment.hasHeader,
                            segment: .init(reference: segment.reference ?? 0, total: segment.total, number: segment.number))
        }
        let results = try await Loopback.running(group) {
            await Loopback.submitAll(group, Array(messages.indices), workers: 3) { messages[$0] }
        }
        #expect(results.values.allSatisfy { (try? $0.get().messageID) != nil })
        let counters = await simulator.counters()
        #expect(counters.accepted == 3)
        #expect(counters.segments == 3)
        let long = await simulator.longMessages()
        #expect(long.count == 1)
        #expect(long.first?.parts.count == 3)
        #expect(long.first?.text == text)
        try await simulator.stop()
    }

    @Test(.serialized, arguments: CMPPLoopback.versions)  // one version at a time: the machine is shared
    func statusReportsMatchSubmitIDs(_ version: CarrierProtocol) async throws {
        let (simulator, port) = try await CMPPLoopback.simulator(version) {
            $0.reportDelay = .milliseconds(1200)
            $0.outcomes = OutcomeMix(delivered: 3, undeliverable: 1)
        }
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(version, port: port))
        let total = 200
        let (results, reports) = try await Loopback.running(group) {
            let collector = Task { await Loopback.statusReports(total, from: group) }
            // Even indices live 1 s (absolute ValId_Time): their report is due after 1.2 s, so EXPIRED.
            let results = await Loopback.submitAll(group, Array(0..<total), workers: 16) {
                Loopback.message($0, validity: $0.isMultiple(of: 2) ? .seconds(1) : .seconds(3600))
            }
            return (results, await collector.value)
        }
        var idToIndex: [String: Int] = [:]
        for (index, result) in results { if let id = try result.get().messageID { idToIndex[id] = index } }
        #expect(idToIndex.count == total)
        #expect(reports.count == total)
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
        let (simulator, port) = try await CMPPLoopback.simulator { $0.keepAliveInterval = .milliseconds(300) }
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(port: port) {
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

    @Test(arguments: CMPPLoopback.versions)
    func moMessagesArriveOnTheReportStream(_ version: CarrierProtocol) async throws {
        let (simulator, port) = try await CMPPLoopback.simulator(version)
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(version, port: port))
        let mo = try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
            await simulator.injectMO(from: "13800138000", to: "1237901", content: [0x65, 0x36, 0x52, 0x30])
            for await case .mo(let message) in group.reports { return message }
            throw Loopback.TimedOut()
        }
        #expect(mo.source == "13800138000")
        #expect(mo.destination == "1237901")
        #expect(mo.content == [0x65, 0x36, 0x52, 0x30])
        #expect(mo.dataCoding == 8)
        #expect(await simulator.counters().mosAcked == 1)
        try await simulator.stop()
    }
}

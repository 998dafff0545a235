import CarrierGateway
import CarrierSession
import CarrierSimulator
import CarrierWire
import Testing

/// SGIP client + listener against the SGIP simulator over 127.0.0.1: the happy paths.
@Suite(.timeLimit(.minutes(1)))
struct SGIPLoopbackTests {
    @Test func loginSucceedsAndShutdownUnbinds() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator()
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port))
        try await SGIPLoopback.running(group, listener, simulator) {
            try await Loopback.eventually { await group.health().status == .up }
        }
        let counters = await simulator.counters()
        #expect(counters.loginsOK == 1)
        #expect(counters.loginsFailed == 0)
        #expect(counters.unbinds == 1)
        try await simulator.stop()
    }

    @Test(arguments: [(SGIPLoopback.account, "wrong"), ("nobody", SGIPLoopback.secret)])
    func refusedLoginsCarryResult1(account: String, secret: String) async throws {
        let (simulator, port) = try await SGIPLoopback.simulator()
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port, account: account, secret: secret) {
            $0.loginFailureBackoff = .linkFatal  // minutes: must not hammer the SMG
        })
        try await SGIPLoopback.running(group, listener, simulator) {
            try await Loopback.eventually {
                guard let link = await group.health().links.first, case .down = link.state else { return false }
                return link.lastError?.contains("1 (illegal login") == true
            }
            await #expect(throws: SubmitError(.linkDown, retry: .safe)) {
                _ = try await group.submit(SGIPLoopback.message(1))
            }
        }
        let counters = await simulator.counters()
        #expect(counters.loginsFailed == 1)
        #expect(counters.loginsOK == 0)
        try await simulator.stop()
    }

    @Test func tenThousandSubmitsWithTheWindowFull() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator { configuration, _ in configuration.responseDelay = .milliseconds(2) }
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port, window: 16))
        let total = 10_000
        let (results, fullSamples, samples) = try await SGIPLoopback.running(group, listener, simulator) {
            try await Loopback.eventually { await group.health().status == .up }
            let sampler = Loopback.windowSampler(group)
            let results = await Loopback.submitAll(group, Array(0..<total), workers: 48) { SGIPLoopback.message($0) }
            sampler.cancel()
            let (full, taken) = await sampler.value
            return (results, full, taken)
        }
        let accepted = results.values.compactMap { try? $0.get().messageID }
        #expect(accepted.count == total)
        #expect(Set(accepted).count == total)
        // The id is the Submit's own SequenceNumber: our node id and clock, node/MMDDhhmmss/counter.
        #expect(accepted.allSatisfy { $0.hasPrefix("3075512345/1120203225/") })
        #expect(fullSamples * 10 >= samples * 7, "window full in \(fullSamples) of \(samples) samples")
        #expect(samples >= 10, "only \(samples) samples found callers waiting")
        let counters = await simulator.counters()
        #expect(counters.accepted == total)
        #expect(counters.windowExceeded == 0)
        #expect(counters.duplicates == 0)
        try await simulator.stop()
    }

    @Test func longUCS2MessageIsReassembledByTheSimulator() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator()
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port))
        let text = String(repeating: "【预警】暴雨红色预警信号：请立即转移到安全地带，注意防范山洪和地质灾害。", count: 5)
        let segments = try LongMessageSplitter().split(text, coding: .ucs2, concatenation: .udh8(reference: 0x5A))
        #expect(segments.count == 3)
        let outcomes = try await SGIPLoopback.running(group, listener, simulator) {
            var outcomes: [SubmitOutcome] = []
            for segment in segments {
                outcomes.append(try await group.submit(OutboundMessage(
                    destination: "8613900000001", content: segment.content, dataCoding: 8, hasUDH: true,
                    segment: .init(reference: segment.reference ?? 0, total: segment.total, number: segment.number))))
            }
            return outcomes
        }
        #expect(outcomes.allSatisfy { $0.messageID != nil })
        let long = await simulator.longMessages()
        #expect(long.count == 1)
        #expect(long.first?.segments == segments.count)
        #expect(long.first?.text == text)
        #expect(long.first?.destination == "8613900000001")
        let counters = await simulator.counters()
        #expect(counters.accepted == segments.count)
        #expect(counters.segments == segments.count)
        #expect(await simulator.sgipCounters().longMessages == 1)
        try await simulator.stop()
    }

    @Test func reportsArriveThroughTheListenerMatchedToSubmits() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator { configuration, _ in
            configuration.reportDelay = .milliseconds(1200)
            configuration.outcomes = OutcomeMix(delivered: 3, undeliverable: 1)
        }
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port))
        let total = 200
        let (results, reports) = try await SGIPLoopback.running(group, listener, simulator) {
            let collector = Task { await Loopback.statusReports(total, from: group) }
            // Even indices live 1 s: their report is due after 1.2 s, so they must come back expired.
            let results = await Loopback.submitAll(group, Array(0..<total), workers: 16) {
                SGIPLoopback.message($0, validity: $0.isMultiple(of: 2) ? .seconds(1) : .seconds(3600))
            }
            return (results, await collector.value)
        }
        var idToIndex: [String: Int] = [:]
        for (index, result) in results { if let id = try result.get().messageID { idToIndex[id] = index } }
        #expect(idToIndex.count == total)
        #expect(reports.count == total)
        for report in reports {
            let index = try #require(idToIndex[report.messageID], "report for an unknown id")
            #expect(report.destination == SGIPLoopback.message(index).destination)
            if index.isMultiple(of: 2) {
                #expect(report.stat == "UNDELIV" && report.errorCode == "25", "expired → State 2, ErrorCode 25")
            } else {
                #expect(report.errorCode != "25")
            }
        }
        let counters = await simulator.counters()
        #expect(reports.filter { $0.stat == "DELIVRD" }.count == counters.outcomes["DELIVRD", default: 0])
        #expect(reports.filter { $0.errorCode == "29" }.count == counters.outcomes["UNDELIV", default: 0])
        #expect(counters.outcomes["EXPIRED", default: 0] == total / 2)
        try await Loopback.eventually { await simulator.counters().reportsAcked == total }
        #expect(await listener.counters().reportsReceived == total)
        try await simulator.stop()
    }

    @Test func reportFlagZeroReportsFailuresOnly() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator { configuration, _ in
            configuration.outcomes = OutcomeMix(delivered: 1, undeliverable: 1)
        }
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port))
        let total = 40
        let reports = try await SGIPLoopback.running(group, listener, simulator) {
            let results = await Loopback.submitAll(group, Array(0..<total), workers: 8) {
                SGIPLoopback.message($0, requestReport: false)  // ReportFlag 0
            }
            #expect(results.values.allSatisfy { (try? $0.get().messageID) != nil })
            let failures = await simulator.counters().outcomes["UNDELIV", default: 0]
            #expect(failures > 0 && failures < total)
            let reports = await Loopback.statusReports(failures, from: group)
            try await Task.sleep(for: .milliseconds(200))  // a delivered one would arrive by now
            #expect(await simulator.counters().reportsSent == failures)
            return reports
        }
        #expect(reports.allSatisfy { $0.stat == "UNDELIV" })
        try await simulator.stop()
    }

    @Test func moArrivesThroughTheListener() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator()
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port))
        let mo = try await SGIPLoopback.running(group, listener, simulator) {
            await simulator.injectMO(from: "8613000000000", to: "10612379", content: [0x65, 0x36, 0x52, 0x30])
            for await case .mo(let message) in group.reports { return message }
            throw Loopback.TimedOut()
        }
        #expect(mo.source == "8613000000000")
        #expect(mo.destination == "10612379")
        #expect(mo.content == [0x65, 0x36, 0x52, 0x30])
        #expect(mo.dataCoding == 8)
        #expect(await simulator.counters().mosAcked == 1)
        #expect(await simulator.sgipCounters().callbackBindsOK == 1)
        try await simulator.stop()
    }

    /// SGIP has no heartbeat: the link closes its own idle connection (Unbind) before the SMG's
    /// idle drop, and reconnects when a submit arrives.
    @Test func idleLinkUnbindsBeforeTheSMGDropsItAndReconnectsOnDemand() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator { _, options in options.idleTimeout = .seconds(2) }
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port) {
            $0.session.idleClose = .milliseconds(300)
        })
        try await SGIPLoopback.running(group, listener, simulator) {
            // Not waiting for `.up` first: the link may already be idle again when a poll comes.
            try await Loopback.eventually {
                let unbinds = await simulator.counters().unbinds
                let state = await group.health().links.first?.state
                return unbinds == 1 && state == .idle
            }
            #expect(try await group.submit(SGIPLoopback.message(1)).messageID != nil)
        }
        let counters = await simulator.counters()
        #expect(counters.loginsOK == 2)
        #expect(counters.accepted == 1)
        #expect(await simulator.sgipCounters().idleClosed == 0, "the client closed first")
        try await simulator.stop()
    }
}

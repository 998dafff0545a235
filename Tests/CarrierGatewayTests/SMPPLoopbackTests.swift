import CarrierSession
import CarrierGateway
import CarrierSimulator
import CarrierWire
import Testing

/// SMPP client against the SMPP simulator over 127.0.0.1: the happy paths.
@Suite(.timeLimit(.minutes(1)))
struct SMPPLoopbackTests {
    @Test func loginSucceeds() async throws {
        let (simulator, port) = try await Loopback.simulator()
        let group = try LinkGroup(configuration: Loopback.configuration(port: port))
        try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
        }
        let counters = await simulator.counters()
        #expect(counters.loginsOK == 1)
        #expect(counters.loginsFailed == 0)
        #expect(counters.unbinds == 1)  // graceful shutdown unbinds
        try await simulator.stop()
    }

    @Test func wrongPasswordIsRefusedWithItsStatus() async throws {
        let (simulator, port) = try await Loopback.simulator()
        var configuration = Loopback.configuration(port: port, secret: "wrong")
        configuration.loginFailureBackoff = .linkFatal  // minutes: must not hammer the gateway
        let group = try LinkGroup(configuration: configuration)
        try await Loopback.running(group) {
            try await Loopback.eventually {
                guard let link = await group.health().links.first, case .down = link.state else { return false }
                return link.lastError?.contains("ESME_RINVPASWD") == true
            }
            await #expect(throws: SubmitError(.linkDown, retry: .safe)) {
                _ = try await group.submit(Loopback.message(1))
            }
        }
        let counters = await simulator.counters()
        #expect(counters.loginsFailed == 1)
        #expect(counters.loginsOK == 0)
        try await simulator.stop()
    }

    @Test func tenThousandSubmitsWithTheWindowFull() async throws {
        let (simulator, port) = try await Loopback.simulator { $0.responseDelay = .milliseconds(2) }
        let group = try LinkGroup(configuration: Loopback.configuration(port: port, window: 16))
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
        // The window was full in most samples: callers were waiting, never more than 16 in flight.
        #expect(fullSamples * 10 >= samples * 7, "window full in \(fullSamples) of \(samples) samples")
        #expect(samples >= 10, "only \(samples) samples found callers waiting")
        let counters = await simulator.counters()
        #expect(counters.accepted == total)
        #expect(counters.windowExceeded == 0)
        #expect(counters.duplicates == 0)
        try await simulator.stop()
    }

    @Test func statusReportsMatchSubmitIDs() async throws {
        let (simulator, port) = try await Loopback.simulator {
            $0.reportDelay = .milliseconds(1200)
            $0.outcomes = OutcomeMix(delivered: 3, undeliverable: 1)
        }
        let group = try LinkGroup(configuration: Loopback.configuration(port: port))
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

    @Test func keepAlivesAreExchangedBothWays() async throws {
        let (simulator, port) = try await Loopback.simulator { $0.keepAliveInterval = .milliseconds(300) }
        let group = try LinkGroup(configuration: Loopback.configuration(port: port) {
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
        let (simulator, port) = try await Loopback.simulator()
        let group = try LinkGroup(configuration: Loopback.configuration(port: port))
        let mo = try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
            await simulator.injectMO(from: "8613800138000", to: "12379", content: [0x65, 0x36, 0x52, 0x30])
            for await case .mo(let message) in group.reports { return message }
            throw Loopback.TimedOut()
        }
        #expect(mo.source == "8613800138000")
        #expect(mo.destination == "12379")
        #expect(mo.content == [0x65, 0x36, 0x52, 0x30])
        #expect(mo.dataCoding == 8)
        #expect(await simulator.counters().mosAcked == 1)
        try await simulator.stop()
    }
}

enum KeepAliveParametersForTests {
    /// enquire_link after 100 ms of silence (the simulator's own come every 300 ms).
    static let short = KeepAliveParameters(interval: .milliseconds(100), timeout: .seconds(2), maxAttempts: 3)
}

import CarrierGateway
import CarrierSession
import CarrierSimulator
import CarrierWire
import Testing

/// The SP's inbound listener: the SMG's Bind (LoginType 2, credentials), Unbind both ways, and
/// back-pressure from the report buffer.
@Suite(.timeLimit(.minutes(1)))
struct SGIPListenerTests {
    @Test(arguments: [
        (SGIPLoopback.smgName, "wrong", UInt8(2), UInt8(1)),   // wrong password → 1 illegal login
        ("other", SGIPLoopback.smgPassword, UInt8(2), UInt8(1)), // unknown name → 1
        (SGIPLoopback.smgName, SGIPLoopback.smgPassword, UInt8(1), UInt8(4)),  // LoginType 1 → 4
    ])
    func listenerRefusesABadSMGBind(name: String, password: String, loginType: UInt8, expected: UInt8) async throws {
        let (simulator, port) = try await SGIPLoopback.simulator { configuration, options in
            configuration.outcomes = .allDelivered
            options.loginName = name
            options.loginPassword = password
            options.loginType = loginType
        }
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port))
        try await SGIPLoopback.running(group, listener, simulator) {
            #expect(try await group.submit(SGIPLoopback.message(1)).messageID != nil)
            try await Loopback.eventually { await simulator.sgipCounters().callbackBindsRefused >= 2 }
        }
        let listenerCounters = await listener.counters()
        #expect(listenerCounters.bindsAccepted == 0)
        #expect(listenerCounters.bindsRefused >= 2)
        #expect(listenerCounters.lastRefusal == expected)
        #expect(listenerCounters.reportsReceived == 0)
        let sgip = await simulator.sgipCounters()
        #expect(sgip.lastCallbackBindResult == expected)
        #expect(sgip.callbackBindsOK == 0)
        let counters = await simulator.counters()
        #expect(counters.reportsSent == 0)  // nothing is sent before a successful Bind
        try await simulator.stop()
    }

    @Test func idleSMGConnectionUnbindsAndReconnectsForTheNextReport() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator { configuration, options in
            configuration.outcomes = .allDelivered
            options.callbackIdleClose = .milliseconds(150)
        }
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port))
        let reports = try await SGIPLoopback.running(group, listener, simulator) {
            var iterator = group.reports.makeAsyncIterator()
            var reports: [CarrierReport] = []
            for index in 0..<2 {
                _ = try await group.submit(SGIPLoopback.message(index))
                if let report = await iterator.next() { reports.append(report) }
                try await Loopback.eventually { await listener.counters().unbindsReceived == index + 1 }
            }
            return reports
        }
        #expect(reports.count == 2)
        let sgip = await simulator.sgipCounters()
        #expect(sgip.callbackConnects == 2)
        #expect(sgip.callbackUnbinds == 2)
        #expect(await listener.counters().bindsAccepted == 2)
        try await simulator.stop()
    }

    @Test func listenerClosesASilentSMGConnection() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator { configuration, _ in configuration.outcomes = .allDelivered }
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port) {
            $0.sgip?.smgIdleTimeout = .milliseconds(300)  // the simulator's own idle Unbind comes after 5 s
        })
        try await SGIPLoopback.running(group, listener, simulator) {
            _ = try await group.submit(SGIPLoopback.message(1))
            try await Loopback.eventually { await simulator.counters().reportsAcked == 1 }
            try await Loopback.eventually { await listener.counters().idleClosed >= 1 }
        }
        #expect(await listener.counters().unbindsReceived == 0)
        #expect(await simulator.sgipCounters().callbackUnbinds == 0)
        try await simulator.stop()
    }

    @Test func runServesUntilCancelled() async throws {
        let (_, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: 1))
        let port = try await listener.start()
        let runner = Task { try await listener.run() }
        #expect(try await listener.start() == port)  // idempotent
        runner.cancel()
        try await runner.value
        await #expect(throws: (any Error).self) { _ = try await listener.start() }  // stopped for good
    }

    @Test func fullReportBufferAnswersNodeBusyAndTheSMGRedelivers() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator { configuration, _ in
            configuration.outcomes = .allDelivered
            configuration.reportRetryDelay = .milliseconds(100)
        }
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port) { $0.reportBufferSize = 4 })
        let total = 20
        let received = try await SGIPLoopback.running(group, listener, simulator) {
            let results = await Loopback.submitAll(group, Array(0..<total), workers: 4) { SGIPLoopback.message($0) }
            #expect(results.values.allSatisfy { (try? $0.get().messageID) != nil })
            try await Loopback.eventually { await listener.counters().deferred > 0 }
            var ids: Set<String> = []
            for await case .status(let report) in group.reports {
                ids.insert(report.messageID)
                if ids.count == total { break }
            }
            return ids
        }
        #expect(received.count == total)
        try await Loopback.eventually { await simulator.counters().reportsAcked == total }
        #expect(await simulator.counters().reportsDeferred > 0)
        try await simulator.stop()
    }

    @Test func stoppingTheListenerUnbindsTheSMG() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator { configuration, _ in configuration.outcomes = .allDelivered }
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port))
        let stopTook = try await SGIPLoopback.running(group, listener, simulator) {
            _ = try await group.submit(SGIPLoopback.message(1))
            try await Loopback.eventually { await simulator.counters().reportsAcked == 1 }
            let start = ContinuousClock.now
            await listener.stop()  // the SMG connection is still bound (its idle close is 5 s)
            return start.duration(to: .now)
        }
        // The SMG answered our Unbind and closed: no need to wait out the 1 s grace.
        #expect(stopTook < .milliseconds(900), "stop took \(stopTook)")
        #expect(await listener.counters().bindsAccepted == 1)
        #expect(await simulator.sgipCounters().callbackUnbinds == 0)
        try await simulator.stop()
    }
}

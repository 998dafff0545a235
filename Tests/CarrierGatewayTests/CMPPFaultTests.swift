import CarrierGateway
import CarrierSession
import CarrierSimulator
import CarrierWire
import Testing

/// CMPP client against a misbehaving simulated ISMG: drops, flow control, shutdown, TERMINATE,
/// garbage, refused logins.
@Suite(.timeLimit(.minutes(1)))
struct CMPPFaultTests {
    @Test(.serialized, arguments: CMPPLoopback.versions)  // one version at a time: the machine is shared
    func disconnectsMidWindowLoseNothing(_ version: CarrierProtocol) async throws {
        let (simulator, port) = try await CMPPLoopback.simulator(version) {
            $0.responseDelay = .milliseconds(1)
            $0.faults = FaultPlan(dropEvery: 400)
        }
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(version, port: port))
        let total = 2000
        let (first, final, failures) = try await Loopback.running(group) {
            let first = await Loopback.submitAll(group, Array(0..<total), workers: 32)
            var pending = first.filter { (try? $0.value.get()) == nil }.map(\.key).sorted()
            var final = first
            var failures = Loopback.submitErrors(first)
            for _ in 0..<20 where !pending.isEmpty {
                try await Task.sleep(for: .milliseconds(100))  // let the link reconnect
                let again = await Loopback.submitAll(group, pending, workers: 16)
                for (index, result) in again { final[index] = result }
                failures += Loopback.submitErrors(again)
                pending = again.filter { (try? $0.value.get()) == nil }.map(\.key).sorted()
            }
            return (first, final, failures)
        }
        #expect(first.count == total)
        #expect(first.values.contains { (try? $0.get()) == nil }, "the drops must have failed some submits")
        for error in failures {
            let known: [SubmitError.Code] = [.connectionLost, .linkDown]
            #expect(known.contains(error.code), "unexpected \(error)")
        }
        #expect(final.values.allSatisfy { (try? $0.get().messageID) != nil })
        let counters = await simulator.counters()
        #expect(counters.connectionsDropped >= 2)
        #expect(counters.accepted - counters.duplicates == total)
        #expect(counters.duplicates <= failures.filter { $0.retry == .mayDuplicate }.count)
        try await simulator.stop()
    }

    /// The account's bucket holds both links to its TPS. The gateway sets no limit here (Result 8
    /// handling is the next test), so every submit is sent exactly once; only the upper bound is
    /// checked because a loaded machine makes a run slower, never faster. A link ignoring its
    /// bucket would send the 200 submits in a fraction of a second.
    @Test func tpsCapIsRespected() async throws {
        let (simulator, port) = try await CMPPLoopback.simulator()
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(port: port) { $0.tps = 100; $0.connections = 2 })
        let total = 200
        let (results, elapsed) = try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
            let start = ContinuousClock.now
            let results = await Loopback.submitAll(group, Array(0..<total), workers: 32)
            return (results, start.duration(to: .now))
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let rate = Double(total) / seconds
        #expect(results.values.allSatisfy { (try? $0.get().messageID) != nil })
        #expect(rate <= 110, "rate \(rate)/s (100 TPS shared by 2 links + a burst of 5)")
        #expect(await simulator.counters().submitsReceived == total)
        try await simulator.stop()
    }

    @Test(arguments: CMPPLoopback.versions)
    func result8MakesTheLinkBackOff(_ version: CarrierProtocol) async throws {
        let (simulator, port) = try await CMPPLoopback.simulator(version) { $0.tps = 50; $0.tpsBurst = 5 }
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(version, port: port) {
            $0.tps = 0  // we do not know the ISMG's limit: its Result 8 answers must slow us down
            $0.throttlePause = .milliseconds(200)
            $0.throttleRetries = 50
        })
        let total = 100
        let (results, health) = try await Loopback.running(group) {
            let results = await Loopback.submitAll(group, Array(0..<total), workers: 16)
            return (results, await group.health())
        }
        #expect(results.values.allSatisfy { (try? $0.get().messageID) != nil })
        let counters = await simulator.counters()
        #expect(counters.accepted == total)
        #expect(counters.throttled > 0)
        #expect(counters.throttled < 200, "\(counters.throttled) Result 8 answers")
        #expect(health.throttlePauses > 0)
        #expect(health.links.first?.counters.throttled == counters.throttled)
        try await simulator.stop()
    }

    @Test func result8IsReturnedWhenRetriesRunOut() async throws {
        // Every submit is answered Result 8 (injected, so the outcome does not depend on timing).
        let (simulator, port) = try await CMPPLoopback.simulator { $0.faults = FaultPlan(errorRate: 1, errorStatus: 8) }
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(port: port) {
            $0.throttlePause = .milliseconds(50)
            $0.throttleRetries = 0
        })
        let outcome = try await Loopback.running(group) { try await group.submit(Loopback.message(1)) }
        guard case .rejected(let rejection) = outcome else { Issue.record("expected Result 8, got \(outcome)"); return }
        #expect(rejection.code == 8)
        #expect(rejection.retryClass == .throttle)
        #expect(await simulator.counters().accepted == 0)
        try await simulator.stop()
    }

    @Test(arguments: CMPPLoopback.versions)
    func gracefulShutdownCompletesOrFailsEverySubmit(_ version: CarrierProtocol) async throws {
        let (simulator, port) = try await CMPPLoopback.simulator(version) { $0.responseDelay = .milliseconds(1500) }  // long enough that the shutdown lands while the first 8 are in flight, under the 3 s drain deadline
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(version, port: port, window: 8))
        let runner = Task { try await group.run() }
        try await Loopback.eventually { await group.health().status == .up }
        let submits = Task { await Loopback.submitAll(group, Array(0..<30), workers: 30) }
        try await Loopback.eventually { (await group.health().links.first?.inFlight ?? 0) == 8 }
        group.shutdownGracefully()
        let results = await submits.value
        try await runner.value
        #expect(results.count == 30)
        let accepted = results.values.filter { (try? $0.get().messageID) != nil }.count
        #expect(accepted == 8, "the 8 in flight drain")
        for case .failure(let error) in results.values {
            #expect(error as? SubmitError == SubmitError(.shuttingDown, retry: .safe))
        }
        #expect(await simulator.counters().unbinds == 1, "TERMINATE after the drain")
        #expect(await group.health().links.first?.state == .stopped)
        try await simulator.stop()
    }

    @Test func gatewayTerminateIsAnsweredAndTheLinkReconnects() async throws {
        let (simulator, port) = try await CMPPLoopback.simulator()
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(port: port))
        try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
            await simulator.terminateAll()
            try await Loopback.eventually {
                let link = await group.health().links.first
                return (link?.counters.reconnects ?? 0) >= 1 && link?.state == .bound
            }
            #expect(try await group.submit(Loopback.message(3)).messageID != nil)
        }
        #expect(await simulator.counters().loginsOK == 2)
        try await simulator.stop()
    }

    @Test func garbageBytesCauseAReconnect() async throws {
        let (simulator, port) = try await CMPPLoopback.simulator()
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(port: port))
        try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
            await simulator.sendGarbage()
            try await Loopback.eventually {
                let link = await group.health().links.first
                return (link?.counters.reconnects ?? 0) >= 1 && link?.state == .bound
            }
            #expect(try await group.submit(Loopback.message(7)).messageID != nil)
        }
        // At least the reconnect after the garbage; a loaded machine may time out one more login.
        #expect(await simulator.counters().loginsOK >= 2)
        try await simulator.stop()
    }

    @Test func refusedLoginsAreRetriedUntilAccepted() async throws {
        let (simulator, port) = try await CMPPLoopback.simulator {
            $0.faults = FaultPlan(refuseLoginsFor: .seconds(1), refuseStatus: 5)  // ≥ 5: other error, retry
        }
        let group = try CMPPLoopback.group(CMPPLoopback.configuration(port: port))
        try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
        }
        let counters = await simulator.counters()
        #expect(counters.loginsFailed >= 1)
        #expect(counters.loginsOK == 1)
        try await simulator.stop()
    }
}

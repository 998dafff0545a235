import CarrierGateway
import CarrierSession
import CarrierSimulator
import CarrierWire
import Testing

/// SMPP client against a misbehaving simulator: drops, throttling, shutdown, garbage, refusals.
@Suite(.timeLimit(.minutes(1)))
struct SMPPFaultTests {
    @Test func disconnectsMidWindowLoseNothing() async throws {
        let (simulator, port) = try await Loopback.simulator {
            $0.responseDelay = .milliseconds(1)
            $0.faults = FaultPlan(dropEvery: 400)
        }
        let group = try LinkGroup(configuration: Loopback.configuration(port: port))
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
        // Every first attempt ended: answered, or handed back with a reason.
        #expect(first.count == total)
        #expect(first.values.contains { (try? $0.get()) == nil }, "the drops must have failed some submits")
        for error in failures {
            let known: [SubmitError.Code] = [.connectionLost, .linkDown]
            #expect(known.contains(error.code), "unexpected \(error)")
        }
        // Resubmitting the failed ones gets every message accepted.
        #expect(final.values.allSatisfy { (try? $0.get().messageID) != nil })
        let counters = await simulator.counters()
        #expect(counters.connectionsDropped >= 2)
        #expect(counters.accepted - counters.duplicates == total)
        // Duplicates come only from submits the link reported as "may duplicate".
        #expect(counters.duplicates <= failures.filter { $0.retry == .mayDuplicate }.count)
        try await simulator.stop()
    }

    @Test func tpsCapIsRespected() async throws {
        // The simulator sets no limit of its own: scheduling delays on a loaded machine can bunch
        // packets that left the link correctly paced. What is checked is the link's own pacing:
        // never faster than the cap (plus its burst), and every submit accepted. How close a capped
        // link gets to its rate (≥ 98 %) is a benchmark figure: `tocsin bench link --tps 200`.
        let (simulator, port) = try await Loopback.simulator { $0.tps = 0 }
        let group = try LinkGroup(configuration: Loopback.configuration(port: port) { $0.tps = 200; $0.connections = 2 })
        let total = 400
        let (results, elapsed) = try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
            let start = ContinuousClock.now
            let results = await Loopback.submitAll(group, Array(0..<total), workers: 32)
            return (results, start.duration(to: .now))
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let rate = Double(total) / seconds
        #expect(results.values.allSatisfy { (try? $0.get().messageID) != nil })
        #expect(rate <= 215, "rate \(rate)/s (200 TPS + a burst of 10)")
        #expect(await simulator.counters().accepted == total)
        try await simulator.stop()
    }

    @Test func throttleAnswersMakeTheLinkBackOff() async throws {
        let (simulator, port) = try await Loopback.simulator { $0.tps = 50; $0.tpsBurst = 5 }
        let group = try LinkGroup(configuration: Loopback.configuration(port: port) {
            $0.tps = 0  // we do not know the carrier's limit: its throttle answers must slow us down
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
        // Without the pause every throttle answer would be resent at once: thousands of them.
        #expect(counters.throttled < 200, "\(counters.throttled) throttle answers")
        #expect(health.throttlePauses > 0)
        #expect(health.links.first?.counters.throttled == counters.throttled)
        try await simulator.stop()
    }

    @Test func gracefulShutdownCompletesOrFailsEverySubmit() async throws {
        let (simulator, port) = try await Loopback.simulator { $0.responseDelay = .milliseconds(1500) }  // long enough that the shutdown lands while the first 8 are in flight, under the 3 s drain deadline
        let group = try LinkGroup(configuration: Loopback.configuration(port: port, window: 8))
        let runner = Task { try await group.run() }
        try await Loopback.eventually { await group.health().status == .up }
        let submits = Task { await Loopback.submitAll(group, Array(0..<30), workers: 30) }
        try await Loopback.eventually { (await group.health().links.first?.inFlight ?? 0) == 8 }
        group.shutdownGracefully()
        let results = await submits.value  // the suite's time limit catches a hang
        try await runner.value
        #expect(results.count == 30)
        let accepted = results.values.filter { (try? $0.get().messageID) != nil }.count
        #expect(accepted == 8, "the 8 in flight drain")
        for case .failure(let error) in results.values {
            #expect(error as? SubmitError == SubmitError(.shuttingDown, retry: .safe))
        }
        #expect(await simulator.counters().unbinds == 1)
        #expect(await group.health().links.first?.state == .stopped)
        try await simulator.stop()
    }

    @Test func garbageBytesCauseAReconnect() async throws {
        let (simulator, port) = try await Loopback.simulator()
        let group = try LinkGroup(configuration: Loopback.configuration(port: port))
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
        let (simulator, port) = try await Loopback.simulator {
            $0.faults = FaultPlan(refuseLoginsFor: .milliseconds(300), refuseStatus: 0x08)  // ESME_RSYSERR: temporary
        }
        let group = try LinkGroup(configuration: Loopback.configuration(port: port))
        try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
        }
        let counters = await simulator.counters()
        #expect(counters.loginsFailed >= 1)
        #expect(counters.loginsOK == 1)
        try await simulator.stop()
    }
}

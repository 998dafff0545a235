import CarrierGateway
import CarrierSession
import CarrierSimulator
import CarrierWire
import Testing

/// SGIP client against a misbehaving simulator: drops, throttling, shutdown with submits in flight.
@Suite(.timeLimit(.minutes(1)))
struct SGIPFaultTests {
    @Test func disconnectsMidWindowLoseNothing() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator { configuration, _ in
            configuration.responseDelay = .milliseconds(1)
            configuration.faults = FaultPlan(dropEvery: 400)
        }
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port))
        let total = 2000
        let (first, final, failures) = try await SGIPLoopback.running(group, listener, simulator) {
            let first = await Loopback.submitAll(group, Array(0..<total), workers: 32) { SGIPLoopback.message($0) }
            var pending = first.filter { (try? $0.value.get()) == nil }.map(\.key).sorted()
            var final = first
            var failures = Loopback.submitErrors(first)
            for _ in 0..<20 where !pending.isEmpty {
                try await Task.sleep(for: .milliseconds(100))  // let the link reconnect
                let again = await Loopback.submitAll(group, pending, workers: 16) { SGIPLoopback.message($0) }
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

    @Test func throttleResult88MakesTheLinkBackOff() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator { configuration, _ in
            configuration.tps = 50
            configuration.tpsBurst = 5
        }
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port) {
            $0.tps = 0  // the carrier's limit is unknown: its throttle answers must slow us down
            $0.throttlePause = .milliseconds(200)
            $0.throttleRetries = 50
        })
        let total = 100
        let (results, health) = try await SGIPLoopback.running(group, listener, simulator) {
            let results = await Loopback.submitAll(group, Array(0..<total), workers: 16) { SGIPLoopback.message($0) }
            return (results, await group.health())
        }
        #expect(results.values.allSatisfy { (try? $0.get().messageID) != nil })
        let counters = await simulator.counters()
        #expect(counters.accepted == total)
        #expect(counters.throttled > 0)
        #expect(counters.throttled < 200, "\(counters.throttled) throttle answers")
        #expect(health.throttlePauses > 0)
        #expect(health.links.first?.counters.throttled == counters.throttled)
        try await simulator.stop()
    }

    @Test func nodeBusyWhenTheWindowIsExceeded() async throws {
        // The link allows 8 in flight, the SMG only 4: the rest are answered 11 "node busy", a
        // throttle-class answer the link retries after its pause.
        let (simulator, port) = try await SGIPLoopback.simulator { configuration, _ in
            configuration.windowSize = 4
            configuration.responseDelay = .milliseconds(20)
        }
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port, window: 8) {
            $0.throttlePause = .milliseconds(50)
            $0.throttleRetries = 100
        })
        let results = try await SGIPLoopback.running(group, listener, simulator) {
            await Loopback.submitAll(group, Array(0..<40), workers: 8) { SGIPLoopback.message($0) }
        }
        #expect(results.values.allSatisfy { (try? $0.get().messageID) != nil })
        let counters = await simulator.counters()
        #expect(counters.windowExceeded > 0)
        #expect(counters.accepted == 40)
        try await simulator.stop()
    }

    /// sgip.md §3/§8: a Submit whose response times out is resent under the same SequenceNumber,
    /// and the SMG takes it once.
    @Test func timedOutSubmitIsResentUnderTheSameSequenceAndTakenOnce() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator()
        // The stall is long against the response timeout so that the resend happens however
        // slowly this machine schedules the submit; the attempt budget outlasts the stall.
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port) {
            $0.session.responseTimeout = .milliseconds(300)
            $0.session.maxAttempts = 12
        })
        let outcome = try await SGIPLoopback.running(group, listener, simulator) {
            try await Loopback.eventually { await group.health().status == .up }
            await simulator.stallResponses(for: .seconds(2))
            return try await group.submit(SGIPLoopback.message(1))
        }
        #expect(outcome.messageID != nil)
        let counters = await simulator.counters()
        let resends = await simulator.sgipCounters().resends
        #expect(counters.submitsReceived >= 2)
        #expect(resends == counters.submitsReceived - 1)
        #expect(counters.accepted == 1)
        #expect(counters.duplicates == 0)
        try await simulator.stop()
    }

    @Test func gracefulShutdownCompletesOrFailsEverySubmit() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator { configuration, _ in configuration.responseDelay = .seconds(1) }
        let (group, listener) = try SGIPLoopback.link(SGIPLoopback.configuration(port: port, window: 8))
        _ = try await listener.start()
        let runner = Task { try await group.run() }
        try await Loopback.eventually { await group.health().status == .up }
        let submits = Task { await Loopback.submitAll(group, Array(0..<30), workers: 30) { SGIPLoopback.message($0) } }
        try await Loopback.eventually { (await group.health().links.first?.inFlight ?? 0) == 8 }
        group.shutdownGracefully()
        let results = await submits.value
        try await runner.value
        await listener.stop()
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
}

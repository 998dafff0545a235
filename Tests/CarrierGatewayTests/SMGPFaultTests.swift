import CarrierGateway
import CarrierSession
import CarrierSimulator
import CarrierWire
import Testing

/// SMGP client against a misbehaving SMGW simulator: drops, "system busy", shutdown, garbage,
/// temporary login refusals.
@Suite(.timeLimit(.minutes(1)))
struct SMGPFaultTests {
    @Test func disconnectsMidWindowLoseNothing() async throws {
        let (simulator, port) = try await SMGPLoopback.simulator {
            $0.responseDelay = .milliseconds(1)
            $0.faults = FaultPlan(dropEvery: 400)
        }
        let group = try SMGPLoopback.group(SMGPLoopback.configuration(port: port))
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
        #expect(counters.loginsOK >= 3)  // every drop was followed by a new Login
        #expect(counters.accepted - counters.duplicates == total)
        #expect(counters.duplicates <= failures.filter { $0.retry == .mayDuplicate }.count)
        try await simulator.stop()
    }

    @Test func systemBusyAnswersMakeTheLinkBackOff() async throws {
        let (simulator, port) = try await SMGPLoopback.simulator { $0.tps = 50; $0.tpsBurst = 5 }
        let group = try SMGPLoopback.group(SMGPLoopback.configuration(port: port) {
            $0.tps = 0  // we do not know the SMGW's limit: its Status 1 answers must slow us down
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
        #expect(counters.throttled < 200, "\(counters.throttled) system-busy answers")
        #expect(health.throttlePauses > 0)
        #expect(health.links.first?.counters.throttled == counters.throttled)
        try await simulator.stop()
    }

    @Test func systemBusyIsReturnedAfterTheRetriesRunOut() async throws {
        // Every submit is answered status 1 (injected, so the outcome does not depend on timing).
        let (simulator, port) = try await SMGPLoopback.simulator { $0.faults = FaultPlan(errorRate: 1, errorStatus: 1) }
        let group = try SMGPLoopback.group(SMGPLoopback.configuration(port: port) {
            $0.throttlePause = .milliseconds(20)
            $0.throttleRetries = 0
        })
        let outcome = try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
            return try await group.submit(Loopback.message(1))
        }
        guard case .rejected(let rejection) = outcome else { Issue.record("submit was \(outcome)"); return }
        #expect(rejection.code == 1)
        #expect(rejection.retryClass == .throttle)
        #expect(await simulator.counters().accepted == 0)
        try await simulator.stop()
    }

    @Test func windowOverrunIsAnsweredBusyAndRetried() async throws {
        // The SMGW allows 8 outstanding (§9 W); a link configured for 16 overruns it.
        let (simulator, port) = try await SMGPLoopback.simulator { $0.windowSize = 8; $0.responseDelay = .milliseconds(20) }
        let group = try SMGPLoopback.group(SMGPLoopback.configuration(port: port, window: 16) {
            $0.throttlePause = .milliseconds(50)
            $0.throttleRetries = 50
        })
        let results = try await Loopback.running(group) {
            await Loopback.submitAll(group, Array(0..<64), workers: 16)
        }
        #expect(results.values.allSatisfy { (try? $0.get().messageID) != nil })
        let counters = await simulator.counters()
        #expect(counters.windowExceeded > 0)
        #expect(counters.accepted == 64)
        try await simulator.stop()
    }

    @Test func validityAlreadyOverIsRefusedWith37() async throws {
        let (simulator, port) = try await SMGPLoopback.simulator()
        // The link's clock is stuck in March 2025: every absolute ValidTime it writes is in the past.
        let group = try SMGPLoopback.group(SMGPLoopback.configuration(port: port),
                                           options: SMGPAdapter.Options(clock: SMGPAdapterTests.clock))
        let outcome = try await Loopback.running(group) {
            try await group.submit(Loopback.message(1, validity: .seconds(60)))
        }
        #expect(outcome == .rejected(CarrierRejection(code: 37, text: "SMGP status 37 (validity already expired)",
                                                      retryClass: .permanent)))
        #expect(await simulator.counters().accepted == 0)
        try await simulator.stop()
    }

    @Test func gracefulShutdownCompletesOrFailsEverySubmit() async throws {
        let (simulator, port) = try await SMGPLoopback.simulator { $0.responseDelay = .milliseconds(1500) }  // long enough that the shutdown lands while the first 8 are in flight, under the 3 s drain deadline
        let group = try SMGPLoopback.group(SMGPLoopback.configuration(port: port, window: 8))
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
        #expect(await simulator.counters().unbinds == 1)  // one Exit, answered with Exit_Resp
        #expect(await group.health().links.first?.state == .stopped)
        try await simulator.stop()
    }

    @Test func garbageBytesCauseAReconnect() async throws {
        let (simulator, port) = try await SMGPLoopback.simulator()
        let group = try SMGPLoopback.group(SMGPLoopback.configuration(port: port))
        try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
            await simulator.sendGarbage()
            try await Loopback.eventually {
                let link = await group.health().links.first
                return (link?.counters.reconnects ?? 0) >= 1 && link?.state == .bound
            }
            #expect(try await group.submit(Loopback.message(7)).messageID != nil)
        }
        #expect(await simulator.counters().loginsOK == 2)
        try await simulator.stop()
    }

    @Test func tooManyConnectionsIsRetriedUntilAccepted() async throws {
        let (simulator, port) = try await SMGPLoopback.simulator {
            $0.faults = FaultPlan(refuseLoginsFor: .milliseconds(300), refuseStatus: 2)  // §7 Status 2: temporary
        }
        let group = try SMGPLoopback.group(SMGPLoopback.configuration(port: port))
        try await Loopback.running(group) {
            try await Loopback.eventually { await group.health().status == .up }
        }
        let counters = await simulator.counters()
        #expect(counters.loginsFailed >= 1)
        #expect(counters.loginsOK == 1)
        #expect(await simulator.observations().loginRefusals[2, default: 0] == counters.loginsFailed)
        try await simulator.stop()
    }
}

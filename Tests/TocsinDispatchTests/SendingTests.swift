import CarrierSimulator
import Foundation
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinDispatch
@testable import TocsinStorage

/// Sending: priority, expiry, stop, retries — end to end against the SMPP simulator on 127.0.0.1.
@Suite struct SendingTests {
    static func simulator(responseDelay: Duration = .zero, reportDelay: Duration = .milliseconds(5), faults: FaultPlan = FaultPlan(),
                          window: Int = 64) -> SimulatorConfiguration {
        SimulatorConfiguration(accounts: [DispatchFixture.account: DispatchFixture.secret], windowSize: window, responseDelay: responseDelay,
                               reportDelay: reportDelay, faults: faults)
    }

    /// The order as runs, e.g. "R160 b52 R40" (R red, b blue), for a failure message.
    static func runs(_ red: ArraySlice<Bool>) -> String {
        var out: [String] = [], current = red.first ?? false, length = 0
        for r in red {
            if r == current { length += 1 } else { out.append("\(current ? "R" : "b")\(length)"); current = r; length = 1 }
        }
        out.append("\(current ? "R" : "b")\(length)")
        return out.joined(separator: " ")
    }

    @Test(arguments: TestEngine.available)
    func redOvertakesBlue(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await DispatchFixture.seedContacts(store, count: 2000, region: "110105")
            try await DispatchFixture.seedContacts(store, count: 200, region: "110108")
            // Slow answers so the blue dispatch is still sending when the red one is approved.
            let sim = try await SimulatedAccount(window: 4, simulator: Self.simulator(responseDelay: .milliseconds(2)))
            let run = DispatchRun(store: store, accounts: [sim.account])
            let blue = try DispatchFixture.warning(.blue, region: "110105")
            try await run.dispatcher.dispatch(blue, approvedAt: DispatchFixture.base)
            #expect(try await run.wait { sim.account.destinations.count >= 300 })
            let red = try DispatchFixture.warning(.red, second: 1, region: "110108")
            try await run.dispatcher.dispatch(red, approvedAt: DispatchFixture.base)
            #expect(try await run.finished(red)?.total.delivered == 200)
            #expect(try await run.finished(blue)?.total.delivered == 2000)
            // Red numbers are 13800002001…13800002200 (contacts 2001–2200).
            let destinations = sim.account.destinations
            let order = destinations.map { (Int64($0) ?? 0) > 13800002000 }
            let firstRed = try #require(order.firstIndex(of: true))
            let lastRed = try #require(order.lastIndex(of: true))
            // A blue number first sent inside the red span is a priority inversion; a blue number
            // sent again there is a resubmit of one already on the wire before red was approved
            // (a timed-out answer on a loaded machine), not blue resuming.
            var seen = Set(destinations[..<firstRed])
            var newBlueInside = 0
            for i in firstRed...lastRed where !order[i] {
                if seen.insert(destinations[i]).inserted { newBlueInside += 1 }
            }
            #expect(firstRed >= 300, "blue was sending first")
            #expect(lastRed < order.count - 1, "blue resumed after red")
            // Only submits a worker had already taken when red was planned may interleave: at most one per window slot.
            #expect(newBlueInside <= 4, "\(newBlueInside) blue numbers first sent between the first and last red one: \(Self.runs(order[firstRed...lastRed]))")
            await run.stop()
            await sim.shutdown()
        }
    }

    @Test(arguments: TestEngine.available)
    func unsentDeliveriesExpire(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await DispatchFixture.seedContacts(store, count: 100)
            // The carrier refuses every login: nothing can be sent.
            let sim = try await SimulatedAccount(simulator: Self.simulator(faults: FaultPlan(refuseLoginsFor: .seconds(3600))))
            let clock = ManualClock(DispatchFixture.base)
            let run = DispatchRun(store: store, accounts: [sim.account], clock: clock)
            let w = try DispatchFixture.warning(.orange, validity: 600)
            try await run.dispatcher.dispatch(w, approvedAt: DispatchFixture.base)
            #expect(try await run.wait { try await run.progress(w)?.total.pending == 100 })
            clock.advance(by: 601)
            let p = try #require(try await run.finished(w))
            #expect(p.total.expired == 100)
            #expect(p.total.submitted + p.total.delivered == 0)
            let ledger = try await run.ledger(w)
            let other = ledger.filter { $0.state != "expired" || $0.reason != "not sent before the warning expired" }
            #expect(other.isEmpty, "\(other.prefix(3).map { "\($0.state) \($0.attempts) \($0.reason ?? "-")" })")
            #expect(await sim.simulator.counters().accepted == 0)
            await run.stop()
            await sim.shutdown()
        }
    }

    @Test(arguments: TestEngine.available)
    func stopCancelsWhatIsNotSent(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await DispatchFixture.seedContacts(store, count: 400)
            let sim = try await SimulatedAccount(window: 2, simulator: Self.simulator(responseDelay: .milliseconds(20)))
            let run = DispatchRun(store: store, accounts: [sim.account])
            let w = try DispatchFixture.warning(.yellow)
            try await run.dispatcher.dispatch(w, approvedAt: DispatchFixture.base)
            #expect(try await run.wait { sim.account.destinations.count >= 20 })
            try await run.dispatcher.stop(w.id, reason: "lifted by a cancel message", at: DispatchFixture.base)
            let sentAtStop = sim.account.destinations.count
            let p = try #require(try await run.finished(w))
            #expect(p.total.cancelled > 300)
            #expect(p.total.cancelled + p.total.delivered == 400)
            // What was already handed to the link keeps its outcome; nothing new is handed over.
            #expect(sim.account.destinations.count <= sentAtStop + 2)
            #expect(await sim.simulator.counters().accepted == p.total.delivered)
            #expect(run.observer.finished.isEmpty, "a stopped warning is not reported as completed")
            let cancelled = try await run.ledger(w).filter { $0.state == "cancelled" }
            #expect(cancelled.allSatisfy { $0.reason?.contains("stopped") == true })
            await run.stop()
            await sim.shutdown()
        }
    }

    @Test(arguments: TestEngine.available)
    func transientFailuresAreRetriedPermanentOnesRecorded(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await DispatchFixture.seedContacts(store, count: 200, region: "110105")
            try await DispatchFixture.seedContacts(store, count: 50, region: "110108")
            // 30 % ESME_RSYSERR (retry later).
            let flaky = try await SimulatedAccount(simulator: Self.simulator(faults: FaultPlan(errorRate: 0.3, errorStatus: 0x08)))
            let run = DispatchRun(store: store, accounts: [flaky.account])
            let w = try DispatchFixture.warning(.orange, region: "110105")
            try await run.dispatcher.dispatch(w, approvedAt: DispatchFixture.base)
            let p = try #require(try await run.finished(w))
            #expect(p.total.delivered == 200)
            #expect(try await run.ledger(w).contains { $0.attempts > 1 })
            await run.stop()
            await flaky.shutdown()

            // Every submit refused with ESME_RINVDSTADR (permanent).
            let refusing = try await SimulatedAccount(simulator: Self.simulator(faults: FaultPlan(errorRate: 1, errorStatus: 0x0B)))
            let run2 = DispatchRun(store: store, accounts: [refusing.account])
            let bad = try DispatchFixture.warning(.orange, second: 1, region: "110108")
            try await run2.dispatcher.dispatch(bad, approvedAt: DispatchFixture.base)
            let q = try #require(try await run2.finished(bad))
            #expect(q.total.failed == 50)
            let ledger = try await run2.ledger(bad)
            #expect(ledger.allSatisfy { $0.attempts == 1 && $0.statusCode == "11" && $0.reason?.contains("ESME_RINVDSTADR") == true })
            await run2.stop()
            await refusing.shutdown()
        }
    }
}

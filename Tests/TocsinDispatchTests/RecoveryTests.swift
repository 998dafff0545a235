import CarrierSimulator
import Foundation
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinDispatch
@testable import TocsinStorage

/// Crash recovery and faults: nobody is lost, duplicates stay within the windows.
@Suite struct RecoveryTests {
    @Test(arguments: TestEngine.available)
    func aCrashedDispatcherLosesNobody(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let n = 3000
            try await DispatchFixture.seedContacts(store, count: n)
            let sim = try await SimulatedAccount(connections: 2, window: 8)
            let windowSum = 16
            let first = DispatchRun(store: store, accounts: [sim.account])
            let w = try DispatchFixture.warning(.orange)
            try await first.dispatcher.dispatch(w, approvedAt: DispatchFixture.base)
            #expect(try await first.wait { sim.account.destinations.count >= 800 })
            // Crash: the dispatcher and its connections stop where they are.
            await first.abandon()
            try await sim.reconnect()
            let second = DispatchRun(store: store, accounts: [sim.account])
            // Reports the crashed run had taken from its links but not committed are lost with it
            // (the link acknowledged them to the carrier): those deliveries stay `submitted` until
            // the expiry sweep closes them. Everything else ends delivered.
            _ = try await second.wait(seconds: 90) {
                let p = try await second.progress(w)
                return p?.total.pending == 0 && (p?.total.delivered ?? 0) + (p?.total.submitted ?? 0) == n && (p?.total.submitted ?? n) <= windowSum
            }
            try await Task.sleep(for: .milliseconds(500))
            let p = try #require(try await second.progress(w))
            let counters = await sim.simulator.counters()
            #expect(counters.accepted - counters.duplicates == n, "every recipient reached the carrier at least once")
            #expect(counters.duplicates <= windowSum, "\(counters.duplicates) duplicates, windows hold \(windowSum)")
            #expect(p.total.pending == 0)
            #expect(p.total.delivered + p.total.submitted == n)
            #expect(p.total.submitted <= windowSum, "\(p.total.submitted) reports lost with the crashed run")
            await second.stop()
            await sim.shutdown()
        }
    }

    @Test(arguments: TestEngine.available)
    func faultsLoseNobody(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let n = 3000
            try await DispatchFixture.seedContacts(store, count: n)
            // Connections dropped every 400 PDUs, 5 % flow-control answers (ESME_RTHROTTLED).
            let config = SimulatorConfiguration(accounts: [DispatchFixture.account: DispatchFixture.secret], windowSize: 64,
                                                reportDelay: .milliseconds(5), faults: FaultPlan(dropEvery: 400, errorRate: 0.05, errorStatus: 0x58))
            let sim = try await SimulatedAccount(connections: 2, window: 8, simulator: config)
            let run = DispatchRun(store: store, accounts: [sim.account])
            let w = try DispatchFixture.warning(.red)
            try await run.dispatcher.dispatch(w, approvedAt: DispatchFixture.base)
            let p = try #require(try await run.finished(w, seconds: 120))
            let counters = await sim.simulator.counters()
            #expect(counters.connectionsDropped > 0)
            #expect(counters.accepted - counters.duplicates == n, "0 recipients lost")
            #expect(p.total.delivered == n)
            #expect(p.total.failed == 0)
            await run.stop()
            await sim.shutdown()
        }
    }
}

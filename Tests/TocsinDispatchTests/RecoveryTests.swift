import CarrierSimulator
import Foundation
import SQLKit
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
            // Reports the crashed run had not recorded were never answered (the links wait for
            // the commit), so the carrier delivers them again to the new run: everyone ends delivered.
            _ = try await second.wait(seconds: 90) {
                let p = try await second.progress(w)
                return p?.total.pending == 0 && p?.total.delivered == n
            }
            let p = try #require(try await second.progress(w))
            let counters = await sim.simulator.counters()
            #expect(counters.accepted - counters.duplicates == n, "every recipient reached the carrier at least once")
            #expect(counters.duplicates <= windowSum, "\(counters.duplicates) duplicates, windows hold \(windowSum)")
            #expect(p.total.pending == 0)
            #expect(p.total.delivered == n, "\(p.total.submitted) still waiting for a report")
            #expect(p.isFinished)
            await second.stop()
            await sim.shutdown()
        }
    }

    /// A buffer that takes longer to send than the lease keeps its claims: leases are renewed, so
    /// no claim of a live node ever runs out (another node could take it back, and the delivery
    /// would be given back unsent and wait behind whatever was claimed meanwhile).
    @Test(arguments: TestEngine.available)
    func leasesOfBufferedClaimsAreRenewed(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let n = 100
            try await DispatchFixture.seedContacts(store, count: n)
            // One slot and 60 ms per answer: the 100 claimed at once take 6 s, twice the lease. The
            // lease is renewed with half of it (1.5 s) left: margin for a loaded CI machine.
            let sim = try await SimulatedAccount(window: 1, simulator: SendingTests.simulator(responseDelay: .milliseconds(60)))
            var config = DispatchRun.fast
            config.leaseDuration = .seconds(3)
            let clock = ShiftedClock()
            let run = DispatchRun(store: store, accounts: [sim.account], clock: clock, configuration: config)
            let w = try DispatchFixture.warning(.orange)
            try await run.dispatcher.dispatch(w, approvedAt: DispatchFixture.base)
            var expiredSeen = 0, claimedSeen = 0
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline, try await run.progress(w)?.isFinished != true {
                let rows = try await store.sql.raw("""
                    SELECT COUNT(*) AS c, COALESCE(SUM(CASE WHEN lease_until < \(bind: clock.now().millis) THEN 1 ELSE 0 END), 0) AS e
                    FROM deliveries WHERE state = 1
                    """).all()
                claimedSeen = max(claimedSeen, try rows.first?.decode(column: "c", as: Int.self) ?? 0)
                expiredSeen = max(expiredSeen, try rows.first?.decode(column: "e", as: Int.self) ?? 0)
                try await Task.sleep(for: .milliseconds(100))
            }
            let p = try #require(try await run.progress(w))
            #expect(p.total.delivered == n)
            #expect(claimedSeen > 50, "the buffer held many claims at once (\(claimedSeen))")
            #expect(expiredSeen == 0, "\(expiredSeen) claims ran out while this node held them")
            #expect(await sim.simulator.counters().duplicates == 0)
            await run.stop()
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

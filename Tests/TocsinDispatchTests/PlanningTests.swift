import CarrierSimulator
import Foundation
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinDispatch
@testable import TocsinStorage

/// Planning: one row per (warning, number), idempotent, routed by carrier; drills only on test links.
@Suite struct PlanningTests {
    @Test(arguments: TestEngine.available)
    func planningTwiceSendsOnce(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await DispatchFixture.seedContacts(store, count: 300)
            let sim = try await SimulatedAccount()
            let run = DispatchRun(store: store, accounts: [sim.account])
            let w = try DispatchFixture.warning(.yellow)
            try await run.dispatcher.dispatch(w, approvedAt: DispatchFixture.base)
            try await run.dispatcher.dispatch(w, approvedAt: DispatchFixture.base)
            let p = try await run.finished(w)
            #expect(p?.total.planned == 300)
            #expect(p?.total.delivered == 300)
            // A new node (after a restart) dispatching the same warning plans and sends nothing new.
            await run.stop()
            try await sim.reconnect() // a link group's reports have one reader for its lifetime
            let again = DispatchRun(store: store, accounts: [sim.account])
            try await again.dispatcher.dispatch(w, approvedAt: DispatchFixture.base)
            #expect(try await again.progress(w)?.total.planned == 300)
            let rows = try await store.sql.raw("SELECT COUNT(*) AS n FROM deliveries").first()?.decode(column: "n", as: Int.self)
            #expect(rows == 300)
            // Re-planning the same numbers writes nothing.
            let record = try #require(try await store.dispatchRecord(warningID: w.id.description))
            let replay = (1...300).map { PlannedDelivery(number: 13800000000 + Int64($0), contactID: Int64($0), carrier: 0, route: 0) }
            #expect(try await store.planDeliveries(replay, dispatchID: record.id, priority: 3) == 0)
            try await Task.sleep(for: .milliseconds(200))
            #expect(await sim.simulator.counters().accepted == 300)
            #expect(run.observer.started == [w.id])
            #expect(run.observer.finished == [w.id])
            await again.stop()
            await sim.shutdown()
        }
    }

    @Test(arguments: TestEngine.available)
    func carriersWithoutALinkFailWithAReason(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await DispatchFixture.seedContacts(store, count: 90, mixed: true)
            let mobile = try await SimulatedAccount(carrier: "mobile")
            let run = DispatchRun(store: store, accounts: [mobile.account])
            let w = try DispatchFixture.warning(.orange)
            try await run.dispatcher.dispatch(w, approvedAt: DispatchFixture.base)
            let p = try #require(try await run.finished(w))
            #expect(p.byCarrier["mobile"]?.delivered == 30)
            #expect(p.byCarrier["unicom"]?.failed == 30)
            #expect(p.byCarrier["telecom"]?.failed == 30)
            let ledger = try await run.ledger(w)
            #expect(ledger.count == 90)
            #expect(ledger.filter { $0.carrier == "unicom" }.allSatisfy { $0.state == "failed" && $0.reason == "no link is configured for carrier unicom" })
            await run.stop()
            await mobile.shutdown()
        }
    }

    @Test(arguments: TestEngine.available)
    func drillsUseOnlyTestLinks(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await DispatchFixture.seedContacts(store, count: 50)
            let real = try await SimulatedAccount(carrier: "mobile")
            // Without a test link a drill is refused, clearly.
            let refusing = DispatchRun(store: store, accounts: [real.account])
            let drill = try DispatchFixture.warning(.red, mode: .drill)
            await #expect(throws: DispatchError.self) { try await refusing.dispatcher.dispatch(drill, approvedAt: DispatchFixture.base) }
            do {
                try await refusing.dispatcher.dispatch(drill, approvedAt: DispatchFixture.base)
            } catch let e as DispatchError {
                #expect(e.code == .noTestLink)
            }
            await refusing.stop()
            try await real.reconnect()

            let test = try await SimulatedAccount(carrier: "mobile", isTestLink: true)
            let run = DispatchRun(store: store, accounts: [real.account, test.account])
            try await run.dispatcher.dispatch(drill, approvedAt: DispatchFixture.base)
            #expect(try await run.finished(drill)?.total.delivered == 50)
            let actual = try DispatchFixture.warning(.blue, second: 1)
            try await run.dispatcher.dispatch(actual, approvedAt: DispatchFixture.base)
            #expect(try await run.finished(actual)?.total.delivered == 50)
            #expect(await test.simulator.counters().accepted == 50, "the drill went over the test link only")
            #expect(await real.simulator.counters().accepted == 50, "the real warning went over the real link only")
            #expect(test.account.destinations.count == 50)
            await run.stop()
            await real.shutdown()
            await test.shutdown()
        }
    }
}

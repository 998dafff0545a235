import CarrierSimulator
import Foundation
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinDispatch
@testable import TocsinStorage

/// Status reports and replies, end to end against the SMPP simulator on 127.0.0.1.
@Suite struct ReceiptsTests {
    @Test(arguments: TestEngine.available)
    func reportsThatOvertakeTheirResponseAreKept(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await DispatchFixture.seedContacts(store, count: 100)
            // The report is sent at once, the submit response 50 ms later.
            let config = SimulatorConfiguration(accounts: [DispatchFixture.account: DispatchFixture.secret], responseDelay: .milliseconds(50),
                                                reportDelay: .zero, outcomes: OutcomeMix(delivered: 3, undeliverable: 1))
            let sim = try await SimulatedAccount(window: 8, simulator: config)
            let run = DispatchRun(store: store, accounts: [sim.account])
            let w = try DispatchFixture.warning(.red)
            try await run.dispatcher.dispatch(w, approvedAt: DispatchFixture.base)
            let p = try #require(try await run.finished(w))
            let counters = await sim.simulator.counters()
            // The simulator draws an outcome per accepted submit (a resent one draws again).
            #expect(p.total.delivered <= counters.outcomes["DELIVRD"] ?? 0)
            #expect(p.total.failed <= counters.outcomes["UNDELIV"] ?? 0)
            #expect(p.total.failed > 0)
            #expect(p.total.delivered + p.total.failed == 100)
            #expect(p.delivered50At != nil)
            #expect(run.dispatcher.matcher.counts.dropped == 0)
            let undelivered = try await run.ledger(w).filter { $0.state == "failed" }
            #expect(undelivered.allSatisfy { $0.statusCode?.hasPrefix("UNDELIV") == true && $0.messageID != nil })
            await run.stop()
            await sim.shutdown()
        }
    }

    @Test(arguments: TestEngine.available)
    func repliesAcknowledgeTheLatestWarning(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await DispatchFixture.seedContacts(store, count: 5)
            let sim = try await SimulatedAccount()
            let run = DispatchRun(store: store, accounts: [sim.account])
            let first = try DispatchFixture.warning(.blue)
            try await run.dispatcher.dispatch(first, approvedAt: DispatchFixture.base)
            #expect(try await run.finished(first)?.total.delivered == 5)
            let second = try DispatchFixture.warning(.yellow, second: 1)
            try await run.dispatcher.dispatch(second, approvedAt: DispatchFixture.base.addingTimeInterval(1))
            #expect(try await run.finished(second)?.total.delivered == 5)
            let ucs2 = Array("收到".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            await sim.simulator.injectMO(from: "8613800000002", to: "12379", content: ucs2, dataCoding: 8)
            await sim.simulator.injectMO(from: "13800000004", to: "12379", content: Array("1".utf8), dataCoding: 0)
            #expect(try await run.wait { try await run.progress(second)?.total.acknowledged == 2 })
            #expect(try await run.progress(first)?.total.acknowledged == 0)
            let acked = try await run.ledger(second).filter { $0.acknowledgedAt != nil }.map(\.number).sorted()
            #expect(acked == ["13800000002", "13800000004"])
            await run.stop()
            await sim.shutdown()
        }
    }
}

import Foundation
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinStorage

/// The deliveries queue's writes on both engines: claims in priority order, and the group
/// commit's guards — an acceptance counts only for the claim's attempt, a report only for a
/// submitted delivery, and the store says exactly which changes took effect. On a SQLite file
/// these run on the direct writer (`SQLiteDirect`), elsewhere through SQLKit.
@Suite struct DispatchQueueContractTests {
    private let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// A dispatch with `count` queued deliveries on route 0, numbers 13800000000 + i.
    private func seed(_ store: Store, count: Int, priority: Int = 2, warning: String = "w1") async throws -> Int64 {
        let (record, _) = try await store.openDispatch(warningID: warning, priority: priority, approvedAt: t0,
                                                       expiresAt: t0.addingTimeInterval(3600), warningJSON: "{}")
        let rows = (0..<count).map { PlannedDelivery(number: 13_800_000_000 + Int64($0), contactID: Int64($0), carrier: 0, route: 0) }
        #expect(try await store.planDeliveries(rows, dispatchID: record.id, priority: priority) == count)
        return record.id
    }

    private func claim(_ store: Store, _ limit: Int, priorities: ClosedRange<Int> = 1...8) async throws -> [ClaimedDelivery] {
        try await store.claimDeliveries(route: 0, priorities: priorities, limit: limit, owner: "node-a",
                                        leaseUntil: t0.addingTimeInterval(60), now: t0, avoiding: "")
    }

    @Test(arguments: TestEngine.available)
    func claimsTakeTheMostUrgentFirstAndNeverTwice(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            _ = try await seed(store, count: 5, priority: 4, warning: "blue")
            let red = try await seed(store, count: 3, priority: 1, warning: "red")
            let first = try await claim(store, 4)
            #expect(first.count == 4)
            #expect(first.prefix(3).allSatisfy { $0.dispatchID == red && $0.priority == 1 && $0.attempt == 1 })
            #expect(first[3].priority == 4)
            let rest = try await claim(store, 100)
            #expect(rest.count == 4)
            #expect(Set(first.map(\.id)).isDisjoint(with: rest.map(\.id)))
            #expect(try await claim(store, 100).isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func groupCommitAppliesOnlyWhatItsGuardsAllow(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let dispatch = try await seed(store, count: 6)
            let c = try await claim(store, 5)  // the sixth stays queued
            let queued = try #require(try await store.ledger(dispatchID: dispatch, after: nil, limit: 10, carrierNames: ["mobile"]).last?.seq)
            var batch = DeliveryChanges()
            batch.accepted = [
                .init(id: c[0].id, attempt: 1, account: "mobile-1", messageID: "m0", at: t0),
                .init(id: c[1].id, attempt: 2, account: "mobile-1", messageID: "m1", at: t0),   // a stale attempt
                .init(id: c[2].id, attempt: 1, account: "mobile-1", messageID: "m2", at: t0),
                .init(id: c[3].id, attempt: 1, account: "mobile-1", messageID: "m3", at: t0),
            ]
            batch.reported = [
                .init(id: c[2].id, state: .delivered, statusCode: "DELIVRD", reason: nil, at: t0),  // overtook its acceptance
                .init(id: c[4].id, state: .delivered, statusCode: "DELIVRD", reason: nil, at: t0),  // claimed, never submitted
                .init(id: queued, state: .failed, statusCode: "UNDELIV", reason: "x", at: t0),      // still queued
            ]
            let applied = try await store.apply(batch)
            #expect(applied.accepted == [c[0].id, c[2].id, c[3].id])
            #expect(applied.reported == [c[2].id])

            // A second report for c[2] and a first one for c[3]: only c[3]'s is new.
            var reports = DeliveryChanges()
            reports.reported = [
                .init(id: c[2].id, state: .failed, statusCode: "UNDELIV", reason: "late repeat", at: t0),
                .init(id: c[3].id, state: .failed, statusCode: "UNDELIV MK:0005", reason: "undeliverable", at: t0),
            ]
            let second = try await store.apply(reports)
            #expect(second.reported == [c[3].id])
            #expect(second.accepted.isEmpty)

            let ledger = try await store.ledger(dispatchID: dispatch, after: nil, limit: 10, carrierNames: ["mobile"])
            let byID = Dictionary(uniqueKeysWithValues: ledger.map { ($0.seq, $0) })
            #expect(byID[c[0].id]?.state == DeliveryState.submitted.ledgerName)
            #expect(byID[c[0].id]?.messageID == "m0")
            #expect(byID[c[1].id]?.state == "pending")  // still claimed (attempt 1)
            #expect(byID[c[1].id]?.attempts == 1)
            #expect(byID[c[1].id]?.messageID == nil)
            #expect(byID[c[2].id]?.state == DeliveryState.delivered.ledgerName)
            #expect(byID[c[2].id]?.messageID == "m2")
            #expect(byID[c[3].id]?.state == DeliveryState.failed.ledgerName)
            #expect(byID[c[3].id]?.reason == "undeliverable")
            #expect(byID[c[4].id]?.state == "pending")
            #expect(byID[c[4].id]?.statusCode == nil)
            #expect(byID[queued]?.state == "pending")
            #expect(byID[queued]?.attempts == 0)
            #expect(byID[queued]?.statusCode == nil)
            #expect(try await store.deliveries(withMessageIDs: ["m0", "m1", "m2"]).map(\.id).sorted() == [c[0].id, c[2].id].sorted())
        }
    }

    /// The group commit's turn (`applyOutcomes`): on a SQLite file the batch `next` hands over is
    /// written in the same turn, each batch in its own transaction, and `next` is asked again
    /// until it has nothing; each batch's `committed` gets what took effect, in order — a report
    /// in the second batch counts for the acceptance the first one committed. Elsewhere only the
    /// first batch is written and `next` is not asked.
    @Test(arguments: TestEngine.available)
    func aTurnWritesEachBatchAndSaysWhatTookEffect(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let dispatch = try await seed(store, count: 3)
            let c = try await claim(store, 3)
            var first = DeliveryChanges()
            first.accepted = [
                .init(id: c[0].id, attempt: 1, account: "mobile-1", messageID: "m0", at: t0),
                .init(id: c[1].id, attempt: 2, account: "mobile-1", messageID: "m1", at: t0),   // a stale attempt
            ]
            var second = DeliveryChanges()
            second.accepted = [.init(id: c[2].id, attempt: 1, account: "mobile-1", messageID: "m2", at: t0)]
            second.reported = [
                .init(id: c[0].id, state: .delivered, statusCode: "DELIVRD", reason: nil, at: t0),
                .init(id: c[1].id, state: .delivered, statusCode: "DELIVRD", reason: nil, at: t0),  // never submitted
            ]
            let seen = Collected()
            let secondBatch = OutcomeBatch(changes: second) { seen.append($0) }
            try await store.applyOutcomes(OutcomeBatch(changes: first) { seen.append($0) }, budget: .seconds(30)) {
                seen.ask() == 1 ? secondBatch : nil
            }
            if store.writesOutcomesRowByRow {
                #expect(seen.asked == 2)
            } else {
                #expect(seen.asked == 0)
                try await store.applyOutcomes(secondBatch, budget: .seconds(30)) { nil }
            }
            let applied = seen.applied
            #expect(applied.count == 2)
            #expect(applied.first?.accepted == [c[0].id])
            #expect(applied.first?.reported.isEmpty == true)
            #expect(applied.last?.accepted == [c[2].id])
            #expect(applied.last?.reported == [c[0].id])

            let ledger = try await store.ledger(dispatchID: dispatch, after: nil, limit: 10, carrierNames: ["mobile"])
            let byID = Dictionary(uniqueKeysWithValues: ledger.map { ($0.seq, $0) })
            #expect(byID[c[0].id]?.state == DeliveryState.delivered.ledgerName)
            #expect(byID[c[1].id]?.state == "pending")
            #expect(byID[c[1].id]?.messageID == nil)
            #expect(byID[c[2].id]?.state == DeliveryState.submitted.ledgerName)
            #expect(byID[c[2].id]?.messageID == "m2")
        }
    }
}

/// What a turn's `committed` hooks saw and how often its `next` was asked.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var _applied: [AppliedChanges] = []
    private var _asked = 0
    func append(_ a: AppliedChanges) { lock.withLock { _applied.append(a) } }
    func ask() -> Int { lock.withLock { _asked += 1; return _asked } }
    var applied: [AppliedChanges] { lock.withLock { _applied } }
    var asked: Int { lock.withLock { _asked } }
}

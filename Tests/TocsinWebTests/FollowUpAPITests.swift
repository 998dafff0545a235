import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinWeb

/// Update and cancel (解除) through the API, dispatch hand-over and stop, the dispatch observer,
/// drills, expiry, and a server without a dispatcher.
@Suite struct FollowUpAPITests {
    typealias A = WarningAPITests

    static func approved(_ client: some TestClientProtocol, _ author: HTTPFields, _ reviewer: HTTPFields, draft: String = A.yellowDraft) async throws -> String {
        let id = try await A.submitted(client, author, draft: draft)
        let r = try await client.call(.post, "/api/v1/warnings/\(id)/approve", reviewer)
        #expect(A.state(r) == "approved", "\(r.text)")
        return id
    }

    static func newID(_ r: TestResponse) throws -> String {
        try #require((r.object["warning"] as? [String: Any])?["id"] as? String)
    }

    @Test(arguments: TestEngine.available)
    func updateThenCancelCloseTheirOriginals(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let alice = try await harness.session("alice", [.author])
            let bob = try await harness.session("bob", [.reviewer])
            let first = try await Self.approved(client, alice, bob)
            await harness.warnings.dispatchStarted(try WarningIdentifier(parsing: first), at: WebHarness.t0)

            harness.clock.advance(600)
            let update = try Self.newID(try await client.call(.post, "/api/v1/warnings/\(first)/update", alice))
            #expect(try await client.call(.get, "/api/v1/warnings/\(first)", bob).object["stateZH"] as? String == "发送中")
            #expect(try await client.call(.post, "/api/v1/warnings/\(update)/submit", alice).status == .ok)
            let approveUpdate = try await client.call(.post, "/api/v1/warnings/\(update)/approve", bob)
            #expect(A.state(approveUpdate) == "approved")
            let original = try await client.call(.get, "/api/v1/warnings/\(first)", bob)
            #expect((original.object["warning"] as? [String: Any])?["state"] as? String == "superseded")
            #expect((original.object["warning"] as? [String: Any])?["replacedBy"] as? String == update)
            #expect(await harness.dispatcher?.stoppedIDs.map(\.description) == [first])

            harness.clock.advance(600)
            let lift = try Self.newID(try await client.call(.post, "/api/v1/warnings/\(update)/cancel", alice))
            #expect(try await client.call(.post, "/api/v1/warnings/\(lift)/submit", alice).status == .ok)
            #expect(A.state(try await client.call(.post, "/api/v1/warnings/\(lift)/approve", bob)) == "approved")
            let lifted = try await client.call(.get, "/api/v1/warnings/\(update)", bob)
            #expect((lifted.object["warning"] as? [String: Any])?["state"] as? String == "cancelled")
            let liftValue = try await client.call(.get, "/api/v1/warnings/\(lift)", bob).object["warning"] as? [String: Any]
            #expect(liftValue?["msgType"] as? String == "cancel")
            #expect((liftValue?["references"] as? [[String: Any]])?.compactMap { $0["identifier"] as? String } == [first, update])
            #expect(await harness.dispatcher?.dispatched.map(\.description) == [first, update, lift])
            #expect(await harness.dispatcher?.stoppedIDs.map(\.description) == [first, update])

            // A lifted warning cannot be lifted again.
            let twice = try await client.call(.post, "/api/v1/warnings/\(update)/cancel", alice)
            #expect(twice.status == .conflict && twice.errorCode == "invalid_transition")
            #expect(try await harness.store.verifyAudit().isIntact)
        }
    }

    @Test func dispatchMilestonesMoveTheStateAndDrillsStayMarked() async throws {
        try await WebHarness.run { harness, client in
            let alice = try await harness.session("alice", [.author])
            let bob = try await harness.session("bob", [.reviewer])
            let drill = A.yellowDraft.replacingOccurrences(of: "}", with: ",\"mode\":\"drill\"}")
            let id = try await Self.approved(client, alice, bob, draft: drill)
            let wid = try WarningIdentifier(parsing: id)
            #expect(await harness.dispatcher?.dispatchedModes == [.drill])
            await harness.warnings.dispatchStarted(wid, at: WebHarness.t0)
            await harness.warnings.dispatchFinished(wid, at: WebHarness.t0.addingTimeInterval(60))
            let done = try await client.call(.get, "/api/v1/warnings/\(id)", bob)
            #expect((done.object["warning"] as? [String: Any])?["state"] as? String == "completed")
            #expect(done.object["isDrillOrTest"] as? Bool == true)
            #expect(((done.object["warning"] as? [String: Any])?["smsText"] as? String)?.hasPrefix("【演练】") == true)

            // A drill written by hand must say so before it can be submitted.
            let unmarked = drill.replacingOccurrences(of: "{", with: "{\"smsText\":\"朝阳区暴雨黄色预警\",")
            let created = try await client.call(.post, "/api/v1/warnings", alice, json: unmarked)
            let refused = try await client.call(.post, "/api/v1/warnings/\(try Self.newID(created))/submit", alice)
            #expect(refused.status == .unprocessableContent && refused.errorCode == "drill_not_marked")
            let history = try await harness.store.warningHistory(id: wid)
            #expect(history.suffix(2).map(\.actor) == ["dispatch", "dispatch"])

            await harness.dispatcher?.setLedger([DeliveryLedgerEntry(seq: 1, number: "13812345678", carrier: "mobile", contactID: 4, state: "delivered", attempts: 1)])
            let ledger = try await client.call(.get, "/api/v1/warnings/\(id)/ledger", bob)
            #expect(ledger.text.contains("138****5678") && !ledger.text.contains("13812345678"))
            let csv = try await client.call(.get, "/api/v1/warnings/\(id)/ledger.csv", bob)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.split(separator: "\n").count == 2 && csv.text.contains("138****5678"))
            #expect(try await client.call(.get, "/api/v1/warnings/\(id)/progress", bob).object["isFinished"] as? Bool == true)
        }
    }

    @Test func expirySweepExpiresWhatHasRunOut() async throws {
        try await WebHarness.run { harness, client in
            let alice = try await harness.session("alice", [.author])
            let id = try await A.submitted(client, alice)
            #expect(try await harness.warnings.expireDue().isEmpty)
            harness.clock.advance(18 * 3600)
            #expect(try await harness.warnings.expireDue().map(\.description) == [id])
            let history = try await harness.store.warningHistory(id: try WarningIdentifier(parsing: id))
            #expect(history.last?.action == "expire" && history.last?.actor == "system")
        }
    }

    @Test func withoutADispatcherApprovalSaysSoAndHealthTellsIt() async throws {
        try await WebHarness.run(withDispatcher: false) { harness, client in
            let alice = try await harness.session("alice", [.author])
            let bob = try await harness.session("bob", [.reviewer])
            let id = try await A.submitted(client, alice)
            let approved = try await client.call(.post, "/api/v1/warnings/\(id)/approve", bob)
            #expect(A.state(approved) == "approved")
            #expect((approved.object["dispatch"] as? [String: Any])?["status"] as? String == "not_configured")
            let progress = try await client.call(.get, "/api/v1/warnings/\(id)/progress", bob)
            #expect(progress.status == .serviceUnavailable && progress.errorCode == "dispatch_not_configured")
            let health = try await client.call(.get, "/healthz")
            #expect(health.status == .ok && health.object["dispatch"] as? String == "dispatch not configured" && health.object["database"] as? String == "ok")
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinWeb

/// The review rules through the API: the author never approves their own warning, red needs two
/// different reviewers, a rejection needs a comment, stale versions are refused.
@Suite struct WarningAPITests {
    static let yellowDraft = """
        {"hazardCode":"11B03","level":"yellow","regionCodes":["110105"],
         "effective":"2024-07-30T06:00:00Z","expires":"2024-07-31T00:00:00Z"}
        """
    static let redDraft = yellowDraft.replacingOccurrences(of: "yellow", with: "red")

    /// Creates a draft as `author` and submits it; returns its id.
    static func submitted(_ client: some TestClientProtocol, _ author: HTTPFields, draft: String = yellowDraft) async throws -> String {
        let created = try await client.call(.post, "/api/v1/warnings", author, json: draft)
        #expect(created.status == .created, "\(created.text)")
        let id = try #require((created.object["warning"] as? [String: Any])?["id"] as? String)
        let submit = try await client.call(.post, "/api/v1/warnings/\(id)/submit", author)
        #expect(submit.status == .ok, "\(submit.text)")
        return id
    }

    static func state(_ r: TestResponse) -> String? {
        ((r.object["warning"] as? [String: Any])?["warning"] as? [String: Any])?["state"] as? String
    }

    @Test(arguments: TestEngine.available)
    func authorCannotApproveOwnWarningAReviewerCan(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            // alice holds both roles: the rule is about authorship, not about roles.
            let alice = try await harness.session("alice", [.author, .reviewer])
            let bob = try await harness.session("bob", [.reviewer])
            let id = try await Self.submitted(client, alice)

            let own = try await client.call(.post, "/api/v1/warnings/\(id)/approve", alice)
            #expect(own.status == .forbidden)
            #expect(own.errorCode == "self_approval_forbidden")
            #expect((own.object["error"] as? [String: Any])?["message"] as? String == "alice wrote warning \(id) and cannot approve it; another reviewer must")

            let approved = try await client.call(.post, "/api/v1/warnings/\(id)/approve", bob, json: "{\"version\":2}")
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(Self.state(approved) == "approved")
            #expect((approved.object["dispatch"] as? [String: Any])?["status"] as? String == "started")
            #expect(await harness.dispatcher?.dispatched.map(\.description) == [id])

            let history = try await client.call(.get, "/api/v1/warnings/\(id)/history", bob)
            let actions = (try JSONSerialization.jsonObject(with: Data(history.body.readableBytesView)) as? [[String: Any]])?.compactMap { $0["action"] as? String }
            #expect(actions == ["create", "submit", "approve"])
            #expect(try await harness.store.verifyAudit().isIntact)
        }
    }

    @Test(arguments: TestEngine.available)
    func redNeedsTwoDifferentReviewers(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let alice = try await harness.session("alice", [.author])
            let bob = try await harness.session("bob", [.reviewer])
            let carol = try await harness.session("carol", [.reviewer])
            let id = try await Self.submitted(client, alice, draft: Self.redDraft)

            let first = try await client.call(.post, "/api/v1/warnings/\(id)/approve", bob)
            #expect(Self.state(first) == "pending_review")
            #expect((first.object["dispatch"] as? [String: Any])?["status"] as? String == "not_needed")
            let again = try await client.call(.post, "/api/v1/warnings/\(id)/approve", bob)
            #expect(again.status == .conflict && again.errorCode == "duplicate_reviewer")
            #expect(await harness.dispatcher?.dispatched.isEmpty == true)

            let second = try await client.call(.post, "/api/v1/warnings/\(id)/approve", carol)
            #expect(Self.state(second) == "approved")
            #expect(((second.object["warning"] as? [String: Any])?["warning"] as? [String: Any])?["reviewers"] as? [String] == ["bob", "carol"])
            #expect(await harness.dispatcher?.dispatched.count == 1)
        }
    }

    @Test func rejectionNeedsACommentAndStaleVersionsAreRefused() async throws {
        try await WebHarness.run { harness, client in
            let alice = try await harness.session("alice", [.author])
            let bob = try await harness.session("bob", [.reviewer])
            let id = try await Self.submitted(client, alice)

            let bare = try await client.call(.post, "/api/v1/warnings/\(id)/reject", bob, json: "{\"comment\":\"  \"}")
            #expect(bare.status == .unprocessableContent && bare.errorCode == "comment_required")
            let stale = try await client.call(.post, "/api/v1/warnings/\(id)/reject", bob, json: "{\"comment\":\"区名写错\",\"version\":1}")
            #expect(stale.status == .conflict && stale.errorCode == "stale_version")
            let rejected = try await client.call(.post, "/api/v1/warnings/\(id)/reject", bob, json: "{\"comment\":\"区名写错\",\"version\":2}")
            #expect(Self.state(rejected) == "draft")

            let notAuthor = try await client.call(.put, "/api/v1/warnings/\(id)", try await harness.session("dan", [.author]),
                                                  json: "{\"draft\":\(Self.yellowDraft)}")
            #expect(notAuthor.status == .forbidden && notAuthor.errorCode == "not_author")
            let edited = try await client.call(.put, "/api/v1/warnings/\(id)", alice,
                                               json: "{\"version\":3,\"draft\":\(Self.yellowDraft.replacingOccurrences(of: "110105", with: "110108"))}")
            #expect(edited.status == .ok, "\(edited.text)")
            #expect(((edited.object["warning"] as? [String: Any])?["regionCodes"] as? [String]) == ["110108"])
        }
    }

    @Test func errorsAreJSONWithActionableMessages() async throws {
        try await WebHarness.run { harness, client in
            let alice = try await harness.session("alice", [.author])
            let missing = try await client.call(.get, "/api/v1/warnings/11000041600000_20240730140000_0", alice)
            #expect(missing.status == .notFound && missing.errorCode == "not_found")
            let malformed = try await client.call(.get, "/api/v1/warnings/nonsense", alice)
            #expect(malformed.status == .unprocessableContent && malformed.errorCode == "invalid_identifier")
            let badBody = try await client.call(.post, "/api/v1/warnings", alice, json: "{\"level\":\"purple\"}")
            #expect(badBody.status == .badRequest && badBody.errorCode == "invalid_body")
            let unknownHazard = try await client.call(.post, "/api/v1/warnings", alice, json: Self.yellowDraft.replacingOccurrences(of: "11B03", with: "99Z99"))
            #expect(unknownHazard.status == .unprocessableContent && unknownHazard.errorCode == "unknown_hazard")
            let nowhere = try await client.call(.get, "/api/v1/nowhere", alice)
            #expect(nowhere.status == .notFound && nowhere.errorCode == "no_such_endpoint")
            #expect(nowhere.headers[.contentSecurityPolicy] != nil)
        }
    }
}

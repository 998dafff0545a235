import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
import TocsinStorage
import TocsinTestSupport
@testable import TocsinWeb

/// The warnings workflow through the console's forms: CSRF on every state-changing request, and
/// the author who may never approve their own warning (control not rendered, POST refused).
@Suite struct ConsoleWorkflowTests {
    @Test(arguments: TestEngine.available)
    func missingOrWrongCSRFTokenIsRefusedAndChangesNothing(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine) { h, client in
            let author = try await h.login(client, "author")
            for token in [nil, "wrong", String(repeating: "0", count: author.csrf.count)] {
                let r = try await h.post(client, "/console/warnings/new", author, ConsoleHarness.draftFields(), csrf: token)
                #expect(r.status == .forbidden)
                #expect(String(buffer: r.body).contains("CSRF"))
            }
            #expect(try await h.store.warnings(limit: 10).isEmpty)
            // Another session's token does not fit this session.
            let other = try await h.login(client, "author2")
            #expect(try await h.post(client, "/console/warnings/new", author, ConsoleHarness.draftFields(), csrf: other.csrf).status == .forbidden)
            #expect(try await h.store.warnings(limit: 10).isEmpty)

            let id = try await h.submittedWarning(client, by: author)
            let reviewer = try await h.login(client, "reviewer")
            let version = try #require(try await h.store.warning(id: id)).version
            let noToken = try await h.post(client, "/console/review/\(id)/approve", reviewer, [("version", "\(version)")], csrf: nil)
            #expect(noToken.status == .forbidden)
            let reject = try await h.post(client, "/console/review/\(id)/reject", reviewer, [("comment", "no"), ("version", "\(version)")], csrf: "x")
            #expect(reject.status == .forbidden)
            #expect(try await h.store.warning(id: id)?.warning.state == .pendingReview)
            // Logout needs the token too.
            #expect(try await h.post(client, "/console/logout", reviewer, [], csrf: nil).status == .forbidden)
            #expect(try await h.get(client, "/console", reviewer).status == .ok)
        }
    }

    @Test(arguments: TestEngine.available)
    func loginFormNeedsItsOwnToken(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine) { _, client in
            let r = try await client.execute(uri: "/console/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                             body: ByteBuffer(string: ConsoleHarness.form(["name": "author", "password": ConsoleHarness.password])))
            #expect(r.status == .forbidden)
            #expect(ConsoleHarness.cookie(r, "tocsin_session") == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func authorCannotSeeOrPostApproveOnOwnWarning(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine) { h, client in
            // `editor` holds both author and reviewer: only the rule, not the role, stops them.
            let editor = try await h.login(client, "editor")
            let id = try await h.submittedWarning(client, by: editor)
            let page = String(buffer: try await h.get(client, "/console/review/\(id)", editor).body)
            #expect(!page.contains("id=\"approve\""))
            #expect(!page.contains("/console/review/\(id)/approve"))
            #expect(page.contains("您不能审核它"))
            let detail = String(buffer: try await h.get(client, "/console/warnings/\(id)", editor).body)
            #expect(!detail.contains("/console/review/\(id)"))
            let version = try #require(try await h.store.warning(id: id)).version
            let forced = try await h.post(client, "/console/review/\(id)/approve", editor, [("version", "\(version)")], csrf: editor.csrf)
            #expect(forced.status == .forbidden)
            #expect(forced.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(try await h.store.warning(id: id)?.warning.state == .pendingReview)

            let reviewer = try await h.login(client, "reviewer")
            let queue = String(buffer: try await h.get(client, "/console/review/\(id)", reviewer).body)
            #expect(queue.contains("id=\"approve\""))
            let approved = try await h.post(client, "/console/review/\(id)/approve", reviewer, [("version", "\(version)")], csrf: reviewer.csrf)
            #expect(approved.status == .seeOther)
            #expect(try await h.store.warning(id: id)?.warning.state == .approved)
        }
    }

    @Test(arguments: TestEngine.available)
    func redNeedsTwoReviewersAndRejectReturnsWithComment(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine) { h, client in
            let author = try await h.login(client, "author")
            let red = try await h.submittedWarning(client, by: author, level: "red")
            let first = try await h.login(client, "reviewer")
            var version = try #require(try await h.store.warning(id: red)).version
            _ = try await h.post(client, "/console/review/\(red)/approve", first, [("version", "\(version)")], csrf: first.csrf)
            #expect(try await h.store.warning(id: red)?.warning.state == .pendingReview)
            let again = String(buffer: try await h.get(client, "/console/review/\(red)", first).body)
            #expect(!again.contains("id=\"approve\""))
            let second = try await h.login(client, "reviewer2")
            version = try #require(try await h.store.warning(id: red)).version
            _ = try await h.post(client, "/console/review/\(red)/approve", second, [("version", "\(version)")], csrf: second.csrf)
            #expect(try await h.store.warning(id: red)?.warning.state == .approved)

            let blue = try await h.submittedWarning(client, by: author)
            version = try #require(try await h.store.warning(id: blue)).version
            let rejected = try await h.post(client, "/console/review/\(blue)/reject", first, [("comment", "区域写错了"), ("version", "\(version)")], csrf: first.csrf)
            #expect(rejected.status == .seeOther)
            #expect(try await h.store.warning(id: blue)?.warning.state == .draft)
            let detail = String(buffer: try await h.get(client, "/console/warnings/\(blue)", author).body)
            #expect(detail.contains("区域写错了"))
        }
    }

    @Test(arguments: TestEngine.available)
    func cancelDraftsAFollowUpThatReferencesTheOriginal(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine) { h, client in
            let author = try await h.login(client, "author")
            let id = try await h.submittedWarning(client, by: author)
            let reviewer = try await h.login(client, "reviewer")
            let version = try #require(try await h.store.warning(id: id)).version
            _ = try await h.post(client, "/console/review/\(id)/approve", reviewer, [("version", "\(version)")], csrf: reviewer.csrf)
            let detail = String(buffer: try await h.get(client, "/console/warnings/\(id)", author).body)
            #expect(detail.contains("id=\"cancel-warning\""))
            let r = try await h.post(client, "/console/warnings/\(id)/follow-up", author, [("type", "cancel")], csrf: author.csrf)
            #expect(r.status == .seeOther)
            let cancel = try #require(try await h.store.warning(id: try ConsoleHarness.warningID(r)))
            #expect(cancel.warning.msgType == .cancel)
            #expect(cancel.warning.references.last?.identifier == id)
        }
    }

    @Test func livePreviewAnswersJSONWithTheHeaderToken() async throws {
        try await ConsoleHarness.run(.sqlite) { h, client in
            let author = try await h.login(client, "author")
            let body = ByteBuffer(string: ConsoleHarness.form(ConsoleHarness.draftFields(level: "red")))
            let refused = try await client.execute(uri: "/console/drafts/preview", method: .post,
                                                   headers: [.cookie: author.cookie, .contentType: "application/x-www-form-urlencoded"], body: body)
            #expect(refused.status == .forbidden)
            let r = try await client.execute(uri: "/console/drafts/preview", method: .post,
                                             headers: [.cookie: author.cookie, .contentType: "application/x-www-form-urlencoded",
                                                       HTTPFields.Element.Name("X-CSRF-Token")!: author.csrf], body: body)
            #expect(r.status == .ok)
            struct Answer: Decodable { var html: String; var sms: String }
            let answer = try JSONDecoder().decode(Answer.self, from: Data(buffer: r.body))
            #expect(answer.sms.contains("红色"))
            #expect(answer.html.contains("UCS-2"))
            #expect(answer.html.contains("中国移动"))
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinWeb

/// Every console page renders for its role and is refused otherwise: the login page without a
/// session, the 403 page (HTML, audited) for a role that may not see it.
@Suite struct ConsoleAccessTests {
    /// Page, a user who may see it, a user who may not, and text the page must show.
    static let pages: [(path: String, allowed: String, refused: String, marker: String)] = [
        ("/console", "operator", "", "值班总览"),
        ("/console/warnings/new", "author", "reviewer", "提交审核"),
        ("/console/warnings", "reviewer", "abadmin", "预警列表"),
        ("/console/review", "reviewer", "author", "待审核"),
        ("/console/contacts", "abadmin", "author", "查找联系人"),
        ("/console/contacts?temporary=1", "abadmin", "reviewer", "临时人员"),
        ("/console/address-book/groups", "abadmin", "operator", "群组"),
        ("/console/address-book/subscriptions", "abadmin", "operator", "订阅"),
        ("/console/links", "operator", "author", "通道状态"),
        ("/console/users", "secadmin", "auditadmin", "新建用户"),
        ("/console/audit", "auditadmin", "secadmin", "校验审计链"),
    ]

    @Test(arguments: TestEngine.available)
    func everyPageRendersForItsRoleAndIsRefusedOtherwise(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine) { h, client in
            var sessions: [String: ConsoleSession] = [:]
            for name in ["author", "reviewer", "abadmin", "operator", "secadmin", "auditadmin"] { sessions[name] = try await h.login(client, name) }
            for page in Self.pages {
                let ok = try await h.get(client, page.path, sessions[page.allowed])
                #expect(ok.status == .ok, "\(page.path) for \(page.allowed)")
                #expect(ok.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(String(buffer: ok.body).contains(page.marker), "\(page.path) shows \(page.marker)")
                let anonymous = try await h.get(client, page.path, nil)
                #expect(anonymous.status == .seeOther, "\(page.path) without a session")
                #expect(anonymous.headers[.location]?.hasPrefix("/console/login") == true)
                guard !page.refused.isEmpty else { continue }
                let refused = try await h.get(client, page.path, sessions[page.refused])
                #expect(refused.status == .forbidden, "\(page.path) for \(page.refused)")
                #expect(refused.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(String(buffer: refused.body).contains("无权访问"))
            }
            // Refusals are audited.
            let denied = try await h.store.auditRecords(after: 0, limit: 10_000).filter { $0.event.result == .denied && $0.event.target.hasPrefix("console:") }
            #expect(denied.count >= Self.pages.count - 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func menuShowsOnlyWhatTheRoleMayOpen(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine) { h, client in
            let author = String(buffer: try await h.get(client, "/console", try await h.login(client, "author")).body)
            #expect(author.contains("href=\"/console/warnings/new\""))
            #expect(!author.contains("href=\"/console/users\"") && !author.contains("href=\"/console/audit\"") && !author.contains("href=\"/console/review\""))
            let audit = String(buffer: try await h.get(client, "/console", try await h.login(client, "auditadmin")).body)
            #expect(audit.contains("href=\"/console/audit\""))
            #expect(!audit.contains("href=\"/console/users\"") && !audit.contains("href=\"/console/warnings/new\""))
        }
    }

    @Test(arguments: TestEngine.available)
    func warningDetailForAuthorsAndReviewersOnly(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine) { h, client in
            let author = try await h.login(client, "author")
            let id = try await h.submittedWarning(client, by: author)
            for (name, status) in [("author", HTTPResponse.Status.ok), ("reviewer", .ok), ("operator", .forbidden), ("auditadmin", .forbidden)] {
                let r = try await h.get(client, "/console/warnings/\(id)", try await h.login(client, name))
                #expect(r.status == status, "\(name)")
            }
        }
    }

    @Test func apiTokenCannotUseTheConsole() async throws {
        try await ConsoleHarness.run(.sqlite) { h, client in
            let (_, secret) = try await h.services.accounts.createToken(name: "machine", roles: try RoleSet([.author]), actor: "test", source: "test")
            let r = try await client.execute(uri: "/console", method: .get, headers: [.authorization: "Bearer \(secret)"])
            #expect(r.status == .forbidden)
            #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }

    @Test func errorsAreHTMLPagesInTheChosenLanguage() async throws {
        try await ConsoleHarness.run(.sqlite) { h, client in
            let s = try await h.login(client, "author")
            let missing = try await h.get(client, "/console/no-such-page", s)
            #expect(missing.status == .notFound)
            #expect(String(buffer: missing.body).contains("未找到"))
            let badID = try await h.get(client, "/console/warnings/nonsense", s, extraCookie: "lang=en")
            #expect(badID.status.code >= 400 && badID.status.code < 500)
            #expect(badID.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: badID.body).contains("<html lang=\"en\">"))
        }
    }

    @Test func wrongPasswordShowsTheLockoutMessage() async throws {
        try await ConsoleHarness.run(.sqlite) { _, client in
            let page = try await client.execute(uri: "/console/login", method: .get)
            let cookie = try #require(ConsoleHarness.cookie(page, "tocsin_login_csrf"))
            let token = try #require(ConsoleHarness.formToken(String(buffer: page.body)))
            let r = try await client.execute(uri: "/console/login", method: .post,
                                             headers: [.cookie: "tocsin_login_csrf=\(cookie)", .contentType: "application/x-www-form-urlencoded"],
                                             body: ByteBuffer(string: ConsoleHarness.form(["_csrf": token, "name": "author", "password": "wrong"])))
            #expect(r.status == .unauthorized)
            #expect(String(buffer: r.body).contains("临时锁定"))
            #expect(ConsoleHarness.cookie(r, "tocsin_session") == nil)
        }
    }
}

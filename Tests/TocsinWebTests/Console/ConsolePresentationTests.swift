import Foundation
import Hummingbird
import HummingbirdTesting
import Mustache
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinWeb

/// Language switch, complete label tables, templates that compile, and pages without inline
/// script or inline style (the CSP allows neither).
@Suite struct ConsolePresentationTests {
    @Test func labelTablesHaveTheSameKeysAndTemplatesCompile() throws {
        #expect(Set(ConsoleStrings.zh.keys) == Set(ConsoleStrings.en.keys))
        for (name, text) in ConsoleTemplates.all { #expect(throws: Never.self, "\(name)") { _ = try MustacheTemplate(string: text) } }
    }

    @Test func languageSwitchSetsTheCookieAndStaysInTheConsole() async throws {
        try await ConsoleHarness.run(.sqlite) { h, client in
            let zh = String(buffer: try await h.get(client, "/console/login", nil).body)
            #expect(zh.contains("<html lang=\"zh-CN\">") && zh.contains("登录"))
            let r = try await h.get(client, "/console/lang?to=en&back=/console/login", nil)
            #expect(r.status == .seeOther)
            #expect(r.headers[.location] == "/console/login")
            #expect(ConsoleHarness.cookie(r, "lang") == "en")
            let en = String(buffer: try await h.get(client, "/console/login", nil, extraCookie: "lang=en").body)
            #expect(en.contains("<html lang=\"en\">") && en.contains("Log in") && !en.contains("用户名"))
            let session = try await h.login(client, "author")
            let dashboard = String(buffer: try await h.get(client, "/console", session, extraCookie: "lang=en").body)
            #expect(dashboard.contains("Duty overview"))
            let away = try await h.get(client, "/console/lang?to=en&back=https://evil.example/", nil)
            #expect(away.headers[.location] == "/console")
            let sneaky = try await h.get(client, "/console/lang?to=en&back=//evil.example/console", nil)
            #expect(sneaky.headers[.location] == "/console")
        }
    }

    @Test func pagesHaveNoInlineScriptOrStyle() async throws {
        try await ConsoleHarness.run(.sqlite, links: FixedLinks()) { h, client in
            let author = try await h.login(client, "author")
            let id = try await h.submittedWarning(client, by: author)
            var pages: [(String, ConsoleSession?)] = [("/console/login", nil), ("/console/password", nil)]
            pages += ["/console", "/console/warnings/new", "/console/warnings", "/console/warnings/\(id)"].map { ($0, author) }
            let reviewer = try await h.login(client, "reviewer")
            pages += ["/console/review", "/console/review/\(id)"].map { ($0, reviewer) }
            let ab = try await h.login(client, "abadmin")
            pages += ["/console/contacts", "/console/address-book/groups", "/console/address-book/regions"].map { ($0, ab) }
            pages += [("/console/links", try await h.login(client, "operator")), ("/console/users", try await h.login(client, "secadmin")),
                      ("/console/audit", try await h.login(client, "auditadmin"))]
            let inlineScript = try NSRegularExpression(pattern: #"<script(?![^>]*\bsrc=)[^>]*>|<script[^>]*>[^<]+</script>"#)
            let handler = try NSRegularExpression(pattern: #"\son[a-z]+\s*=|javascript:|\sstyle\s*=|<style"#, options: [.caseInsensitive])
            for (path, session) in pages {
                let r = try await h.get(client, path, session)
                #expect(r.status == .ok, "\(path)")
                let html = String(buffer: r.body)
                let range = NSRange(html.startIndex..., in: html)
                #expect(inlineScript.firstMatch(in: html, range: range) == nil, "inline script in \(path)")
                #expect(handler.firstMatch(in: html, range: range) == nil, "inline handler or style in \(path)")
                #expect(html.contains("<script src=\"/console/assets/console.js\" defer></script>"))
                #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                #expect(html.contains("<main id=\"main\"") && html.contains("lang=\"zh-CN\""))
            }
            let js = try await h.get(client, "/console/assets/console.js", nil)
            #expect(js.status == .ok && js.headers[.contentType]?.hasPrefix("text/javascript") == true)
            let css = try await h.get(client, "/console/assets/console.css", nil)
            #expect(css.status == .ok && String(buffer: css.body).contains(".level-red"))
        }
    }

    @Test func sessionCookieIsHttpOnlyAndStrict() async throws {
        try await ConsoleHarness.run(.sqlite) { _, client in
            let page = try await client.execute(uri: "/console/login", method: .get)
            let setCookie = page.headers[values: .setCookie].first { $0.hasPrefix("tocsin_login_csrf=") } ?? ""
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            let token = try #require(ConsoleHarness.formToken(String(buffer: page.body)))
            let cookie = try #require(ConsoleHarness.cookie(page, "tocsin_login_csrf"))
            let r = try await client.execute(uri: "/console/login", method: .post,
                                             headers: [.cookie: "tocsin_login_csrf=\(cookie)", .contentType: "application/x-www-form-urlencoded"],
                                             body: ByteBuffer(string: ConsoleHarness.form(["_csrf": token, "name": "author", "password": ConsoleHarness.password])))
            let session = r.headers[values: .setCookie].first { $0.hasPrefix("tocsin_session=") } ?? ""
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict"))
        }
    }
}

/// Two links, one down.
struct FixedLinks: LinkStatusSource {
    func linkStatuses() async -> [LinkStatus] {
        [LinkStatus(name: "cmcc-1", carrier: "mobile", protocolName: "CMPP 3.0", state: .bound, tps: 180, tpsLimit: 500, windowInUse: 12, windowSize: 16,
                    errors: 0, lastReportAt: Date(timeIntervalSince1970: 1_800_000_000)),
         LinkStatus(name: "ctcc-1", carrier: "telecom", protocolName: "SMGP 3.0", state: .down, tps: 0, tpsLimit: 300, windowInUse: 0, windowSize: 16,
                    errors: 3, lastError: "connection refused")]
    }
}

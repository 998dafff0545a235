import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
import TocsinSecurity
import TocsinStorage
import TocsinTestSupport
@testable import TocsinWeb

/// A wall clock the test moves by hand.
final class ConsoleTestClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date
    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { instant = start }
    func now() -> Date { lock.withLock { instant } }
    func advance(_ seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }
}

/// A logged-in console session: the cookie header and the page's CSRF token.
struct ConsoleSession {
    var cookie: String
    var csrf: String
}

/// A console on a fresh store: users per role, the router, and helpers to log in and post forms.
struct ConsoleHarness {
    let store: Store
    let services: WebServices
    let clock: ConsoleTestClock
    static let password = "Correct-Horse-42-Battery"

    /// Runs `body` with a console over a fresh store on `engine`, users `author`, `author2`,
    /// `reviewer`, `reviewer2`, `editor` (author + reviewer), `abadmin`, `operator`, `secadmin`, `auditadmin`.
    static func run(_ engine: TestEngine, dispatcher: (any WarningDispatcher)? = nil, links: (any LinkStatusSource)? = nil,
                    contactImport: (any ContactImportPort)? = nil,
                    _ body: @escaping @Sendable (ConsoleHarness, any TestClientProtocol) async throws -> Void) async throws {
        try await withTestStore(engine) { store in
            let clock = ConsoleTestClock()
            let accounts = AccountService(store: store, hasher: PasswordHasher(iterations: 1_000), clock: clock)
            for (name, roles) in [("author", [Role.author]), ("author2", [.author]), ("reviewer", [.reviewer]), ("reviewer2", [.reviewer]),
                                  ("editor", [.author, .reviewer]), ("abadmin", [.addressBookAdmin]), ("operator", [.operator]),
                                  ("secadmin", [.securityAdmin]), ("auditadmin", [.auditAdmin])] {
                let initial = "Admin-Set-Password-99!"
                _ = try await accounts.addUser(name: name, roles: try RoleSet(Set(roles)), password: initial, actor: "test", source: "test")
                try await accounts.changePassword(name: name, current: initial, new: password, source: "test")
            }
            let warnings = WarningService(store: store, accounts: accounts, dispatcher: dispatcher, clock: clock)
            let services = WebServices(store: store, accounts: accounts, warnings: warnings, links: links, contactImport: contactImport)
            let harness = ConsoleHarness(store: store, services: services, clock: clock)
            let app = Application(router: buildRouter(services: services, configuration: WebConfiguration(loginAttemptsPerWindow: 1000), clock: clock))
            try await app.test(.router) { client in try await body(harness, client) }
        }
    }

    /// Logs `name` in through the console's login form and reads the CSRF token of the session.
    func login(_ client: some TestClientProtocol, _ name: String) async throws -> ConsoleSession {
        let page = try await client.execute(uri: "/console/login", method: .get)
        let loginCookie = try #require(Self.cookie(page, "tocsin_login_csrf"))
        let token = try #require(Self.formToken(String(buffer: page.body)))
        let response = try await client.execute(uri: "/console/login", method: .post,
                                                headers: [.cookie: "tocsin_login_csrf=\(loginCookie)", .contentType: "application/x-www-form-urlencoded"],
                                                body: ByteBuffer(string: Self.form(["_csrf": token, "name": name, "password": Self.password])))
        #expect(response.status == .seeOther)
        let session = try #require(Self.cookie(response, "tocsin_session"))
        let dashboard = try await client.execute(uri: "/console", method: .get, headers: [.cookie: "tocsin_session=\(session)"])
        let csrf = try #require(Self.metaToken(String(buffer: dashboard.body)))
        return ConsoleSession(cookie: "tocsin_session=\(session)", csrf: csrf)
    }

    func get(_ client: some TestClientProtocol, _ uri: String, _ session: ConsoleSession?, extraCookie: String? = nil) async throws -> TestResponse {
        var cookie = session?.cookie ?? ""
        if let extraCookie { cookie += cookie.isEmpty ? extraCookie : "; \(extraCookie)" }
        return try await client.execute(uri: uri, method: .get, headers: cookie.isEmpty ? [:] : [.cookie: cookie])
    }

    /// POSTs a form; `csrf` nil sends none, otherwise the given token.
    func post(_ client: some TestClientProtocol, _ uri: String, _ session: ConsoleSession, _ fields: [(String, String)], csrf: String?) async throws -> TestResponse {
        var all = fields
        if let csrf { all.append(("_csrf", csrf)) }
        return try await client.execute(uri: uri, method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                                        body: ByteBuffer(string: Self.form(all)))
    }

    /// A draft for `regions` in the form the editor sends.
    static func draftFields(level: String = "blue", regions: [String] = ["110105", "110108"], action: String = "save") -> [(String, String)] {
        [("hazard", "11B03"), ("level", level)] + regions.map { ("region", $0) } +
            [("effective", "2027-01-15T08:00"), ("expires", "2027-01-15T20:00"), ("subscriptions", "1"), ("action", action)]
    }

    static func form(_ fields: [String: String]) -> String { form(fields.map { ($0.key, $0.value) }) }

    static func form(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }

    static func cookie(_ response: TestResponse, _ name: String) -> String? {
        for value in response.headers[values: .setCookie] where value.hasPrefix("\(name)=") {
            return String(value.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    static func formToken(_ html: String) -> String? { capture(html, #"name="_csrf" value="([^"]+)""#) }
    static func metaToken(_ html: String) -> String? { capture(html, #"<meta name="csrf-token" content="([^"]+)">"#) }

    static func capture(_ text: String, _ pattern: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern), let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let r = Range(m.range(at: 1), in: text) else { return nil }
        return String(text[r])
    }

    /// The warning id in a `Location: /console/warnings/<id>?…` redirect.
    static func warningID(_ response: TestResponse) throws -> WarningIdentifier {
        let location = try #require(response.headers[.location])
        let id = location.dropFirst("/console/warnings/".count).prefix { $0 != "?" }
        return try WarningIdentifier(parsing: String(id))
    }

    /// Creates and submits a draft as `name` through the console; returns its id.
    func submittedWarning(_ client: some TestClientProtocol, by session: ConsoleSession, level: String = "blue") async throws -> WarningIdentifier {
        let response = try await post(client, "/console/warnings/new", session, Self.draftFields(level: level, action: "submit"), csrf: session.csrf)
        #expect(response.status == .seeOther)
        return try Self.warningID(response)
    }
}

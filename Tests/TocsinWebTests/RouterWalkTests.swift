import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
@testable import TocsinWeb

/// Walks every route the router has and proves who may call it: nothing but the public routes
/// answers without authentication, and each role-restricted route refuses a role without the
/// permission its OpenAPI entry names.
@Suite struct RouterWalkTests {
    /// The only routes that answer without a session or token: health, and the two that
    /// authenticate with the password itself. (The public CAP feed does not exist yet.)
    static let publicRoutes: Set<String> = ["GET /healthz", "POST /api/v1/auth/login", "POST /api/v1/auth/password"]
    /// The console's public routes: its login and password pages, the language switch and its
    /// two assets. Every other console route sends a visitor without a session to the login page.
    static let publicConsoleRoutes: Set<String> = [
        "GET /console/login", "POST /console/login", "GET /console/password", "POST /console/password", "GET /console/lang",
        "GET /console/assets/console.css", "GET /console/assets/console.js",
    ]

    /// A concrete URI for a route path: `{id}` becomes a well-formed warning identifier, etc.
    static func uri(_ path: String) -> String {
        path.replacingOccurrences(of: "{id}", with: path.hasPrefix("/api/v1/tokens") ? "1" : "11000041600000_20240730140000_0")
            .replacingOccurrences(of: "{name}", with: "nobody").replacingOccurrences(of: "{hazard}", with: "11B03")
            .replacingOccurrences(of: "{level}", with: "red")
    }

    static func routes(_ harness: WebHarness) -> [(method: HTTPRequest.Method, path: String)] { harness.routes }

    @Test func noRouteAnswersWithoutAuthenticationExceptThePublicOnes() async throws {
        try await WebHarness.run { harness, client in
            let routes = Self.routes(harness)
            #expect(routes.count >= 40, "the walk must see the whole API")
            for route in routes {
                let key = "\(route.method) \(route.path)"
                let response = try await client.call(route.method, Self.uri(route.path))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true, "\(key) lacks the CSP")
                #expect(response.headers[.xFrameOptions] == "DENY", "\(key)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(key)")
                #expect(response.headers[.referrerPolicy] != nil, "\(key)")
                if Self.publicRoutes.contains(key) || Self.publicConsoleRoutes.contains(key) {
                    #expect(response.status != .unauthorized, "\(key) is public and must not ask for authentication")
                } else if route.path.hasPrefix("/console") {
                    // A person's browser is sent to the login page, and nothing else happens.
                    #expect(response.status == .seeOther, "\(key) answered \(response.status) without a session")
                    #expect(response.headers[.location]?.hasPrefix("/console/login") == true, "\(key) must send to the login page")
                } else {
                    #expect(response.status == .unauthorized, "\(key) answered \(response.status) without authentication")
                    #expect(response.errorCode == "session_expired", "\(key) must answer a JSON error")
                }
            }
            // A forged token and a forged session cookie are no better than none.
            for headers: HTTPFields in [[.authorization: "Bearer tcs_forged"], [.cookie: "tocsin_session=s_forged"]] {
                let response = try await client.call(.get, "/api/v1/warnings", headers)
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func everyRoleRestrictedRouteRefusesARoleWithoutItsPermission() async throws {
        try await WebHarness.run { harness, client in
            // An operator holds none of the permissions the API restricts to (drafting, review,
            // users, audit), so every restricted route must refuse it.
            let operatorToken = try await harness.token("ops-bot", [.operator])
            var checked = 0
            for op in OpenAPIDocument.operations {
                guard case .anyOf(let permissions) = op.access else { continue }
                #expect(!permissions.contains(where: Role.operator.permissions.contains))
                let method = HTTPRequest.Method(rawValue: op.method.uppercased())!
                let response = try await client.call(method, Self.uri(op.path), operatorToken)
                #expect(response.status == .forbidden, "\(op.method) \(op.path) answered \(response.status) to an operator")
                #expect(response.errorCode == "forbidden", "\(op.method) \(op.path)")
                checked += 1
            }
            #expect(checked >= 30)
            // Refusals are audited.
            #expect(try await harness.store.auditRecords(limit: 1000, actor: "token:ops-bot").count(where: { $0.event.result == .denied }) == checked)
        }
    }

    @Test func separatedAdministratorsStayInTheirLane() async throws {
        try await WebHarness.run { harness, client in
            let auditor = try await harness.session("audrey", [.auditAdmin])
            let security = try await harness.session("sam", [.securityAdmin])
            let author = try await harness.session("alice", [.author])
            #expect(try await client.call(.get, "/api/v1/users", auditor).status == .forbidden)
            #expect(try await client.call(.get, "/api/v1/audit", security).status == .forbidden)
            #expect(try await client.call(.get, "/api/v1/audit", auditor).status == .ok)
            #expect(try await client.call(.get, "/api/v1/users", security).status == .ok)
            #expect(try await client.call(.get, "/api/v1/review-queue", author).status == .forbidden)
            #expect(try await client.call(.post, "/api/v1/warnings", auditor, json: "{}").status == .forbidden)
        }
    }

    @Test func openAPIDocumentMatchesTheRouterBothWays() async throws {
        try await WebHarness.run { harness, client in
            // The console's pages are HTML for people, not part of the API document.
            let registered = Set(Self.routes(harness).filter { !$0.path.hasPrefix("/console") }.map { "\($0.method.rawValue) \($0.path)" })
            let documented = Set(OpenAPIDocument.operations.map { "\($0.method.uppercased()) \($0.path)" })
            #expect(registered.subtracting(documented).isEmpty, "registered but not documented: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "documented but not registered: \(documented.subtracting(registered).sorted())")
            #expect(documented.count == OpenAPIDocument.operations.count, "an operation is documented twice")
            let documentedPublic = Set(OpenAPIDocument.operations.filter { if case .public = $0.access { true } else { false } }
                .map { "\($0.method.uppercased()) \($0.path)" })
            #expect(documentedPublic == Self.publicRoutes)

            // The served document says the same.
            let token = try await harness.token("reader", [.author])
            let response = try await client.call(.get, "/api/v1/openapi.json", token)
            #expect(response.status == .ok)
            let paths = try #require(response.object["paths"] as? [String: [String: Any]])
            let served = Set(paths.flatMap { path, ops in ops.keys.map { "\($0.uppercased()) \(path)" } })
            #expect(served == documented)
            #expect(response.object["openapi"] as? String == "3.0.3")
        }
    }
}

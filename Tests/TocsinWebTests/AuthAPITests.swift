import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
@testable import TocsinWeb

/// Login, the session cookie, logout, password change, throttling, tokens and users over HTTP.
@Suite struct AuthAPITests {
    static func login(_ name: String, _ password: String = WebHarness.password) -> String {
        "{\"name\":\"\(name)\",\"password\":\"\(password)\"}"
    }

    @Test func loginSetsAStrictHttpOnlyCookieAndLogoutEndsTheSession() async throws {
        try await WebHarness.run(configuration: WebConfiguration(secureCookies: true)) { harness, client in
            try await harness.user("alice", [.author])
            let response = try await client.call(.post, "/api/v1/auth/login", json: Self.login("alice"))
            #expect(response.status == .ok)
            let setCookie = try #require(response.headers[.setCookie])
            #expect(setCookie.hasPrefix("tocsin_session=s_"))
            for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] { #expect(setCookie.contains(attribute), "\(attribute)") }
            let cookie = String(setCookie.prefix { $0 != ";" })
            let me = try await client.call(.get, "/api/v1/auth/me", [.cookie: cookie])
            #expect(me.object["name"] as? String == "alice" && me.object["roles"] as? [String] == ["author"])
            #expect(try await client.call(.post, "/api/v1/auth/logout", [.cookie: cookie]).status == .noContent)
            #expect(try await client.call(.get, "/api/v1/auth/me", [.cookie: cookie]).status == .unauthorized)
        }
    }

    @Test func wrongPasswordIsOneMessageAndLoginIsThrottledPerAddress() async throws {
        let configuration = WebConfiguration(loginAttemptsPerWindow: 3, loginWindow: .seconds(60))
        try await WebHarness.run(configuration: configuration) { harness, client in
            try await harness.user("alice", [.author])
            let wrong = try await client.call(.post, "/api/v1/auth/login", json: Self.login("alice", "Wrong-Password-123456!"))
            let unknown = try await client.call(.post, "/api/v1/auth/login", json: Self.login("nobody"))
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.text == unknown.text)
            #expect(try await client.call(.post, "/api/v1/auth/login", json: Self.login("alice")).status == .ok)
            let throttled = try await client.call(.post, "/api/v1/auth/login", json: Self.login("alice"))
            #expect(throttled.status == .tooManyRequests && throttled.errorCode == "too_many_attempts")
            #expect(throttled.headers[.retryAfter] == "60")
            harness.clock.advance(60)
            #expect(try await client.call(.post, "/api/v1/auth/login", json: Self.login("alice")).status == .ok)
        }
    }

    @Test func adminSetPasswordMustBeChangedFirst() async throws {
        try await WebHarness.run { harness, client in
            let sam = try await harness.session("sam", [.securityAdmin])
            let created = try await client.call(.post, "/api/v1/users", sam, json: "{\"name\":\"erin\",\"roles\":[\"reviewer\"]}")
            #expect(created.status == .created)
            let generated = try #require(created.object["generatedPassword"] as? String)
            let first = try await client.call(.post, "/api/v1/auth/login", json: Self.login("erin", generated))
            #expect(first.status == .forbidden && first.errorCode == "password_change_required")
            let change = "{\"name\":\"erin\",\"current\":\"\(generated)\",\"new\":\"\(WebHarness.password)\"}"
            #expect(try await client.call(.post, "/api/v1/auth/password", json: change).status == .noContent)
            #expect(try await client.call(.post, "/api/v1/auth/login", json: Self.login("erin")).status == .ok)

            #expect(try await client.call(.post, "/api/v1/users/erin/lock", sam).status == .noContent)
            #expect(try await client.call(.post, "/api/v1/auth/login", json: Self.login("erin")).status == .unauthorized)
            let conflict = try await client.call(.put, "/api/v1/users/erin/roles", sam, json: "{\"roles\":[\"audit_admin\",\"security_admin\"]}")
            #expect(conflict.status == .unprocessableContent && conflict.errorCode == "role_conflict")
        }
    }

    @Test func tokensAreCreatedShownOnceAndRevoked() async throws {
        try await WebHarness.run { harness, client in
            let sam = try await harness.session("sam", [.securityAdmin])
            let created = try await client.call(.post, "/api/v1/tokens", sam, json: "{\"name\":\"national-platform\",\"roles\":[\"author\"]}")
            #expect(created.status == .created)
            let secret = try #require(created.object["secret"] as? String)
            let id = try #require((created.object["token"] as? [String: Any])?["id"] as? Int)
            let bearer: HTTPFields = [.authorization: "Bearer \(secret)"]
            #expect(try await client.call(.get, "/api/v1/auth/me", bearer).object["kind"] as? String == "token")
            let list = try await client.call(.get, "/api/v1/tokens", sam)
            #expect(!list.text.contains(secret))
            #expect(try await client.call(.delete, "/api/v1/tokens/\(id)", sam).status == .noContent)
            let revoked = try await client.call(.get, "/api/v1/auth/me", bearer)
            #expect(revoked.status == .unauthorized && revoked.errorCode == "invalid_token")
            let admin = try await client.call(.post, "/api/v1/tokens", sam, json: "{\"name\":\"x\",\"roles\":[\"audit_admin\"]}")
            #expect(admin.status == .unprocessableContent && admin.errorCode == "role_conflict")
        }
    }
}

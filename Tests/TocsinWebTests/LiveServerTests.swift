import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinWeb

/// The application `tocsin serve` runs, over a real socket on 127.0.0.1 (a free port): health,
/// a login whose audit record names the client address, and a graceful stop when the test ends.
@Suite struct LiveServerTests {
    @Test func servesOverTCPAndRecordsTheClientAddress() async throws {
        try await withTestStore(.sqlite) { store in
            let harness = WebHarness(store: store, configuration: WebConfiguration(host: "127.0.0.1", port: 0))
            try await harness.user("alice", [.author])
            let app = buildApplication(services: harness.services, configuration: harness.configuration, clock: harness.clock)
            try await app.test(.live) { client in
                let health = try await client.call(.get, "/healthz")
                #expect(health.status == .ok && health.headers[.xFrameOptions] == "DENY")
                let login = try await client.call(.post, "/api/v1/auth/login", json: "{\"name\":\"alice\",\"password\":\"\(WebHarness.password)\"}")
                #expect(login.status == .ok)
            }
            let logins = try await store.auditRecords(limit: 100, actionPrefix: "login")
            #expect(logins.last?.event.source == "127.0.0.1" || logins.last?.event.source == "::1")
        }
    }
}

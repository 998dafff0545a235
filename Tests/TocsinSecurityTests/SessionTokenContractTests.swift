import Foundation
import Testing
import TocsinCore
import TocsinSecurity
import TocsinStorage
import TocsinTestSupport

/// Session timeouts and API tokens, on SQLite and PostgreSQL.
@Suite struct SessionTokenContractTests {
    @Test(arguments: TestEngine.available)
    func idleTimeoutEndsTheSession(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let clock = ManualWallClock(), s = service(store, clock: clock)
            try await readyUser(s)
            let login = try await s.login(name: "alice", password: goodPassword, source: "x")
            clock.advance(29 * 60)
            _ = try await s.principal(forSession: login.secret)          // activity moves the idle timer
            clock.advance(29 * 60)
            _ = try await s.principal(forSession: login.secret)
            clock.advance(30 * 60)
            let e1 = await securityError { _ = try await s.principal(forSession: login.secret) }
            #expect(e1?.code == .sessionExpired)
            #expect(try await store.session(idHash: login.session.idHash) == nil, "an expired session is deleted")
        }
    }

    @Test(arguments: TestEngine.available)
    func absoluteTimeoutEndsABusySession(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let clock = ManualWallClock(), s = service(store, clock: clock)
            try await readyUser(s)
            let login = try await s.login(name: "alice", password: goodPassword, source: "x")
            for _ in 0..<47 {
                clock.advance(15 * 60)
                _ = try await s.principal(forSession: login.secret)
            }
            clock.advance(15 * 60)                                         // 12 h after login
            let e = await securityError { _ = try await s.principal(forSession: login.secret) }
            #expect(e?.code == .sessionExpired && e?.message.contains("12 h") == true)
        }
    }

    @Test(arguments: TestEngine.available)
    func logoutAndSecretsAreNotStored(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let s = service(store, clock: ManualWallClock())
            try await readyUser(s)
            let login = try await s.login(name: "alice", password: goodPassword, source: "x")
            #expect(try await store.session(idHash: login.secret) == nil, "only the digest is stored")
            try await s.logout(secret: login.secret, source: "x")
            let e2 = await securityError { _ = try await s.principal(forSession: login.secret) }
            #expect(e2?.code == .sessionExpired)
        }
    }

    @Test(arguments: TestEngine.available)
    func tokensAreScopedToRolesAndRevocable(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let s = service(store, clock: ManualWallClock())
            let (token, secret) = try await s.createToken(name: "national-platform", roles: try RoleSet([.author]), actor: "sec", source: "cli")
            #expect(token.tokenHash != secret && !token.tokenHash.contains(secret))
            let client = try await s.principal(forToken: secret, source: "10.1.1.1")
            #expect(client.description == "token:national-platform")
            try await s.authorise(client, .draftWarning, target: "warning", source: "10.1.1.1")
            let e3 = await securityError { try await s.authorise(client, .reviewWarning, target: "warning:1", source: "10.1.1.1") }
            #expect(e3?.code == .forbidden)
            #expect(try await store.auditRecords(actionPrefix: "token.create").count == 1)

            try await s.revokeToken(id: token.id, actor: "sec", source: "cli")
            let e4 = await securityError { _ = try await s.principal(forToken: secret, source: "x") }
            #expect(e4?.code == .invalidToken)
            let e5 = await securityError { _ = try await s.principal(forToken: "tcs_guess", source: "x") }
            #expect(e5?.code == .invalidToken)
            let e6 = await securityError { try await s.revokeToken(id: 999, actor: "sec", source: "cli") }
            #expect(e6?.code == .unknownToken)
            #expect(try await store.tokens().first?.revokedAt != nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func tokensExpireAndNeverHoldAdminRoles(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let clock = ManualWallClock(), s = service(store, clock: clock)
            let e = await securityError { _ = try await s.createToken(name: "x", roles: try RoleSet([.auditAdmin]), actor: "sec", source: "cli") }
            #expect(e?.code == .roleConflict)
            let (_, secret) = try await s.createToken(name: "feed", roles: try RoleSet([.operator]), expiresAt: clock.now().addingTimeInterval(3600), actor: "sec", source: "cli")
            _ = try await s.principal(forToken: secret, source: "x")
            clock.advance(3600)
            let e7 = await securityError { _ = try await s.principal(forToken: secret, source: "x") }
            #expect(e7?.code == .invalidToken)
        }
    }
}

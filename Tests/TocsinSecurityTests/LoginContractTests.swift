import Foundation
import Testing
import TocsinCore
import TocsinSecurity
import TocsinStorage
import TocsinTestSupport

/// Logins, lockout, expiry and password history, on SQLite and PostgreSQL.
@Suite struct LoginContractTests {
    @Test(arguments: TestEngine.available)
    func loginOpensASessionAndIsAudited(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let clock = ManualWallClock(), s = service(store, clock: clock)
            try await readyUser(s)
            let login = try await s.login(name: "alice", password: goodPassword, source: "10.0.0.7")
            #expect(login.principal.name == "alice" && login.principal.roles.contains(.author))
            #expect(try await s.principal(forSession: login.secret).name == "alice")
            let logins = try await store.auditRecords(actionPrefix: "login")
            #expect(logins.last?.event.result == .success && logins.last?.event.source == "10.0.0.7")
        }
    }

    @Test(arguments: TestEngine.available)
    func unknownNameAndWrongPasswordLookTheSame(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let s = service(store, clock: ManualWallClock())
            try await readyUser(s)
            let wrong = await securityError { _ = try await s.login(name: "alice", password: "Wrong-Password-123456", source: "x") }
            let unknown = await securityError { _ = try await s.login(name: "mallory", password: "Wrong-Password-123456", source: "x") }
            #expect(wrong != nil && wrong == unknown, "same code and message for both")
            #expect(wrong?.code == .invalidCredentials)
            let failures = try await store.auditRecords(actionPrefix: "login").filter { $0.event.result == .failure }
            #expect(failures.map(\.event.actor) == ["alice", "mallory"], "both failures are audited")
            #expect(!failures.contains { $0.event.detail.contains("Wrong-Password") }, "passwords never reach the audit trail")
        }
    }

    @Test(arguments: TestEngine.available)
    func lockoutAfterFiveFailuresAndCoolDown(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let clock = ManualWallClock(), s = service(store, clock: clock)
            try await readyUser(s)
            for _ in 1...5 {
                let e1 = await securityError { _ = try await s.login(name: "alice", password: "Wrong-Password-123456", source: "x") }
                #expect(e1?.code == .invalidCredentials)
            }
            let locked = await securityError { _ = try await s.login(name: "alice", password: goodPassword, source: "x") }
            #expect(locked?.code == .invalidCredentials, "even the right password is refused while locked, without saying so")
            #expect(try await store.auditRecords(actionPrefix: "user.lockout").count == 1)
            clock.advance(14 * 60)
            let e2 = await securityError { _ = try await s.login(name: "alice", password: goodPassword, source: "x") }
            #expect(e2 != nil)
            clock.advance(60)
            _ = try await s.login(name: "alice", password: goodPassword, source: "x")
            #expect(try await store.user(named: "alice")?.login.failures == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func adminLockAndUnlock(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let s = service(store, clock: ManualWallClock())
            try await readyUser(s)
            let session = try await s.login(name: "alice", password: goodPassword, source: "x")
            try await s.setLocked(name: "alice", true, actor: "sec", source: "cli")
            let e3 = await securityError { _ = try await s.principal(forSession: session.secret) }
            #expect(e3?.code == .sessionExpired)
            let e4 = await securityError { _ = try await s.login(name: "alice", password: goodPassword, source: "x") }
            #expect(e4?.code == .invalidCredentials)
            try await s.setLocked(name: "alice", false, actor: "sec", source: "cli")
            _ = try await s.login(name: "alice", password: goodPassword, source: "x")
        }
    }

    @Test(arguments: TestEngine.available)
    func expiredOrAdminSetPasswordMustBeChanged(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let clock = ManualWallClock(), s = service(store, clock: clock)
            _ = try await s.addUser(name: "bob", roles: try RoleSet([.reviewer]), password: "Admin-Set-Password-99!", actor: "sec", source: "cli")
            let e5 = await securityError { _ = try await s.login(name: "bob", password: "Admin-Set-Password-99!", source: "x") }
            #expect(e5?.code == .passwordChangeRequired)
            try await s.changePassword(name: "bob", current: "Admin-Set-Password-99!", new: goodPassword, source: "x")
            _ = try await s.login(name: "bob", password: goodPassword, source: "x")
            clock.advance(30 * 86400)
            let expired = await securityError { _ = try await s.login(name: "bob", password: goodPassword, source: "x") }
            #expect(expired?.code == .passwordChangeRequired && expired?.message.contains("30 days") == true, "\(String(describing: expired))")
            try await s.changePassword(name: "bob", current: goodPassword, new: "Another-Good-Pass-77#", source: "x")
            _ = try await s.login(name: "bob", password: "Another-Good-Pass-77#", source: "x")
            #expect(try await store.auditRecords(actionPrefix: "password.change").count == 2)
        }
    }

    @Test(arguments: TestEngine.available)
    func lastFivePasswordsCannotBeReused(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let s = service(store, clock: ManualWallClock())
            let passwords = (1...6).map { "History-Password-\($0)-Ok!" }
            try await readyUser(s, password: passwords[0])
            for (old, new) in zip(passwords, passwords.dropFirst()) {
                try await s.changePassword(name: "alice", current: old, new: new, source: "x")
            }
            // History, newest first: 6 5 4 3 2 — all refused; 1 is older than five and allowed.
            for reused in passwords[1...5] {
                let e = await securityError { try await s.changePassword(name: "alice", current: passwords[5], new: reused, source: "x") }
                #expect(e?.code == .passwordReused, "\(reused)")
            }
            let weak = await securityError { try await s.changePassword(name: "alice", current: passwords[5], new: "short", source: "x") }
            #expect(weak?.code == .passwordPolicy)
            try await s.changePassword(name: "alice", current: passwords[5], new: passwords[0], source: "x")
        }
    }

    @Test(arguments: TestEngine.available)
    func adminRolesAreSeparatedAndRoleChangesAudited(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let s = service(store, clock: ManualWallClock())
            #expect(throws: SecurityError.self) { try RoleSet([.systemAdmin, .auditAdmin]) }
            try await readyUser(s, "carol", roles: [.auditAdmin])
            let e = await securityError { try await s.setRoles(name: "carol", roles: try RoleSet([.auditAdmin, .securityAdmin]), actor: "sec", source: "cli") }
            #expect(e?.code == .roleConflict)
            try await s.setRoles(name: "carol", roles: try RoleSet([.auditAdmin, .reviewer]), actor: "sec", source: "cli")
            let change = try #require(try await store.auditRecords(actionPrefix: "user.roles").last)
            #expect(change.event.detail.contains("audit_admin,reviewer"))
            let carol = try await s.login(name: "carol", password: goodPassword, source: "x").principal
            try await s.authorise(carol, .readAudit, target: "audit_log", source: "x")
            let e6 = await securityError { try await s.authorise(carol, .configureSystem, target: "settings", source: "x") }
            #expect(e6?.code == .forbidden)
            #expect(try await store.auditRecords(actionPrefix: "access").last?.event.result == .denied)
        }
    }
}

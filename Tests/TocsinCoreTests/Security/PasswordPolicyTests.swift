import Foundation
import Testing
import TocsinCore

@Suite struct PasswordPolicyTests {
    let policy = PasswordPolicy()
    static let good = "Correct-Horse-42-Battery"

    @Test func defaultsFollowTheContract() {
        #expect(policy.minimumLength == 18)
        #expect(policy.maximumAge == .seconds(30 * 86400))
        #expect(policy.historyCount == 5)
        #expect(policy.violations(of: Self.good).isEmpty)
    }

    @Test(arguments: [
        ("Short-1a", "at least 18"),
        ("correct-horse-42-battery", "upper-case"),
        ("CORRECT-HORSE-42-BATTERY", "lower-case"),
        ("Correct-Horse-XX-Battery", "digit"),
        ("CorrectHorse42BatteryStaple", "symbol"),
    ])
    func eachRuleIsEnforced(password: String, expected: String) {
        let problems = policy.violations(of: password)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.contains(expected) == true, "\(problems)")
        #expect(throws: SecurityError.self) { try policy.check(password) }
    }

    @Test func everyBrokenRuleIsListed() {
        #expect(policy.violations(of: "abc").count == 4)
        let error = #expect(throws: SecurityError.self) { try policy.check("abc") }
        #expect(error?.code == .passwordPolicy)
        #expect(error?.message.contains("digit") == true)
    }

    @Test func userNameInPasswordIsRefused() {
        #expect(policy.violations(of: "Alice-Wonder-2026-xyz", userName: "alice").contains { $0.contains("user name") })
    }

    @Test func tooLongIsRefused() {
        #expect(!policy.violations(of: String(repeating: "Aa1!", count: 40)).isEmpty)
    }

    @Test func rulesAreConfigurable() {
        var nist = PasswordPolicy()
        nist.minimumLength = 15
        nist.requireUppercase = false
        nist.requireSymbol = false
        nist.requireDigit = false
        nist.maximumAge = nil
        #expect(nist.violations(of: "correct horse battery").isEmpty)
        #expect(!nist.isExpired(changedAt: .distantPast, now: Date()))
    }

    @Test func expiryAfterThirtyDays() {
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(!policy.isExpired(changedAt: t0, now: t0.addingTimeInterval(29 * 86400)))
        #expect(policy.isExpired(changedAt: t0, now: t0.addingTimeInterval(30 * 86400)))
    }

    @Test func lockoutAfterFiveFailuresThenCoolDown() {
        let lockout = LockoutPolicy()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        var state = LockoutPolicy.State()
        for i in 1...4 {
            let next = lockout.afterFailure(state, now: t0)
            #expect(!next.lockedNow && next.state.failures == i)
            state = next.state
        }
        let fifth = lockout.afterFailure(state, now: t0)
        #expect(fifth.lockedNow)
        #expect(lockout.isLocked(fifth.state, now: t0.addingTimeInterval(14 * 60)))
        #expect(!lockout.isLocked(fifth.state, now: t0.addingTimeInterval(15 * 60)))
        // After the cool-down a new failure starts a new count.
        let after = lockout.afterFailure(fifth.state, now: t0.addingTimeInterval(16 * 60))
        #expect(!after.lockedNow && after.state.failures == 1)
    }

    @Test func sessionIdleAndAbsoluteTimeouts() throws {
        let p = SessionPolicy()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        var s = Session(idHash: "h", userID: 1, createdAt: t0, lastSeenAt: t0, source: "t")
        try p.check(s, now: t0.addingTimeInterval(29 * 60))
        #expect(throws: SecurityError.self) { try p.check(s, now: t0.addingTimeInterval(30 * 60)) }
        s.lastSeenAt = t0.addingTimeInterval(11.9 * 3600)
        try p.check(s, now: t0.addingTimeInterval(11.95 * 3600))
        let e = #expect(throws: SecurityError.self) { try p.check(s, now: t0.addingTimeInterval(12 * 3600)) }
        #expect(e?.code == .sessionExpired && e?.message.contains("12 h") == true)
    }
}

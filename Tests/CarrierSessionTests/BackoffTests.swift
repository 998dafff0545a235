import Testing
@testable import CarrierSession

@Suite("Reconnect backoff")
struct BackoffTests {
    @Test func ceilingsDoubleUpToTheCap() {
        let policy = BackoffPolicy.standard
        let ceilings = (1...9).map { policy.ceiling(failures: $0) }
        #expect(ceilings == [1, 2, 4, 8, 16, 32, 60, 60, 60].map { Duration.seconds($0) })
        #expect(policy.ceiling(failures: 0) == .seconds(1))
        #expect(policy.ceiling(failures: Int.max) == .seconds(60))
    }

    /// Each delay lies in [ceiling × (1 − jitter), ceiling] and never above the cap.
    @Test(arguments: [1, 2, 3, 42, 0xDEAD_BEEF] as [UInt64])
    func delaysStayWithinBounds(seed: UInt64) {
        var backoff = ReconnectBackoff(random: SplitMix64(seed: seed))
        for failure in 1...20 {
            let delay = backoff.delay(after: .backoff)
            let ceiling = BackoffPolicy.standard.ceiling(failures: failure)
            #expect(delay <= ceiling, "failure \(failure)")
            #expect(delay >= ceiling * 0.8 - .milliseconds(1), "failure \(failure)")
            #expect(delay <= .seconds(60))
        }
        #expect(backoff.failures == 20)
    }

    @Test func withoutJitterTheSequenceIsExact() {
        let policy = BackoffPolicy(initial: .milliseconds(500), multiplier: 3, maximum: .seconds(10), jitter: 0)
        var backoff = ReconnectBackoff(standard: policy, random: SplitMix64(seed: 7))
        let delays = (0..<5).map { _ in backoff.delay(after: .backoff) }
        #expect(delays == [.milliseconds(500), .milliseconds(1500), .milliseconds(4500), .seconds(10), .seconds(10)])
    }

    @Test func sameSeedSameJitterDifferentSeedDifferentJitter() {
        func sequence(_ seed: UInt64) -> [Duration] {
            var backoff = ReconnectBackoff(random: SplitMix64(seed: seed))
            return (0..<8).map { _ in backoff.delay(after: .backoff) }
        }
        #expect(sequence(42) == sequence(42))
        #expect(sequence(42) != sequence(43))
    }

    /// A wrong password must not hammer the gateway: its own, slower schedule.
    @Test func linkFatalUsesTheSlowSchedule() {
        var backoff = ReconnectBackoff(random: SplitMix64(seed: 1))
        let reason = CloseReason.loginRejected(status: "3 authentication error", retryClass: .linkFatal)
        let first = backoff.delay(after: reason)
        let second = backoff.delay(after: reason)
        #expect(first >= .seconds(240) && first <= .seconds(300))
        #expect(second >= .seconds(480) && second <= .seconds(600))
        #expect(backoff.fatalFailures == 2)
        #expect(backoff.failures == 0)
        for _ in 0..<20 { _ = backoff.delay(after: reason) }
        #expect(backoff.delay(after: reason) <= .seconds(3600))
    }

    @Test func stableSessionResetsTheCount() {
        var backoff = ReconnectBackoff(
            standard: BackoffPolicy(initial: .seconds(1), multiplier: 2, maximum: .seconds(60), jitter: 0),
            random: SplitMix64(seed: 1))
        #expect(backoff.delay(after: .connectionLost) == .seconds(1))
        #expect(backoff.delay(after: .connectionLost, boundFor: .seconds(30)) == .seconds(2))
        #expect(backoff.delay(after: .linkDead, boundFor: .seconds(59)) == .seconds(4))
        #expect(backoff.delay(after: .connectionLost, boundFor: .seconds(60)) == .seconds(1))
        #expect(backoff.delay(after: .requested) == .zero)
        #expect(backoff.failures == 1)
    }
}

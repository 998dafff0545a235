import Testing
@testable import CarrierSession

@Suite("Submit window")
struct SubmitWindowTests {
    private func failed(_ key: UInt32, _ request: String, _ reason: SubmitFailure.Reason, _ attempts: Int) -> Action {
        .failSubmit(key: key, request: request, failure: SubmitFailure(reason: reason, attempts: attempts))
    }

    @Test func responsesCompleteByKeyInAnyOrder() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .submit(key: 1, request: "a"), [.sendSubmit(key: 1, request: "a", attempt: 1)]),
            Step(1, .submit(key: 2, request: "b"), [.sendSubmit(key: 2, request: "b", attempt: 1)]),
            Step(2, .received(.submitResponse(key: 2, response: "ok-b")),
                 [.completeSubmit(key: 2, request: "b", response: "ok-b")]),
            Step(3, .received(.submitResponse(key: 1, response: "ok-a")),
                 [.completeSubmit(key: 1, request: "a", response: "ok-a")]),
        ])
        #expect(harness.machine.inFlightCount == 0)
    }

    @Test func windowFullHandsTheSubmitBack() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .submit(key: 1, request: "a"), [.sendSubmit(key: 1, request: "a", attempt: 1)]),
            Step(1, .submit(key: 2, request: "b"), [.sendSubmit(key: 2, request: "b", attempt: 1)]),
            Step(1, .submit(key: 3, request: "c"), [.windowFull(key: 3, request: "c")]),
            Step(2, .received(.submitResponse(key: 1, response: "ok")),
                 [.completeSubmit(key: 1, request: "a", response: "ok")]),
            Step(2, .submit(key: 3, request: "c"), [.sendSubmit(key: 3, request: "c", attempt: 1)]),
        ])
        #expect(harness.machine.availableSlots == 0)
    }

    @Test func duplicateKeyIsRefused() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .submit(key: 1, request: "a"), [.sendSubmit(key: 1, request: "a", attempt: 1)]),
            Step(1, .submit(key: 1, request: "z"), [failed(1, "z", .duplicateKey, 0)]),
        ])
    }

    @Test func unknownResponseIsReportedNotFatal() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .submit(key: 1, request: "a"), [.sendSubmit(key: 1, request: "a", attempt: 1)]),
            Step(2, .received(.submitResponse(key: 99, response: "??")), [.unknownResponse(key: 99, response: "??")]),
            Step(3, .received(.submitResponse(key: 1, response: "ok")),
                 [.completeSubmit(key: 1, request: "a", response: "ok")]),
            Step(4, .received(.submitResponse(key: 1, response: "again")), [.unknownResponse(key: 1, response: "again")]),
        ])
        #expect(harness.machine.state == .bound)
    }

    /// T = 10 s, N = 3: sends at 1, 11, 21; fails at 31. The peer keeps talking (a keep-alive
    /// answer at 5 s), so this is a lost response, not a dead link.
    @Test func deadlineExpiryResendsWithSameKeyThenFails() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .submit(key: 7, request: "a"), [.sendSubmit(key: 7, request: "a", attempt: 1)]),
            Step(5, .received(.request(key: 500)), [.handlePeerRequest(key: 500)]),
            Step(10, .tick, []),
            Step(11, .tick, [.sendSubmit(key: 7, request: "a", attempt: 2)]),
            Step(21, .tick, [.sendSubmit(key: 7, request: "a", attempt: 3)]),
            Step(30, .tick, []),
            Step(31, .tick, [failed(7, "a", .timedOut, 3)]),
        ])
        #expect(harness.machine.state == .bound)
        #expect(SubmitFailure(reason: .timedOut, attempts: 3).retry == .mayDuplicate)
    }

    @Test func lateResponseAfterTimeoutIsReportedAsLate() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .submit(key: 7, request: "a"), [.sendSubmit(key: 7, request: "a", attempt: 1)]),
            Step(2, .received(.keepAliveRequest(key: 600)), [.answerKeepAlive(key: 600)]),
            Step(11, .tick, [.sendSubmit(key: 7, request: "a", attempt: 2)]),
            Step(21, .tick, [.sendSubmit(key: 7, request: "a", attempt: 3)]),
            Step(31, .tick, [failed(7, "a", .timedOut, 3)]),
            Step(32, .received(.submitResponse(key: 7, response: "ok")), [.lateResponse(key: 7, response: "ok")]),
        ])
    }

    /// A response to an earlier send, arriving after a resend, still completes the submit.
    @Test func responseAfterResendCompletes() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .submit(key: 7, request: "a"), [.sendSubmit(key: 7, request: "a", attempt: 1)]),
            Step(11, .tick, [.sendSubmit(key: 7, request: "a", attempt: 2)]),
            Step(12, .received(.submitResponse(key: 7, response: "ok")),
                 [.completeSubmit(key: 7, request: "a", response: "ok")]),
            Step(21, .tick, []),
        ])
    }

    /// Nothing at all received while a submit used all its sends: the link is dead; the other
    /// in-flight submit comes back too.
    @Test func exhaustedSubmitWithSilentPeerDeclaresLinkDead() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .submit(key: 1, request: "a"), [.sendSubmit(key: 1, request: "a", attempt: 1)]),
            Step(6, .submit(key: 2, request: "b"), [.sendSubmit(key: 2, request: "b", attempt: 1)]),
            Step(11, .tick, [.sendSubmit(key: 1, request: "a", attempt: 2)]),
            Step(16, .tick, [.sendSubmit(key: 2, request: "b", attempt: 2)]),
            Step(21, .tick, [.sendSubmit(key: 1, request: "a", attempt: 3)]),
            Step(26, .tick, [.sendSubmit(key: 2, request: "b", attempt: 3)]),
            Step(31, .tick, [failed(1, "a", .timedOut, 3), failed(2, "b", .linkDead, 3),
                             .closeConnection, .stateChanged(.closed(.linkDead))]),
        ])
    }

    @Test func submitDeadlinesDriveTheTimer() {
        var harness = Harness.bound()
        #expect(harness.scheduled == at(30))  // keep-alive: 30 s idle
        _ = harness.feed(1, .submit(key: 1, request: "a"))
        #expect(harness.scheduled == at(11))
        _ = harness.feed(11, .tick)
        #expect(harness.scheduled == at(21))
        _ = harness.feed(12, .received(.submitResponse(key: 1, response: "ok")))
        #expect(harness.scheduled == at(42))  // back to keep-alive, from the last inbound PDU
    }

    /// After a tick the machine always names its next tick, even if unchanged (an early timer
    /// must not leave the shell without one); other events only when it changed.
    @Test func tickAlwaysReschedules() {
        var machine = Machine(parameters: testParameters)
        _ = machine.handle(.connect, now: at(0))
        _ = machine.handle(.connected, now: at(0))
        #expect(machine.handle(.loginResponse(.accepted), now: at(0)) == [.stateChanged(.bound), .scheduleTick(at: at(30))])
        #expect(machine.handle(.tick, now: at(29)) == [.scheduleTick(at: at(30))])
        #expect(machine.handle(.received(.request(key: 1)), now: at(29)) == [.handlePeerRequest(key: 1), .scheduleTick(at: at(59))])
        #expect(machine.handle(.received(.request(key: 2)), now: at(29)) == [.handlePeerRequest(key: 2)])
    }

    @Test func windowValueExpiresInSendOrder() {
        var window = SubmitWindow<UInt32, String, ManualClock.Instant>(
            capacity: 3, responseTimeout: .seconds(10), maxAttempts: 2)
        #expect(window.insert(key: 30, request: "c", now: at(0)) == .inserted)
        #expect(window.insert(key: 10, request: "a", now: at(0)) == .inserted)
        #expect(window.insert(key: 20, request: "b", now: at(1)) == .inserted)
        #expect(window.insert(key: 40, request: "d", now: at(1)) == .full)
        #expect(window.insert(key: 10, request: "a", now: at(1)) == .duplicateKey)
        #expect(window.nextDeadline == at(10))
        let first = window.expire(now: at(11)).map { expiry -> String in
            switch expiry {
            case .resend(let e): return "resend \(e.key) #\(e.attempts)"
            case .exhausted(let e): return "exhausted \(e.key)"
            }
        }
        #expect(first == ["resend 30 #2", "resend 10 #2", "resend 20 #2"])
        let second = window.expire(now: at(21)).map { expiry -> UInt32 in
            if case .exhausted(let e) = expiry { return e.key }
            return 0
        }
        #expect(second == [30, 10, 20])
        #expect(window.isEmpty)
    }
}

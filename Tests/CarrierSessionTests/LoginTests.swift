import Testing
@testable import CarrierSession

@Suite("Connect and login")
struct LoginTests {
    @Test func loginSuccessBindsTheLink() {
        var harness = Harness()
        harness.run([
            Step(0, .connect, [.openConnection, .stateChanged(.connecting)]),
            Step(1, .connected, [.sendLogin, .stateChanged(.loggingIn)]),
            Step(2, .loginResponse(.accepted), [.stateChanged(.bound)]),
        ])
        #expect(harness.machine.state == .bound)
        #expect(harness.machine.availableSlots == 2)
    }

    struct FailureCase: Sendable, CustomStringConvertible {
        var name: String
        var steps: [Step]
        var reason: CloseReason
        var reconnect: ReconnectKind
        var description: String { name }
    }

    static let failures: [FailureCase] = [
        FailureCase(
            name: "wrong password (linkFatal)",
            steps: [Step(2, .loginResponse(.rejected(status: "3 authentication error", retryClass: .linkFatal)),
                         [.closeConnection, .stateChanged(.closed(.loginRejected(
                             status: "3 authentication error", retryClass: .linkFatal)))])],
            reason: .loginRejected(status: "3 authentication error", retryClass: .linkFatal),
            reconnect: .slowBackoff),
        FailureCase(
            name: "version too high (permanent)",
            steps: [Step(2, .loginResponse(.rejected(status: "4 version", retryClass: .permanent)),
                         [.closeConnection, .stateChanged(.closed(.loginRejected(
                             status: "4 version", retryClass: .permanent)))])],
            reason: .loginRejected(status: "4 version", retryClass: .permanent),
            reconnect: .slowBackoff),
        FailureCase(
            name: "too many connections (retryLater)",
            steps: [Step(2, .loginResponse(.rejected(status: "2", retryClass: .retryLater)),
                         [.closeConnection, .stateChanged(.closed(.loginRejected(status: "2", retryClass: .retryLater)))])],
            reason: .loginRejected(status: "2", retryClass: .retryLater),
            reconnect: .backoff),
        FailureCase(
            name: "login timeout",
            steps: [Step(10, .tick, []),
                    Step(11, .tick, [.closeConnection, .stateChanged(.closed(.loginTimedOut))])],
            reason: .loginTimedOut, reconnect: .backoff),
        FailureCase(
            name: "connection lost while logging in",
            steps: [Step(3, .connectionLost, [.stateChanged(.closed(.connectionLost))])],
            reason: .connectionLost, reconnect: .backoff),
        FailureCase(
            name: "close requested while logging in",
            steps: [Step(3, .close, [.closeConnection, .stateChanged(.closed(.requested))])],
            reason: .requested, reconnect: .notNeeded),
        FailureCase(
            name: "peer terminates before login answer",
            steps: [Step(3, .received(.terminateRequest(key: 9)),
                         [.answerTerminate(key: 9), .closeConnection, .stateChanged(.closed(.peerTerminated))])],
            reason: .peerTerminated, reconnect: .backoff),
    ]

    @Test(arguments: failures)
    func loginFailureClosesWithReason(_ failure: FailureCase) {
        var harness = Harness()
        _ = harness.feed(0, .connect)
        _ = harness.feed(1, .connected)  // login deadline t+11
        harness.run(failure.steps)
        #expect(harness.machine.state == .closed(failure.reason))
        #expect(failure.reason.reconnect == failure.reconnect)
    }

    @Test func connectTimeoutAndConnectFailure() {
        var timedOut = Harness()
        timedOut.run([
            Step(0, .connect, [.openConnection, .stateChanged(.connecting)]),
            Step(4, .tick, []),
            Step(5, .tick, [.closeConnection, .stateChanged(.closed(.connectTimedOut))]),
        ])
        var refused = Harness()
        refused.run([
            Step(0, .connect, [.openConnection, .stateChanged(.connecting)]),
            Step(1, .connectionLost, [.stateChanged(.closed(.connectFailed))]),
        ])
    }

    @Test func loginTimerIsScheduled() {
        var harness = Harness()
        _ = harness.feed(0, .connect)
        #expect(harness.scheduled == at(5))
        _ = harness.feed(2, .connected)
        #expect(harness.scheduled == at(12))
    }

    @Test func peerTrafficBeforeLoginAnswer() {
        var harness = Harness()
        _ = harness.feed(0, .connect)
        _ = harness.feed(0, .connected)
        harness.run([
            Step(1, .received(.keepAliveRequest(key: 5)), [.answerKeepAlive(key: 5)]),
            Step(1, .received(.request(key: 6)), [.rejectPeerRequest(key: 6)]),
            Step(1, .received(.submitResponse(key: 7, response: "ok")), [.unknownResponse(key: 7, response: "ok")]),
        ])
        #expect(harness.machine.state == .loggingIn)
    }

    @Test func aClosedMachineReconnects() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .connectionLost, [.stateChanged(.closed(.connectionLost))]),
            Step(2, .connect, [.openConnection, .stateChanged(.connecting)]),
            Step(3, .connected, [.sendLogin, .stateChanged(.loggingIn)]),
            Step(4, .loginResponse(.accepted), [.stateChanged(.bound)]),
        ])
    }

    @Test func unexpectedControlEventsAreIgnored() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .connect, []),
            Step(1, .connected, []),
            Step(1, .loginResponse(.rejected(status: "x", retryClass: .linkFatal)), []),
            Step(1, .received(.terminateResponse), []),
        ])
        #expect(harness.machine.state == .bound)
    }

    /// Submits outside `bound` come straight back, marked safe to retry.
    @Test(arguments: ["idle", "connecting", "loggingIn", "unbinding", "closed"])
    func submitOutsideBoundIsHandedBack(_ stateName: String) {
        var harness = Harness()
        switch stateName {
        case "connecting": _ = harness.feed(0, .connect)
        case "loggingIn": _ = harness.feed(0, .connect); _ = harness.feed(0, .connected)
        case "unbinding":
            harness = .bound(); _ = harness.feed(0, .submit(key: 1, request: "a")); _ = harness.feed(0, .close)
        case "closed": _ = harness.feed(0, .close)
        default: break
        }
        let reason: SubmitFailure.Reason = stateName == "unbinding" ? .closing : .notBound
        let actions = harness.feed(1, .submit(key: 42, request: "m"))
        #expect(actions == [.failSubmit(key: 42, request: "m", failure: SubmitFailure(reason: reason, attempts: 0))])
        #expect(SubmitFailure(reason: reason, attempts: 0).retry == .safe)
    }
}

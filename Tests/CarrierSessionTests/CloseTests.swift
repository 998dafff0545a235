import Testing
@testable import CarrierSession

@Suite("Closing and losing the link")
struct CloseTests {
    private func failed(_ key: UInt32, _ request: String, _ reason: SubmitFailure.Reason, _ attempts: Int) -> Action {
        .failSubmit(key: key, request: request, failure: SubmitFailure(reason: reason, attempts: attempts))
    }

    @Test func gracefulCloseWithEmptyWindowSendsTerminateAtOnce() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .close, [.sendTerminate, .stateChanged(.unbinding)]),
            Step(1, .close, []),
            Step(2, .received(.terminateResponse), [.closeConnection, .stateChanged(.closed(.requested))]),
        ])
        #expect(CloseReason.requested.reconnect == .notNeeded)
    }

    @Test func terminateResponseTimeoutClosesAnyway() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .close, [.sendTerminate, .stateChanged(.unbinding)]),
            Step(5, .tick, []),
            Step(6, .tick, [.closeConnection, .stateChanged(.closed(.requested))]),
        ])
    }

    /// Drain deadline 20 s: the unanswered submit is handed back (not resent once more), then
    /// the terminate goes out.
    @Test func drainDeadlineFailsTheRestThenTerminates() {
        var harness = Harness.bound()
        harness.run([
            Step(0, .submit(key: 1, request: "a"), [.sendSubmit(key: 1, request: "a", attempt: 1)]),
            Step(1, .received(.request(key: 800)), [.handlePeerRequest(key: 800)]),
            Step(1, .close, [.stateChanged(.unbinding)]),
            Step(10, .tick, [.sendSubmit(key: 1, request: "a", attempt: 2)]),
            Step(20, .tick, [.sendSubmit(key: 1, request: "a", attempt: 3)]),
            Step(21, .tick, [failed(1, "a", .drainTimedOut, 3), .sendTerminate]),
            Step(22, .received(.submitResponse(key: 1, response: "ok")), [.lateResponse(key: 1, response: "ok")]),
            Step(23, .received(.terminateResponse), [.closeConnection, .stateChanged(.closed(.requested))]),
        ])
    }

    @Test func peerTerminateMidWindow() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .submit(key: 1, request: "a"), [.sendSubmit(key: 1, request: "a", attempt: 1)]),
            Step(2, .submit(key: 2, request: "b"), [.sendSubmit(key: 2, request: "b", attempt: 1)]),
            Step(3, .received(.submitResponse(key: 9, response: "x")), [.unknownResponse(key: 9, response: "x")]),
            Step(11, .tick, [.sendSubmit(key: 1, request: "a", attempt: 2)]),
            Step(12, .received(.terminateRequest(key: 77)), [
                .answerTerminate(key: 77),
                failed(1, "a", .peerTerminated, 2),
                failed(2, "b", .peerTerminated, 1),
                .closeConnection,
                .stateChanged(.closed(.peerTerminated)),
            ]),
            Step(13, .tick, []),
            Step(13, .connectionLost, []),
        ])
        #expect(harness.machine.inFlightCount == 0)
        #expect(SubmitFailure(reason: .peerTerminated, attempts: 1).retry == .mayDuplicate)
    }

    @Test func peerTerminateWhileWeDrainKeepsOurReason() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .submit(key: 1, request: "a"), [.sendSubmit(key: 1, request: "a", attempt: 1)]),
            Step(2, .close, [.stateChanged(.unbinding)]),
            Step(3, .received(.terminateRequest(key: 5)), [
                .answerTerminate(key: 5), failed(1, "a", .peerTerminated, 1),
                .closeConnection, .stateChanged(.closed(.requested)),
            ]),
        ])
    }

    @Test(arguments: [false, true])
    func connectionLostMidWindowReturnsEveryInFlightSubmit(whileUnbinding: Bool) {
        var harness = Harness.bound()
        _ = harness.feed(1, .submit(key: 1, request: "a"))
        _ = harness.feed(2, .submit(key: 2, request: "b"))
        _ = harness.feed(3, .received(.request(key: 700)))
        _ = harness.feed(11, .tick)  // resends 1
        if whileUnbinding { _ = harness.feed(11, .close) }
        let reason: CloseReason = whileUnbinding ? .requested : .connectionLost
        harness.run([
            Step(13, .connectionLost, [
                failed(1, "a", .connectionLost, 2),
                failed(2, "b", .connectionLost, 1),
                .stateChanged(.closed(reason)),
            ]),
            Step(14, .connectionLost, []),
        ])
        #expect(harness.machine.inFlightCount == 0)
    }

    /// SGIP (sgip.md §8): no heartbeat, the SMG drops links idle 60 s, so we unbind after 45 s.
    @Test func sgipClosesIdleLinkItself() {
        var harness = Harness.bound(.sgip)
        harness.run([
            Step(10, .submit(key: 1, request: "a"), [.sendSubmit(key: 1, request: "a", attempt: 1)]),
            Step(11, .received(.submitResponse(key: 1, response: "ok")),
                 [.completeSubmit(key: 1, request: "a", response: "ok")]),
            Step(55, .tick, []),
            Step(56, .tick, [.sendTerminate, .stateChanged(.unbinding)]),
            Step(57, .received(.terminateResponse), [.closeConnection, .stateChanged(.closed(.idle))]),
        ])
        #expect(CloseReason.idle.reconnect == .notNeeded)
    }

    @Test func idleLinkIsNotClosedWhileSubmitsAreInFlight() {
        var harness = Harness.bound(.sgip)
        harness.run([
            Step(10, .submit(key: 1, request: "a"), [.sendSubmit(key: 1, request: "a", attempt: 1)]),
            Step(11, .received(.request(key: 2)), [.handlePeerRequest(key: 2)]),
            Step(40, .tick, [.sendSubmit(key: 1, request: "a", attempt: 2)]),
            Step(70, .tick, [.sendSubmit(key: 1, request: "a", attempt: 3)]),
            Step(100, .tick, [.failSubmit(key: 1, request: "a", failure: SubmitFailure(reason: .timedOut, attempts: 3))]),
            Step(114, .tick, []),  // idle counts from the last resend (70 s)
            Step(115, .tick, [.sendTerminate, .stateChanged(.unbinding)]),
        ])
    }

    @Test func closeBeforeConnecting() {
        var harness = Harness()
        harness.run([Step(0, .close, [.stateChanged(.closed(.requested))])])
    }

    @Test func eventsAfterCloseAreHarmless() {
        var harness = Harness.bound()
        _ = harness.feed(1, .connectionLost)
        harness.run([
            Step(2, .received(.submitResponse(key: 1, response: "r")), [.unknownResponse(key: 1, response: "r")]),
            Step(2, .received(.keepAliveRequest(key: 1)), []),
            Step(2, .tick, []),
            Step(2, .close, []),
        ])
    }
}

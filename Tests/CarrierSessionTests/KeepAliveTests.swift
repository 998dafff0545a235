import Testing
@testable import CarrierSession

@Suite("Keep-alive")
struct KeepAliveTests {
    /// Interval 30 s from the last inbound PDU; an answer resets the count.
    @Test func keepAliveAfterIdleIntervalAndResetByAnswer() {
        var harness = Harness.bound()
        harness.run([
            Step(29, .tick, []),
            Step(30, .tick, [.sendKeepAlive]),
            Step(35, .tick, []),
            Step(36, .received(.keepAliveResponse), []),
            Step(40, .tick, []),
            Step(65, .tick, []),
            Step(66, .tick, [.sendKeepAlive]),
        ])
        #expect(harness.scheduled == at(76))
    }

    @Test func anyInboundPDUPostponesTheKeepAlive() {
        var harness = Harness.bound()
        harness.run([
            Step(20, .received(.request(key: 1)), [.handlePeerRequest(key: 1)]),
            Step(30, .tick, []),
            Step(50, .tick, [.sendKeepAlive]),
        ])
    }

    /// N = 3 unanswered probes, T = 10 s each: probes at 30, 40, 50; dead at 60. In-flight
    /// submits come back as failed.
    @Test func deadLinkAfterThreeMisses() {
        var harness = Harness.bound()
        harness.run([
            Step(30, .tick, [.sendKeepAlive]),
            Step(39, .tick, []),
            Step(40, .tick, [.sendKeepAlive]),
            Step(50, .tick, [.sendKeepAlive]),
            Step(55, .submit(key: 3, request: "c"), [.sendSubmit(key: 3, request: "c", attempt: 1)]),
            Step(59, .tick, []),
            Step(60, .tick, [.failSubmit(key: 3, request: "c", failure: SubmitFailure(reason: .linkDead, attempts: 1)),
                             .closeConnection, .stateChanged(.closed(.linkDead))]),
        ])
        #expect(CloseReason.linkDead.reconnect == .backoff)
    }

    @Test func answerBeforeLastMissKeepsTheLink() {
        var harness = Harness.bound()
        harness.run([
            Step(30, .tick, [.sendKeepAlive]),
            Step(40, .tick, [.sendKeepAlive]),
            Step(50, .tick, [.sendKeepAlive]),
            Step(55, .received(.keepAliveResponse), []),
            Step(60, .tick, []),
            Step(85, .tick, [.sendKeepAlive]),
        ])
        #expect(harness.machine.state == .bound)
    }

    @Test func peerKeepAliveIsAnsweredWithItsKey() {
        var harness = Harness.bound()
        harness.run([Step(1, .received(.keepAliveRequest(key: 0xDEAD)), [.answerKeepAlive(key: 0xDEAD)])])
    }

    /// While draining for a close: answer the peer's keep-alives, send none of our own.
    @Test func keepAliveDuringUnbind() {
        var harness = Harness.bound()
        harness.run([
            Step(1, .submit(key: 1, request: "a"), [.sendSubmit(key: 1, request: "a", attempt: 1)]),
            Step(2, .received(.request(key: 900)), [.handlePeerRequest(key: 900)]),
            Step(3, .close, [.stateChanged(.unbinding)]),
            Step(4, .received(.keepAliveRequest(key: 70)), [.answerKeepAlive(key: 70)]),
            Step(11, .tick, [.sendSubmit(key: 1, request: "a", attempt: 2)]),
            Step(12, .received(.submitResponse(key: 1, response: "ok")),
                 [.completeSubmit(key: 1, request: "a", response: "ok"), .sendTerminate]),
            Step(13, .received(.keepAliveRequest(key: 71)), [.answerKeepAlive(key: 71)]),
            Step(14, .received(.terminateResponse), [.closeConnection, .stateChanged(.closed(.requested))]),
        ])
    }

    @Test func noKeepAliveForSGIP() {
        var harness = Harness.bound(.sgip)
        harness.run([
            Step(1, .submit(key: 1, request: "a"), [.sendSubmit(key: 1, request: "a", attempt: 1)]),
            Step(2, .received(.submitResponse(key: 1, response: "ok")),
                 [.completeSubmit(key: 1, request: "a", response: "ok")]),
            Step(40, .tick, []),
        ])
    }
}

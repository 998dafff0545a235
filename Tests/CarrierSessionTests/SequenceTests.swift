import Testing
@testable import CarrierSession

@Suite("Sequence numbers")
struct SequenceTests {
    @Test func cmppAndSmgpWrapAtUInt32() {
        var sequence = WrappingSequence(first: 0xFFFF_FFFE)
        #expect([sequence.next(), sequence.next(), sequence.next(), sequence.next()] == [0xFFFF_FFFE, 0xFFFF_FFFF, 0, 1])
        var fresh = WrappingSequence()
        #expect(fresh.next() == 1)
    }

    @Test func smppStaysInOneTo7FFFFFFF() {
        var sequence = SMPPSequence(first: 0x7FFF_FFFE)
        #expect([sequence.next(), sequence.next(), sequence.next()] == [0x7FFF_FFFE, 0x7FFF_FFFF, 1])
        var zero = SMPPSequence(first: 0)
        #expect(zero.next() == 1)
        var high = SMPPSequence(first: 0x8000_0000)
        #expect(high.next() == 1)
    }

    @Test func sgipNodeTimeAndCounter() {
        var sequence = SGIPSequenceGenerator(nodeID: 3_075_512_345)
        let time = SGIPSequenceNumber.timestamp(month: 11, day: 20, hour: 20, minute: 32, second: 25)
        #expect(time == 1_120_203_225)
        let first = sequence.next(timestamp: 1_120_203_225)
        let second = sequence.next(timestamp: 1_120_203_226)
        #expect(first == SGIPSequenceNumber(nodeID: 3_075_512_345, timestamp: 1_120_203_225, counter: 0))
        #expect(second == SGIPSequenceNumber(nodeID: 3_075_512_345, timestamp: 1_120_203_226, counter: 1))
        var wrapping = SGIPSequenceGenerator(nodeID: 1, firstCounter: .max)
        #expect(wrapping.next(timestamp: 1).counter == .max)
        #expect(wrapping.next(timestamp: 1).counter == 0)
    }

    @Test func sgipSpecRendering() {
        // sgip.md §3: node 205502, 27 Mar 12:50:25, the 327th → "205502327125025327".
        let time = SGIPSequenceNumber.timestamp(month: 3, day: 27, hour: 12, minute: 50, second: 25)
        #expect(time == 327_125_025)
        #expect(SGIPSequenceNumber(nodeID: 205_502, timestamp: 327_125_025, counter: 327).description == "205502327125025327")
        #expect(SGIPSequenceNumber.timestamp(month: 12, day: 31, hour: 23, minute: 59, second: 59) == 1_231_235_959)
    }

    @Test(arguments: [(0, 1, 0, 0, 0), (13, 1, 0, 0, 0), (1, 0, 0, 0, 0), (1, 32, 0, 0, 0),
                      (1, 1, 24, 0, 0), (1, 1, 0, 60, 0), (1, 1, 0, 0, 60)])
    func sgipTimestampRejectsOutOfRange(_ parts: (Int, Int, Int, Int, Int)) {
        #expect(SGIPSequenceNumber.timestamp(month: parts.0, day: parts.1, hour: parts.2,
                                             minute: parts.3, second: parts.4) == nil)
    }

    /// The SGIP key works as the window key (12-byte triple).
    @Test func sgipKeyDrivesTheMachine() {
        var machine = SessionStateMachine<SGIPSequenceNumber, String, String, ManualClock>(parameters: .sgip)
        _ = machine.handle(.connect, now: at(0))
        _ = machine.handle(.connected, now: at(0))
        _ = machine.handle(.loginResponse(.accepted), now: at(0))
        var sequence = SGIPSequenceGenerator(nodeID: 3_075_512_345)
        let key = sequence.next(timestamp: 1_120_203_225)
        let sent = machine.handle(.submit(key: key, request: "a"), now: at(1))
        #expect(sent.first == .sendSubmit(key: key, request: "a", attempt: 1))
        let done = machine.handle(.received(.submitResponse(key: key, response: "0")), now: at(2))
        #expect(done.first == .completeSubmit(key: key, request: "a", response: "0"))
    }

    @Test func presetsFollowTheSheets() {
        #expect(SessionParameters.cmpp.windowSize == 16)
        #expect(SessionParameters.cmpp.responseTimeout == .seconds(60))
        #expect(SessionParameters.cmpp.maxAttempts == 3)
        #expect(SessionParameters.cmpp.keepAlive == KeepAliveParameters(interval: .seconds(180), timeout: .seconds(60), maxAttempts: 3))
        #expect(SessionParameters.smgp.windowSize == 16)
        #expect(SessionParameters.sgip.windowSize == 32)
        #expect(SessionParameters.sgip.responseTimeout == .seconds(30))
        #expect(SessionParameters.sgip.keepAlive == nil)
        #expect(SessionParameters.sgip.idleClose! < .seconds(60))
        #expect(SessionParameters.smpp.keepAlive != nil)
        #expect(SessionParameters(windowSize: 0, responseTimeout: .seconds(1), maxAttempts: 0, keepAlive: nil).windowSize == 1)
    }
}

import Testing
@testable import CarrierSimulator

/// The simulators' duplicate index keeps 16 bytes per message; it must still tell messages apart
/// exactly as the number and the bytes would.
@Suite struct MessageKeyTests {
    @Test func sameNumberAndBytesAreOneMessage() {
        let text: [UInt8] = Array("【北京市预警信息发布中心】暴雨红色预警".utf8)
        #expect(MessageKey(destination: "13800000001", content: text) == MessageKey(destination: "13800000001", content: text))
    }

    @Test func anyDifferenceMakesAnotherMessage() {
        let text: [UInt8] = Array("暴雨红色预警".utf8)
        var other = text
        other[other.count - 1] ^= 1
        let key = MessageKey(destination: "13800000001", content: text)
        #expect(key != MessageKey(destination: "13800000002", content: text))
        #expect(key != MessageKey(destination: "13800000001", content: other))
        #expect(key != MessageKey(destination: "13800000001", content: text + [0]))
        #expect(MessageKey(destination: "", content: []) != MessageKey(destination: "0", content: []))
    }

    @Test func nonNumericDestinationsNeverMeetNumbers() {
        let joined = MessageKey(destination: "13800000001,13800000002", content: [1])
        #expect(joined.destination >= 1 << 63)
        #expect(MessageKey(destination: "999999999999999999", content: [1]).destination < 1 << 63)
        #expect(MessageKey(destination: "1234567890123456789", content: [1]).destination >= 1 << 63) // 19 digits: hashed
        #expect(joined != MessageKey(destination: "13800000001", content: [1]))
    }
}

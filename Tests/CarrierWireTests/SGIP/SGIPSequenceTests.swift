import NIOCore
import Testing
@testable import CarrierWire

@Suite struct SGIPSequenceTests {
    @Test func specTimeExample() {
        // sgip.md §3: 20 Nov 20:32:25 → 1120203225.
        #expect(SGIPSequence.timestamp(month: 11, day: 20, hour: 20, minute: 32, second: 25) == 1_120_203_225)
        // 27 Mar 12:50:25 → 327125025 (the leading month zero vanishes).
        #expect(SGIPSequence.timestamp(month: 3, day: 27, hour: 12, minute: 50, second: 25) == 327_125_025)
        #expect(SGIPSequence.timestamp(month: 13, day: 1, hour: 0, minute: 0, second: 0) == nil)
        #expect(SGIPSequence.timestamp(month: 1, day: 1, hour: 24, minute: 0, second: 0) == nil)
    }

    @Test func specRendering() {
        let seq = SGIPSequence(nodeID: 205_502, timestamp: 327_125_025, counter: 327)
        #expect(seq.description == "205502/327125025/327")
        #expect(seq.concatenatedDecimal == "205502327125025327")
        #expect(SGIPSequence("205502/327125025/327") == seq)
    }

    @Test func nodeIDAboveInt32() throws {
        let seq = SGIPVectors.sp(2)
        #expect(seq.nodeID > UInt32(Int32.max))
        #expect(seq.description == "3075512345/1120203225/2")
        #expect(SGIPSequence(seq.description) == seq)
        var buffer = ByteBuffer()
        seq.write(into: &buffer)
        #expect(Array(buffer.readableBytesView) == hexBytes("b7 50 98 19 42 c4 f1 d9 00 00 00 02"))
    }

    @Test func parseRejectsMalformed() {
        #expect(SGIPSequence("1/2") == nil)
        #expect(SGIPSequence("1/2/3/4") == nil)
        #expect(SGIPSequence("1//3") == nil)
        #expect(SGIPSequence("4294967296/1/1") == nil)
        #expect(SGIPSequence("-1/1/1") == nil)
    }

    @Test func hashableKeyAndNext() {
        let a = SGIPVectors.sp(1)
        var seen: Set<SGIPSequence> = [a]
        #expect(seen.contains(SGIPVectors.sp(1)))
        #expect(!seen.contains(a.next()))
        seen.insert(a.next())
        #expect(seen.count == 2)
        #expect(SGIPSequence(nodeID: 1, timestamp: 1, counter: .max).next().counter == 0)
    }
}

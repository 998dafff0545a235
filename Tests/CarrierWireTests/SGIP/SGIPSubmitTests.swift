import Testing
@testable import CarrierWire

@Suite struct SGIPSubmitTests {
    @Test func submitGolden() throws {
        try sgipExpectGolden(SGIPPacket(sequence: SGIPVectors.sp(2), body: .submit(SGIPVectors.submit)), sgipBytes(SGIPVectors.submitHex))
        #expect(sgipBytes(SGIPVectors.submitHex).count == 168)
    }

    @Test func submitRespGolden() throws {
        let packet = SGIPPacket(sequence: SGIPVectors.sp(2), body: .submitResp(SGIPResponse(result: .ok)))
        try sgipExpectGolden(packet, sgipBytes("00 00 00 1d 80 00 00 03 b7 50 98 19 42 c4 f1 d9 00 00 00 02 00 00 00 00 00 00 00 00 00"))
    }

    @Test func roundTripWithAllFields() throws {
        var submit = SGIPVectors.submit
        submit.chargeNumber = String(repeating: "0", count: 21)
        submit.userNumbers = (0..<5).map { "861300000000\($0)" }
        submit.expireTime = "250830120000032+"
        submit.scheduleTime = "250830110000032+"
        submit.tpUdhi = 1
        submit.content = [0x05, 0x00, 0x03, 0x2a, 0x02, 0x01] + Array(repeating: 0x4e, count: 134)
        submit.reserve = "LINK0001"
        submit.priority = 9
        try sgipExpectRoundTrip(SGIPPacket(sequence: SGIPVectors.sp(42), body: .submit(submit)))
        try sgipExpectRoundTrip(SGIPPacket(sequence: SGIPVectors.sp(42), body: .submitResp(SGIPResponse(result: .tooFast))))
    }

    @Test func twoKilobyteCapLimitsRecipients() throws {
        // sgip.md §2.1: with 140 content bytes at most 84 recipients fit in 2048 bytes.
        var submit = SGIPVectors.submit
        submit.content = Array(repeating: 0x41, count: 140)
        submit.userNumbers = Array(repeating: "8613000000000", count: 84)
        let encoded = try sgipEncode(SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit)))
        #expect(encoded.count == 20 + 123 + 21 * 84 + 140)
        #expect(try SGIP.decode(bytes: encoded) == SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit)))
        submit.userNumbers.append("8613000000000")
        #expect(sgipEncodeError(SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit))) == .valueTooLong)
    }

    @Test func userCountLimits() {
        var submit = SGIPVectors.submit
        submit.content = []
        submit.userNumbers = Array(repeating: "8613000000000", count: 101)
        #expect(sgipEncodeError(SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit))) == .valueTooLong)
        submit.userNumbers = []
        #expect(sgipEncodeError(SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit))) == .invalidField)
    }

    @Test func fieldTooLong() {
        var submit = SGIPVectors.submit
        submit.corpID = "123456"
        #expect(sgipEncodeError(SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit))) == .valueTooLong)
        submit = SGIPVectors.submit
        submit.expireTime = "250830120000032+X"
        #expect(sgipEncodeError(SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit))) == .valueTooLong)
    }

    @Test func badUserCountOnTheWire() {
        var bytes = sgipBytes(SGIPVectors.submitHex)
        bytes[20 + 42] = 0
        #expect(sgipDecodeError(bytes) == .invalidField)
        bytes[20 + 42] = 101
        #expect(sgipDecodeError(bytes) == .invalidField)
        bytes[20 + 42] = 2  // declares a second user the body does not hold
        #expect(sgipDecodeError(bytes) != nil)
    }

    @Test func messageLengthBeyondFrameIsRejectedBeforeReading() {
        var bytes = sgipBytes(SGIPVectors.submitHex)
        let lengthOffset = 20 + 43 + 21 + 68
        #expect(Array(bytes[lengthOffset..<(lengthOffset + 4)]) == [0, 0, 0, 4])
        bytes[lengthOffset] = 0xff // ~4 GB declared
        #expect(sgipDecodeError(bytes) == .invalidField)
        bytes[lengthOffset] = 0
        bytes[lengthOffset + 3] = 5 // one byte more than present before Reserve
        #expect(sgipDecodeError(bytes) == .invalidField)
        bytes[lengthOffset + 3] = 3 // one byte less → Reserve has a byte left over
        #expect(sgipDecodeError(bytes) == .trailingBytes)
    }
}

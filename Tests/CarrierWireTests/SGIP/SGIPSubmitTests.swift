import Testing
@testable import CarrierWire

@Suite struct SGIPSubmitTests {
    @Test func submitGolden() throws {
        try expectGolden(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(2), body: .submit(SGIPVectors.submit)), hexBytes(SGIPVectors.submitHex))
        #expect(hexBytes(SGIPVectors.submitHex).count == 168)
    }

    @Test func submitRespGolden() throws {
        let packet = SGIPPacket(sequence: SGIPVectors.sp(2), body: .submitResp(SGIPResponse(result: .ok)))
        try expectGolden(SGIP.self, packet, hexBytes("00 00 00 1d 80 00 00 03 b7 50 98 19 42 c4 f1 d9 00 00 00 02 00 00 00 00 00 00 00 00 00"))
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
        try expectRoundTrip(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(42), body: .submit(submit)))
        try expectRoundTrip(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(42), body: .submitResp(SGIPResponse(result: .tooFast))))
    }

    @Test func twoKilobyteCapLimitsRecipients() throws {
        // sgip.md §2.1: with 140 content bytes at most 84 recipients fit in 2048 bytes.
        var submit = SGIPVectors.submit
        submit.content = Array(repeating: 0x41, count: 140)
        submit.userNumbers = Array(repeating: "8613000000000", count: 84)
        let encoded = try encodedBytes(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit)))
        #expect(encoded.count == 20 + 123 + 21 * 84 + 140)
        #expect(try SGIP.decode(bytes: encoded) == SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit)))
        submit.userNumbers.append("8613000000000")
        #expect(encodeErrorCode(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit))) == .valueTooLong)
    }

    @Test func userCountLimits() {
        var submit = SGIPVectors.submit
        submit.content = []
        submit.userNumbers = Array(repeating: "8613000000000", count: 101)
        #expect(encodeErrorCode(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit))) == .valueTooLong)
        submit.userNumbers = []
        #expect(encodeErrorCode(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit))) == .invalidField)
    }

    @Test func fieldTooLong() {
        var submit = SGIPVectors.submit
        submit.corpID = "123456"
        #expect(encodeErrorCode(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit))) == .valueTooLong)
        submit = SGIPVectors.submit
        submit.expireTime = "250830120000032+X"
        #expect(encodeErrorCode(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit))) == .valueTooLong)
    }

    @Test func badUserCountOnTheWire() {
        var bytes = hexBytes(SGIPVectors.submitHex)
        bytes[20 + 42] = 0
        #expect(decodeErrorCode(SGIP.self, bytes) == .invalidField)
        bytes[20 + 42] = 101
        #expect(decodeErrorCode(SGIP.self, bytes) == .invalidField)
        bytes[20 + 42] = 2  // declares a second user the body does not hold
        #expect(decodeErrorCode(SGIP.self, bytes) != nil)
    }

    @Test func messageLengthBeyondFrameIsRejectedBeforeReading() {
        var bytes = hexBytes(SGIPVectors.submitHex)
        let lengthOffset = 20 + 43 + 21 + 68
        #expect(Array(bytes[lengthOffset..<(lengthOffset + 4)]) == [0, 0, 0, 4])
        bytes[lengthOffset] = 0xff // ~4 GB declared
        #expect(decodeErrorCode(SGIP.self, bytes) == .invalidField)
        bytes[lengthOffset] = 0
        bytes[lengthOffset + 3] = 5 // one byte more than present before Reserve
        #expect(decodeErrorCode(SGIP.self, bytes) == .invalidField)
        bytes[lengthOffset + 3] = 3 // one byte less → Reserve has a byte left over
        #expect(decodeErrorCode(SGIP.self, bytes) == .trailingBytes)
    }
}

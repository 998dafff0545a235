import Testing
@testable import CarrierWire

@Suite struct SGIPBindTests {
    @Test func bindLoginType1Golden() throws {
        let packet = SGIPPacket(sequence: SGIPVectors.sp(1), body: .bind(SGIPBind(loginType: .spToSMG, loginName: "sgipuser", loginPassword: "sgippass")))
        try expectGolden(SGIP.self, packet, hexBytes(SGIPVectors.bindHex))
    }

    @Test func bindLoginType2Golden() throws {
        let packet = SGIPPacket(sequence: SGIPVectors.smg(8), body: .bind(SGIPBind(loginType: .smgToSP, loginName: "smguser", loginPassword: "smgpass")))
        try expectGolden(SGIP.self, packet, hexBytes(SGIPVectors.smgBindHex))
    }

    @Test func bindRespGolden() throws {
        let packet = SGIPPacket(sequence: SGIPVectors.sp(1), body: .bindResp(SGIPResponse(result: .ok)))
        try expectGolden(SGIP.self, packet, hexBytes("00 00 00 1d 80 00 00 01 b7 50 98 19 42 c4 f1 d9 00 00 00 01 00 00 00 00 00 00 00 00 00"))
        #expect(packet.result == .ok)
    }

    @Test func roundTrips() throws {
        try expectRoundTrip(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(7), body: .bind(SGIPBind(loginType: .trace, loginName: "0123456789abcdef", loginPassword: ""))))
        try expectRoundTrip(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(7), body: .bindResp(SGIPResponse(result: .illegalLogin))))
    }

    @Test func nameTooLongIsRejected() {
        let packet = SGIPPacket(sequence: SGIPVectors.sp(1), body: .bind(SGIPBind(loginType: .spToSMG, loginName: "0123456789abcdefg", loginPassword: "x")))
        #expect(encodeErrorCode(SGIP.self, packet) == .valueTooLong)
    }

    @Test func passwordIsNotInDescription() {
        let bind = SGIPBind(loginType: .spToSMG, loginName: "sgipuser", loginPassword: "sgippass")
        #expect(!bind.description.contains("sgippass"))
        #expect(!String(describing: SGIPPacket(sequence: SGIPVectors.sp(1), body: .bind(bind))).contains("sgippass"))
    }

    @Test func wrongBodyLengthIsRejected() {
        var short = hexBytes(SGIPVectors.bindHex)
        short.removeLast()
        short[3] = 60
        #expect(decodeErrorCode(SGIP.self, short) == .truncated)
        var long = hexBytes(SGIPVectors.bindHex) + [0]
        long[3] = 62
        #expect(decodeErrorCode(SGIP.self, long) == .trailingBytes)
    }
}

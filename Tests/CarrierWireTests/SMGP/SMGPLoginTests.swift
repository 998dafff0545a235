import Testing
@testable import CarrierWire

@Suite struct SMGPLoginTests {
    @Test func loginGolden() throws {
        try expectGolden(SMGP.self, SMGPPacket(sequenceID: 1, body: .login(SMGPVectors.login)), hexBytes(SMGPVectors.loginHex))
        // The convenience initialiser computes the same authenticator.
        let computed = SMGPLogin(clientID: "12345678", secret: "secret", timestamp: SMGPVectors.timestamp)
        #expect(computed == SMGPVectors.login)
    }

    @Test func loginRespGolden() throws {
        try expectGolden(SMGP.self, SMGPPacket(sequenceID: 1, body: .loginResp(SMGPVectors.loginResp)), hexBytes(SMGPVectors.loginRespHex))
        #expect(SMGPPacket(sequenceID: 1, body: .loginResp(SMGPVectors.loginResp)).status == .success)
    }

    @Test func roundTrips() throws {
        let short = SMGPLogin(clientID: "sp0001", secret: "secret", timestamp: 1_231_235_959, loginMode: .receive, clientIDForm: .paddedTo8)
        try expectRoundTrip(SMGP.self, SMGPPacket(sequenceID: .max, body: .login(short)))
        try expectRoundTrip(SMGP.self, SMGPPacket(sequenceID: 0, body: .loginResp(SMGPLoginResp(status: .authenticationError, serverVersion: 0x30))))
    }

    @Test func failedLoginRespWithEmptyAuthenticatorEncodesZeros() throws {
        let resp = SMGPLoginResp(status: .authenticationError, authenticatorServer: [], serverVersion: 0x30)
        let bytes = try encodedBytes(SMGP.self, SMGPPacket(sequenceID: 2, body: .loginResp(resp)))
        #expect(bytes.count == 33)
        #expect(bytes[16..<32].allSatisfy { $0 == 0 })
    }

    @Test func encodeRejectsBadValues() {
        var login = SMGPVectors.login
        login.clientID = "123456789"
        #expect(encodeErrorCode(SMGP.self, SMGPPacket(sequenceID: 1, body: .login(login))) == .valueTooLong)
        login = SMGPVectors.login
        login.authenticatorClient = [1, 2, 3]
        #expect(encodeErrorCode(SMGP.self, SMGPPacket(sequenceID: 1, body: .login(login))) == .invalidField)
        login.authenticatorClient = [UInt8](repeating: 1, count: 17)
        #expect(encodeErrorCode(SMGP.self, SMGPPacket(sequenceID: 1, body: .login(login))) == .valueTooLong)
    }

    @Test func wrongLengthsAreRejected() {
        var short = hexBytes(SMGPVectors.loginHex)
        short.removeLast()
        short = withFixedLength(short)
        #expect(decodeErrorCode(SMGP.self, short) == .truncated)
        var long = hexBytes(SMGPVectors.loginRespHex) + [0]
        long = withFixedLength(long)
        #expect(decodeErrorCode(SMGP.self, long) == .trailingBytes)
    }
}

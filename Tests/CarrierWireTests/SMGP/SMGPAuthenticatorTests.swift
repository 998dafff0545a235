import Testing
@testable import CarrierWire

@Suite struct SMGPAuthenticatorTests {
    @Test func specTimestamp() {
        // smgp.md §3.1: 1 Mar 00:00:00 → 0301000000 → 0x11F0E540.
        #expect(SMGPAuthenticator.timestamp(month: 3, day: 1, hour: 0, minute: 0, second: 0) == 0x11F0_E540)
        #expect(SMGPAuthenticator.timestampText(0x11F0_E540) == "0301000000")
        #expect(SMGPAuthenticator.timestamp(month: 0, day: 1, hour: 0, minute: 0, second: 0) == nil)
        #expect(SMGPAuthenticator.timestamp(month: 12, day: 31, hour: 23, minute: 59, second: 60) == nil)
    }

    @Test func clientAuthenticatorEightCharacterID() {
        let auth = SMGPAuthenticator.client(clientID: "12345678", secret: "secret", timestamp: SMGPVectors.timestamp)
        #expect(auth == SMGPVectors.clientAuthenticator)
        // Both ClientID forms agree for an 8-byte ClientID.
        #expect(SMGPAuthenticator.client(clientID: "12345678", secret: "secret", timestamp: SMGPVectors.timestamp, clientIDForm: .paddedTo8) == auth)
    }

    @Test func shortClientIDVariants() {
        let unpadded = SMGPAuthenticator.client(clientID: "sp0001", secret: "secret", timestamp: SMGPVectors.timestamp, clientIDForm: .asConfigured)
        let padded = SMGPAuthenticator.client(clientID: "sp0001", secret: "secret", timestamp: SMGPVectors.timestamp, clientIDForm: .paddedTo8)
        #expect(unpadded == hexBytes("89 55 a4 9b 6f 5a 59 f1 94 c5 74 1c 04 4f f8 4f"))
        #expect(padded == hexBytes("65 a1 e3 7b 4c ec a3 ac 8b be 9d bb a5 fd f8 87"))
    }

    @Test func serverAuthenticator() {
        let auth = SMGPAuthenticator.server(status: .success, clientAuthenticator: SMGPVectors.clientAuthenticator, secret: "secret")
        #expect(auth == SMGPVectors.serverAuthenticator)
    }

    @Test func verifyClient() {
        #expect(SMGPAuthenticator.verifyClient(SMGPVectors.login, secret: "secret"))
        #expect(!SMGPAuthenticator.verifyClient(SMGPVectors.login, secret: "Secret"))
        var other = SMGPVectors.login
        other.timestamp += 1
        #expect(!SMGPAuthenticator.verifyClient(other, secret: "secret"))

        let short = SMGPLogin(clientID: "sp0001", secret: "secret", timestamp: SMGPVectors.timestamp, clientIDForm: .paddedTo8)
        #expect(SMGPAuthenticator.verifyClient(short, secret: "secret"))
        #expect(SMGPAuthenticator.verifyClient(short, secret: "secret", accepting: [.paddedTo8]))
        #expect(!SMGPAuthenticator.verifyClient(short, secret: "secret", accepting: [.asConfigured]))
    }

    @Test func verifyServer() {
        #expect(SMGPAuthenticator.verifyServer(SMGPVectors.loginResp, clientAuthenticator: SMGPVectors.clientAuthenticator, secret: "secret"))
        #expect(!SMGPAuthenticator.verifyServer(SMGPVectors.loginResp, clientAuthenticator: SMGPVectors.clientAuthenticator, secret: "wrong"))
        var failed = SMGPVectors.loginResp
        failed.status = .authenticationError
        #expect(!SMGPAuthenticator.verifyServer(failed, clientAuthenticator: SMGPVectors.clientAuthenticator, secret: "secret"))
    }
}

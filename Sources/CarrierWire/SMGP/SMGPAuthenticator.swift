import Crypto

/// SMGP login authenticators (smgp.md §3):
///
///     AuthenticatorClient = MD5(ClientID ‖ 0x00 × 7 ‖ secret ‖ ts10)
///     AuthenticatorServer = MD5(Status u32 BE ‖ AuthenticatorClient ‖ secret)
///
/// `ts10` is the TimeStamp as 10 ASCII digits, left-padded with `0`. Note 7 zero bytes (CMPP
/// uses 9). Secrets never leave these functions.
public enum SMGPAuthenticator {
    /// How the ClientID enters the hash when it is shorter than its 8-byte wire field
    /// (smgp.md §3.1; identical for an 8-byte ClientID). Gateways differ — keep it configurable.
    public enum ClientIDForm: Sendable, Hashable, CaseIterable {
        /// The ClientID as configured, unpadded (SMSGate, yedamao/go_smgp).
        case asConfigured
        /// The ClientID NUL-padded to 8 bytes, as in the wire field.
        case paddedTo8
    }

    /// Length of an authenticator (MD5 digest).
    public static let length = 16
    /// Zero bytes between ClientID and secret (smgp.md §3.1).
    static let zeroPadCount = 7

    /// The TimeStamp `MMDDHHMMSS` as an integer (`0301000000` → `0x11F0E540`); nil when out of range.
    public static func timestamp(month: Int, day: Int, hour: Int, minute: Int, second: Int) -> UInt32? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...59).contains(second) else { return nil }
        return UInt32(month * 100_000_000 + day * 1_000_000 + hour * 10_000 + minute * 100 + second)
    }

    /// `ts10`: the TimeStamp as 10 ASCII digits, left-padded with `0`.
    public static func timestampText(_ timestamp: UInt32) -> String {
        String(timestamp).leftPadded(to: 10)
    }

    /// AuthenticatorClient for a Login.
    public static func client(clientID: String, secret: String, timestamp: UInt32,
                              clientIDForm: ClientIDForm = .asConfigured) -> [UInt8] {
        var input = Array(clientID.utf8)
        if clientIDForm == .paddedTo8, input.count < 8 {
            input += [UInt8](repeating: 0, count: 8 - input.count)
        }
        input += [UInt8](repeating: 0, count: zeroPadCount)
        input += Array(secret.utf8)
        input += Array(timestampText(timestamp).utf8)
        return md5(input)
    }

    /// AuthenticatorServer for a Login_Resp.
    public static func server(status: SMGPStatus, clientAuthenticator: [UInt8], secret: String) -> [UInt8] {
        let s = status.rawValue
        var input: [UInt8] = [UInt8(truncatingIfNeeded: s >> 24), UInt8(truncatingIfNeeded: s >> 16),
                              UInt8(truncatingIfNeeded: s >> 8), UInt8(truncatingIfNeeded: s)]
        input += clientAuthenticator
        input += Array(secret.utf8)
        return md5(input)
    }

    /// Server side: does `login.authenticatorClient` match `secret` under any of `forms`?
    /// (The ClientID is taken from the Login, where NUL padding has been stripped.)
    public static func verifyClient(_ login: SMGPLogin, secret: String,
                                    accepting forms: [ClientIDForm] = ClientIDForm.allCases) -> Bool {
        forms.contains { form in
            constantTimeEqual(client(clientID: login.clientID, secret: secret, timestamp: login.timestamp, clientIDForm: form),
                              login.authenticatorClient)
        }
    }

    /// Client side (optional, smgp.md §3.2): does the Login_Resp's AuthenticatorServer match?
    public static func verifyServer(_ response: SMGPLoginResp, clientAuthenticator: [UInt8], secret: String) -> Bool {
        constantTimeEqual(server(status: response.status, clientAuthenticator: clientAuthenticator, secret: secret),
                          response.authenticatorServer)
    }

    static func md5(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = Insecure.MD5()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return Array(hasher.finalize())
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in a.indices { diff |= a[i] ^ b[i] }
        return diff == 0
    }
}

import NIOCore

/// SMGP LoginMode (smgp.md §3.1). Open for other values.
public struct SMGPLoginMode: RawRepresentable, Sendable, Hashable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// MT only.
    public static let send = SMGPLoginMode(rawValue: 0)
    /// MO and reports only.
    public static let receive = SMGPLoginMode(rawValue: 1)
    /// Both directions.
    public static let transmit = SMGPLoginMode(rawValue: 2)
}

/// SMGP Login (smgp.md §3.1): body 30, PDU 42.
public struct SMGPLogin: Sendable, Hashable {
    /// Body bytes (smgp.md §1.1: PDU 42 = 12 + 30).
    public static let bodyLength = 30
    /// ClientVersion for SMGP 3.0 (smgp.md §3.1).
    public static let version30: UInt8 = 0x30

    /// OS(8): the account issued by the carrier.
    public var clientID: String
    /// 16 bytes, see `SMGPAuthenticator.client`.
    public var authenticatorClient: [UInt8]
    public var loginMode: SMGPLoginMode
    /// `MMDDHHMMSS` as an integer.
    public var timestamp: UInt32
    public var clientVersion: UInt8

    public init(clientID: String, authenticatorClient: [UInt8], loginMode: SMGPLoginMode = .transmit,
                timestamp: UInt32, clientVersion: UInt8 = version30) {
        self.clientID = clientID
        self.authenticatorClient = authenticatorClient
        self.loginMode = loginMode
        self.timestamp = timestamp
        self.clientVersion = clientVersion
    }

    /// Builds a Login, computing the authenticator from `secret` (which is not stored).
    public init(clientID: String, secret: String, timestamp: UInt32, loginMode: SMGPLoginMode = .transmit,
                clientIDForm: SMGPAuthenticator.ClientIDForm = .asConfigured, clientVersion: UInt8 = version30) {
        self.init(clientID: clientID,
                  authenticatorClient: SMGPAuthenticator.client(clientID: clientID, secret: secret, timestamp: timestamp, clientIDForm: clientIDForm),
                  loginMode: loginMode, timestamp: timestamp, clientVersion: clientVersion)
    }

    /// Reads the body. Throws `.truncated` when it ends early.
    public init(decoding reader: inout FieldReader) throws(WireError) {
        clientID = try reader.fixedString("ClientID", length: 8)
        authenticatorClient = try reader.bytes("AuthenticatorClient", length: SMGPAuthenticator.length)
        loginMode = SMGPLoginMode(rawValue: try reader.integer("LoginMode"))
        timestamp = try reader.integer("TimeStamp")
        clientVersion = try reader.integer("ClientVersion")
    }

    /// Writes the body. Throws `.valueTooLong` for a ClientID over 8 bytes, `.invalidField` for an
    /// authenticator that is not 16 bytes.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        try buffer.writeFixedString(clientID, length: 8, field: "ClientID", protocolName: SMGP.name)
        try SMGP.writeAuthenticator(authenticatorClient, field: "AuthenticatorClient", into: &buffer)
        buffer.writeInteger(loginMode.rawValue)
        buffer.writeInteger(timestamp)
        buffer.writeInteger(clientVersion)
    }
}

import NIOCore

/// SMGP Login_Resp (smgp.md §3.2): body 21, PDU 33.
public struct SMGPLoginResp: Sendable, Hashable {
    /// Body bytes (smgp.md §1.1: PDU 33 = 12 + 21).
    public static let bodyLength = 21

    public var status: SMGPStatus
    /// 16 bytes, see `SMGPAuthenticator.server`; zeros on authentication failure.
    public var authenticatorServer: [UInt8]
    /// Highest version the server supports.
    public var serverVersion: UInt8

    public init(status: SMGPStatus, authenticatorServer: [UInt8] = [UInt8](repeating: 0, count: SMGPAuthenticator.length),
                serverVersion: UInt8 = SMGPLogin.version30) {
        self.status = status
        self.authenticatorServer = authenticatorServer
        self.serverVersion = serverVersion
    }

    /// Reads the body. Throws `.truncated` when it ends early.
    public init(decoding reader: inout FieldReader) throws(WireError) {
        status = SMGPStatus(rawValue: try reader.integer("Status"))
        authenticatorServer = try reader.bytes("AuthenticatorServer", length: SMGPAuthenticator.length)
        serverVersion = try reader.integer("ServerVersion")
    }

    /// Writes the body. Throws `.invalidField` for an authenticator that is not 16 bytes.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        buffer.writeInteger(status.rawValue)
        try SMGP.writeAuthenticator(authenticatorServer, field: "AuthenticatorServer", into: &buffer)
        buffer.writeInteger(serverVersion)
    }
}

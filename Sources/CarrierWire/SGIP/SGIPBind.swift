import NIOCore

/// SGIP Bind LoginType (sgip.md §5.1). Open for values the spec reserves.
public struct SGIPLoginType: RawRepresentable, Sendable, Hashable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// SP → SMG: the MT link carrying Submit.
    public static let spToSMG = SGIPLoginType(rawValue: 1)
    /// SMG → SP: the link the SMG opens to the SP's listener for Deliver, Report, UserRpt.
    public static let smgToSP = SGIPLoginType(rawValue: 2)
    public static let smgToSMG = SGIPLoginType(rawValue: 3)
    public static let smgToGNS = SGIPLoginType(rawValue: 4)
    public static let gnsToSMG = SGIPLoginType(rawValue: 5)
    public static let gnsToGNS = SGIPLoginType(rawValue: 6)
    /// Test / Trace connection (port 8810).
    public static let trace = SGIPLoginType(rawValue: 11)
}

/// SGIP Bind (sgip.md §5.1): body 41 bytes, PDU 61. The password travels in clear text; it never
/// appears in `description`.
public struct SGIPBind: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Body bytes (sgip.md §2.1: PDU 61 = 20 + 41).
    public static let bodyLength = 41

    public var loginType: SGIPLoginType
    /// Text(16), assigned by the server side.
    public var loginName: String
    /// Text(16), clear text.
    public var loginPassword: String

    public init(loginType: SGIPLoginType, loginName: String, loginPassword: String) {
        self.loginType = loginType
        self.loginName = loginName
        self.loginPassword = loginPassword
    }

    /// Reads the body. Throws `.truncated` when it ends early.
    public init(decoding reader: inout FieldReader) throws(WireError) {
        loginType = SGIPLoginType(rawValue: try reader.integer("LoginType"))
        loginName = try reader.fixedString("LoginName", length: 16)
        loginPassword = try reader.fixedString("LoginPassword", length: 16)
        _ = try reader.bytes("Reserve", length: 8)
    }

    /// Writes the body. Throws `.valueTooLong` when name or password exceed 16 bytes.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        buffer.writeInteger(loginType.rawValue)
        try buffer.writeFixedString(loginName, length: 16, field: "LoginName", protocolName: SGIP.name)
        try buffer.writeFixedString(loginPassword, length: 16, field: "LoginPassword", protocolName: SGIP.name)
        buffer.writeRepeatingByte(0, count: 8)
    }

    public var description: String {
        "SGIPBind(loginType: \(loginType.rawValue), loginName: \(loginName), loginPassword: <redacted>)"
    }

    public var debugDescription: String { description }
}

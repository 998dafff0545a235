import NIOCore

extension CMPP {
    /// CMPP_CONNECT_RESP (ISMG → SP): Status (u8 in 2.0, u32 in 3.0), AuthenticatorISMG,
    /// Version; body 18 (2.0) or 21 (3.0) bytes (cmpp.md §4.2).
    public struct ConnectResponse: Sendable, Hashable {
        public var status: ConnectStatus
        /// AuthenticatorISMG OS(16) (`Authenticator.ismg`); all zero when the login failed.
        /// Encoded right-padded with 0x00 if shorter.
        public var authenticatorISMG: [UInt8]
        /// The highest version the ISMG supports.
        public var version: ProtocolVersion

        public init(status: ConnectStatus, authenticatorISMG: [UInt8], version: ProtocolVersion) {
            self.status = status
            self.authenticatorISMG = authenticatorISMG
            self.version = version
        }

        /// Builds the gateway's answer to `connect`, computing AuthenticatorISMG; a failed login
        /// gets an all-zero authenticator.
        public init(answering connect: Connect, status: ConnectStatus, secret: String, version: ProtocolVersion, layout: Layout) {
            let authenticator = status == .success
                ? Authenticator.ismg(status: status, authenticatorSource: connect.authenticatorSource, secret: secret, layout: layout)
                : [UInt8](repeating: 0, count: Authenticator.length)
            self.init(status: status, authenticatorISMG: authenticator, version: version)
        }

        /// Body length in `layout` (cmpp.md §4.2).
        public static func bodyLength(_ layout: Layout) -> Int { layout.resultWidth + Authenticator.length + 1 }

        init(from reader: inout FieldReader, layout: Layout) throws(WireError) {
            status = ConnectStatus(rawValue: try reader.cmppResult("Status", layout: layout))
            authenticatorISMG = try reader.bytes("AuthenticatorISMG", length: Authenticator.length)
            version = ProtocolVersion(rawValue: try reader.integer("Version"))
        }

        func encode(into buffer: inout ByteBuffer, layout: Layout) throws(WireError) {
            try buffer.writeCMPPResult(status.rawValue, layout: layout, field: "Status")
            try buffer.writeFixedOctets(authenticatorISMG, length: Authenticator.length, field: "AuthenticatorISMG", layout: layout)
            buffer.writeInteger(version.rawValue)
        }
    }
}

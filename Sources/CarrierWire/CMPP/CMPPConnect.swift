import NIOCore

extension CMPP {
    /// CMPP_CONNECT (SP → ISMG), the login; 27-byte body in both versions (cmpp.md §4.1).
    public struct Connect: Sendable, Hashable {
        /// Body length (cmpp.md §4.1).
        public static let bodyLength = 27

        /// Source_Addr OS(6): the SP_Id/account the carrier provisioned.
        public var sourceAddr: String
        /// AuthenticatorSource OS(16): the raw MD5 digest (`Authenticator.source`). Encoded
        /// right-padded with 0x00 if shorter.
        public var authenticatorSource: [UInt8]
        /// Version: the highest version the SP speaks (`0x30` / `0x20`).
        public var version: ProtocolVersion
        /// Timestamp: the decimal number MMDDHHMMSS as an integer (see `timestamp(month:…)`).
        public var timestamp: UInt32

        public init(sourceAddr: String, authenticatorSource: [UInt8], version: ProtocolVersion, timestamp: UInt32) {
            self.sourceAddr = sourceAddr
            self.authenticatorSource = authenticatorSource
            self.version = version
            self.timestamp = timestamp
        }

        /// Builds a login, computing AuthenticatorSource from `secret` (which is not stored).
        public init(sourceAddr: String, secret: String, timestamp: UInt32, version: ProtocolVersion,
                    hashing: Authenticator.SourceAddrHashing = .padded) {
            self.init(sourceAddr: sourceAddr,
                      authenticatorSource: Authenticator.source(sourceAddr: sourceAddr, secret: secret, timestamp: timestamp, hashing: hashing),
                      version: version, timestamp: timestamp)
        }

        /// The Timestamp value MMDDHHMMSS for a local (Beijing) time; nil when a field is out of
        /// its calendar range. The caller supplies the clock.
        public static func timestamp(month: Int, day: Int, hour: Int, minute: Int, second: Int) -> UInt32? {
            guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
                  (0...59).contains(minute), (0...59).contains(second) else { return nil }
            let value = (((month * 100 + day) * 100 + hour) * 100 + minute) * 100 + second
            return UInt32(value)
        }

        init(from reader: inout FieldReader, layout: Layout) throws(WireError) {
            sourceAddr = try reader.fixedString("Source_Addr", length: Authenticator.sourceAddrLength)
            authenticatorSource = try reader.bytes("AuthenticatorSource", length: Authenticator.length)
            version = ProtocolVersion(rawValue: try reader.integer("Version"))
            timestamp = try reader.integer("Timestamp")
        }

        func encode(into buffer: inout ByteBuffer, layout: Layout) throws(WireError) {
            try buffer.writeFixedString(sourceAddr, length: Authenticator.sourceAddrLength, field: "Source_Addr", layout: layout)
            try buffer.writeFixedOctets(authenticatorSource, length: Authenticator.length, field: "AuthenticatorSource", layout: layout)
            buffer.writeInteger(version.rawValue)
            buffer.writeInteger(timestamp)
        }
    }
}

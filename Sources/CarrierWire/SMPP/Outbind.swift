import NIOCore

extension SMPP {
    /// The body of outbind (§3.2): the SMSC asks the ESME to bind as receiver.
    /// `password` is a secret: `description` and reflection redact it.
    public struct Outbind: Sendable, Hashable {
        /// COS(max 16): the SMSC's identity.
        public var systemID: String
        /// COS(max 9).
        public var password: String

        public init(systemID: String, password: String) {
            self.systemID = systemID
            self.password = password
        }

        init(from reader: inout FieldReader) throws(WireError) {
            systemID = try reader.smppCString("system_id", maxLength: 16)
            password = try reader.smppCString("password", maxLength: 9)
        }

        /// Writes the body fields (no header).
        /// - Throws: `.valueTooLong` when a string exceeds its maximum.
        public func encode(into buffer: inout ByteBuffer) throws(WireError) {
            try buffer.writeSMPPCString(systemID, maxLength: 16, field: "system_id")
            try buffer.writeSMPPCString(password, maxLength: 9, field: "password")
        }
    }
}

extension SMPP.Outbind: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "Outbind(systemID: \(systemID), password: <redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["systemID": systemID, "password": "<redacted>"])
    }
}

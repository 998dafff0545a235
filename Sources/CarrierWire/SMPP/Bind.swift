import NIOCore

extension SMPP {
    /// The body of bind_transmitter, bind_receiver and bind_transceiver (§3.1); the three share
    /// this layout and differ only in command id (`Body.bindTransmitter(_:)` …).
    ///
    /// `password` is a secret: `description` and reflection redact it.
    public struct Bind: Sendable, Hashable {
        /// COS(max 16): the ESME's login.
        public var systemID: String
        /// COS(max 9): at most 8 characters, sent in clear.
        public var password: String
        /// COS(max 13): often empty.
        public var systemType: String
        /// `0x34` for 3.4 (§3.1).
        public var interfaceVersion: UInt8
        /// addr_ton, addr_npi and address_range COS(max 41) of the addresses served.
        public var addressRange: Address

        /// §3.1: `interface_version` 0x34 means SMPP 3.4.
        public static let version34: UInt8 = 0x34

        public init(systemID: String, password: String, systemType: String = "",
                    interfaceVersion: UInt8 = Bind.version34, addressRange: Address = Address()) {
            self.systemID = systemID
            self.password = password
            self.systemType = systemType
            self.interfaceVersion = interfaceVersion
            self.addressRange = addressRange
        }

        init(from reader: inout FieldReader) throws(WireError) {
            systemID = try reader.smppCString("system_id", maxLength: 16)
            password = try reader.smppCString("password", maxLength: 9)
            systemType = try reader.smppCString("system_type", maxLength: 13)
            interfaceVersion = try reader.integer("interface_version")
            let ton = TypeOfNumber(rawValue: try reader.integer("addr_ton"))
            let npi = NumberingPlan(rawValue: try reader.integer("addr_npi"))
            addressRange = Address(try reader.smppCString("address_range", maxLength: 41), ton: ton, npi: npi)
        }

        /// Writes the body fields (no header).
        /// - Throws: `.valueTooLong` when a string exceeds its maximum.
        public func encode(into buffer: inout ByteBuffer) throws(WireError) {
            try buffer.writeSMPPCString(systemID, maxLength: 16, field: "system_id")
            try buffer.writeSMPPCString(password, maxLength: 9, field: "password")
            try buffer.writeSMPPCString(systemType, maxLength: 13, field: "system_type")
            buffer.writeInteger(interfaceVersion)
            buffer.writeInteger(addressRange.ton.rawValue)
            buffer.writeInteger(addressRange.npi.rawValue)
            try buffer.writeSMPPCString(addressRange.value, maxLength: 41, field: "address_range")
        }
    }
}

extension SMPP.Bind: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "Bind(systemID: \(systemID), password: <redacted>, systemType: \(systemType), interfaceVersion: 0x\(String(interfaceVersion, radix: 16)))"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["systemID": systemID, "password": "<redacted>", "systemType": systemType,
                                "interfaceVersion": interfaceVersion, "addressRange": addressRange])
    }
}

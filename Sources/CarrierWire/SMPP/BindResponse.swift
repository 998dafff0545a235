import NIOCore

extension SMPP {
    /// The body of bind_transmitter_resp, bind_receiver_resp and bind_transceiver_resp (§3.1):
    /// the SMSC's system_id and optional TLVs (normally `sc_interface_version`).
    ///
    /// §3.1: the body is omitted when command_status ≠ 0. `systemID == nil` stands for that
    /// absent body; a decoder also accepts an error response that carries a body.
    public struct BindResponse: Sendable, Hashable {
        /// COS(max 16), or nil when the body is absent.
        public var systemID: String?
        public var tlvs: TLVList

        public init(systemID: String?, tlvs: TLVList = []) {
            self.systemID = systemID
            self.tlvs = tlvs
        }

        /// A successful response carrying `sc_interface_version`.
        public static func accepted(systemID: String, interfaceVersion: UInt8? = Bind.version34) -> BindResponse {
            var tlvs = TLVList()
            tlvs.scInterfaceVersion = interfaceVersion
            return BindResponse(systemID: systemID, tlvs: tlvs)
        }

        /// The body of a failed bind: none.
        public static let rejected = BindResponse(systemID: nil)

        init(from reader: inout FieldReader) throws(WireError) {
            guard reader.remaining > 0 else {
                self.init(systemID: nil)
                return
            }
            let systemID = try reader.smppCString("system_id", maxLength: 16)
            self.init(systemID: systemID, tlvs: try TLVList(from: &reader))
        }

        /// Writes the body fields (no header); nothing when `systemID` is nil.
        /// - Throws: `.valueTooLong` for an over-long system_id or TLV; `.invalidField` for TLVs
        ///   without a system_id (they cannot be written without the mandatory field).
        public func encode(into buffer: inout ByteBuffer) throws(WireError) {
            guard let systemID else {
                guard tlvs.isEmpty else {
                    throw WireError(.invalidField, protocolName: SMPP.name, detail: "bind response TLVs need a system_id")
                }
                return
            }
            try buffer.writeSMPPCString(systemID, maxLength: 16, field: "system_id")
            try tlvs.encode(into: &buffer)
        }
    }
}

import NIOCore

extension SMPP {
    /// The body of submit_sm_resp (§4): the SMSC's `message_id` for the message, which later
    /// receipts refer to (possibly written in another base — see `SMPP.normalizedMessageID`).
    ///
    /// The body is not returned when command_status ≠ 0: `messageID == nil` stands for the absent
    /// body. A decoder also accepts an error response that still carries a message_id. TLVs after
    /// the message_id (SMPP 5.0 sends e.g. congestion_state in any response, §11) are kept.
    public struct SubmitSMResponse: Sendable, Hashable {
        /// COS(max 65), or nil when the body is absent.
        public var messageID: String?
        public var tlvs: TLVList

        public init(messageID: String?, tlvs: TLVList = []) {
            self.messageID = messageID
            self.tlvs = tlvs
        }

        init(from reader: inout FieldReader) throws(WireError) {
            guard reader.remaining > 0 else {
                self.init(messageID: nil)
                return
            }
            let messageID = try reader.smppCString("message_id", maxLength: 65)
            self.init(messageID: messageID, tlvs: try TLVList(from: &reader))
        }

        /// Writes the body fields (no header); nothing when `messageID` is nil.
        /// - Throws: `.valueTooLong` for a message_id over 64 characters; `.invalidField` for TLVs
        ///   without a message_id.
        public func encode(into buffer: inout ByteBuffer) throws(WireError) {
            guard let messageID else {
                guard tlvs.isEmpty else {
                    throw WireError(.invalidField, protocolName: SMPP.name, detail: "submit_sm_resp TLVs need a message_id")
                }
                return
            }
            try buffer.writeSMPPCString(messageID, maxLength: 65, field: "message_id")
            try tlvs.encode(into: &buffer)
        }
    }
}

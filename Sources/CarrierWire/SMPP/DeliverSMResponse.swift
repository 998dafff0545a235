import NIOCore

extension SMPP {
    /// The body of deliver_sm_resp (§5): an unused `message_id`, normally a single NUL (PDU length
    /// 17). Reply with status 0 once the message or receipt is stored; `.receiverTemporaryError`
    /// (0x64) asks the SMSC to retry later.
    ///
    /// `messageID == nil` stands for an absent body (16-byte PDU), accepted leniently (§1.1).
    /// TLVs after the message_id (SMPP 5.0) are kept.
    public struct DeliverSMResponse: Sendable, Hashable {
        /// COS(max 65): "" on the wire as one NUL; nil when the body is absent.
        public var messageID: String?
        public var tlvs: TLVList

        public init(messageID: String? = "", tlvs: TLVList = []) {
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
                    throw WireError(.invalidField, protocolName: SMPP.name, detail: "deliver_sm_resp TLVs need a message_id")
                }
                return
            }
            try buffer.writeSMPPCString(messageID, maxLength: 65, field: "message_id")
            try tlvs.encode(into: &buffer)
        }
    }
}

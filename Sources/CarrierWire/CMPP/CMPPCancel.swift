import NIOCore

extension CMPP {
    /// CMPP_CANCEL (SP → ISMG, optional): cancel a submitted message not yet delivered;
    /// 8-byte body (cmpp.md §12).
    public struct Cancel: Sendable, Hashable {
        public var msgID: MessageID

        public init(msgID: MessageID) { self.msgID = msgID }

        init(from reader: inout FieldReader, layout: Layout) throws(WireError) {
            msgID = MessageID(rawValue: try reader.integer("Msg_Id"))
        }

        func encode(into buffer: inout ByteBuffer, layout: Layout) throws(WireError) {
            buffer.writeInteger(msgID.rawValue)
        }
    }
}

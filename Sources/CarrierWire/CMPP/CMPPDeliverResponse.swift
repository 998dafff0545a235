import NIOCore

extension CMPP {
    /// CMPP_DELIVER_RESP (SP → ISMG): echoes DELIVER.Msg_Id with a Result (u8 in 2.0, u32 in
    /// 3.0); body 9 / 12 bytes (cmpp.md §7.5).
    public struct DeliverResponse: Sendable, Hashable {
        public var msgID: MessageID
        public var result: DeliverResult

        public init(msgID: MessageID, result: DeliverResult = .success) {
            self.msgID = msgID
            self.result = result
        }

        init(from reader: inout FieldReader, layout: Layout) throws(WireError) {
            msgID = MessageID(rawValue: try reader.integer("Msg_Id"))
            result = DeliverResult(rawValue: try reader.cmppResult("Result", layout: layout))
        }

        func encode(into buffer: inout ByteBuffer, layout: Layout) throws(WireError) {
            buffer.writeInteger(msgID.rawValue)
            try buffer.writeCMPPResult(result.rawValue, layout: layout, field: "Result")
        }
    }
}

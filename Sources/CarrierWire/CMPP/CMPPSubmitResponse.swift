import NIOCore

extension CMPP {
    /// CMPP_SUBMIT_RESP (ISMG → SP): the assigned Msg_Id and Result (u8 in 2.0, u32 in 3.0);
    /// body 9 / 12 bytes (cmpp.md §6.3). Match it to its SUBMIT by Sequence_Id.
    public struct SubmitResponse: Sendable, Hashable {
        /// For a group send, recipient *i* has `msgID.recipient(i)`.
        public var msgID: MessageID
        public var result: SubmitResult

        public init(msgID: MessageID, result: SubmitResult) {
            self.msgID = msgID
            self.result = result
        }

        init(from reader: inout FieldReader, layout: Layout) throws(WireError) {
            msgID = MessageID(rawValue: try reader.integer("Msg_Id"))
            result = SubmitResult(rawValue: try reader.cmppResult("Result", layout: layout))
        }

        func encode(into buffer: inout ByteBuffer, layout: Layout) throws(WireError) {
            buffer.writeInteger(msgID.rawValue)
            try buffer.writeCMPPResult(result.rawValue, layout: layout, field: "Result")
        }
    }
}

import NIOCore

/// The body shared by Submit_Resp and Deliver_Resp (smgp.md §5.2, §5.3): MsgID OS(10) +
/// Status u32, body 14, PDU 26. One type for both because their layouts are identical; the
/// packet's body case says which command it answers.
///
/// Submit_Resp: the gateway's id for the first recipient (a group send of n covers
/// `msgID … msgID.advanced(by: n - 1)`). Deliver_Resp: the Deliver's MsgID, echoed.
public struct SMGPResponse: Sendable, Hashable {
    /// Body bytes (smgp.md §1.1: PDU 26 = 12 + 14).
    public static let bodyLength = 14

    public var msgID: SMGPMsgID
    public var status: SMGPStatus

    public init(msgID: SMGPMsgID, status: SMGPStatus = .success) {
        self.msgID = msgID
        self.status = status
    }

    /// Reads the body. Throws `.truncated` when it ends early.
    public init(decoding reader: inout FieldReader) throws(WireError) {
        msgID = try SMGPMsgID(reading: &reader, field: "MsgID")
        status = SMGPStatus(rawValue: try reader.integer("Status"))
    }

    /// Writes the body.
    public func encode(into buffer: inout ByteBuffer) {
        msgID.write(into: &buffer)
        buffer.writeInteger(status.rawValue)
    }
}

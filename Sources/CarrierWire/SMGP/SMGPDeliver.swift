import NIOCore

/// SMGP Deliver, SMGW → SP (smgp.md §5.3): an MO message (`isReport == false`) or a status
/// report (`isReport == true`, content = the 122-byte report, see `report()`).
/// Mandatory part 77 + M bytes, then TLVs.
public struct SMGPDeliver: Sendable, Hashable {
    /// Mandatory bytes besides the content (smgp.md §5.3).
    public static let fixedBodyLength = 77

    /// Id of this Deliver; echo it in Deliver_Resp.
    public var msgID: SMGPMsgID
    /// IsReport: 0 MO, 1 status report.
    public var isReport: Bool
    /// Reports use 0.
    public var msgFormat: UInt8
    /// OS(14) `YYYYMMDDHHMMSS`.
    public var recvTime: String
    /// OS(21): MO sender; for a report, the terminal that received the MT.
    public var srcTermID: String
    /// OS(21): SP access number (+ extension).
    public var destTermID: String
    public var content: [UInt8]
    public var tlvs: SMGPTLVList

    public init(msgID: SMGPMsgID, isReport: Bool, msgFormat: UInt8, recvTime: String, srcTermID: String,
                destTermID: String, content: [UInt8], tlvs: SMGPTLVList = []) {
        self.msgID = msgID; self.isReport = isReport; self.msgFormat = msgFormat
        self.recvTime = recvTime; self.srcTermID = srcTermID; self.destTermID = destTermID
        self.content = content; self.tlvs = tlvs
    }

    /// A status-report Deliver carrying `report` (MsgFormat 0). Throws `.valueTooLong` when a
    /// report field does not fit its width.
    public init(msgID: SMGPMsgID, report: SMGPReport, recvTime: String, srcTermID: String,
                destTermID: String, tlvs: SMGPTLVList = []) throws(WireError) {
        self.init(msgID: msgID, isReport: true, msgFormat: 0, recvTime: recvTime, srcTermID: srcTermID,
                  destTermID: destTermID, content: try report.encoded(), tlvs: tlvs)
    }

    /// The parsed status report, nil for an MO message. Throws `.invalidField` when the content is
    /// shorter than a report (102 bytes, smgp.md §5.4).
    public func report() throws(WireError) -> SMGPReport? {
        guard isReport else { return nil }
        return try SMGPReport(content: content)
    }

    /// Reads the body including TLVs. Throws `.invalidField` for an IsReport other than 0/1, a
    /// MsgLength beyond the frame or a malformed TLV; `.truncated` when it ends early.
    public init(decoding reader: inout FieldReader) throws(WireError) {
        msgID = try SMGPMsgID(reading: &reader, field: "MsgID")
        let flag: UInt8 = try reader.integer("IsReport")
        guard flag <= 1 else { throw reader.error(.invalidField, "IsReport \(flag) is neither 0 nor 1") }
        isReport = flag == 1
        msgFormat = try reader.integer("MsgFormat")
        recvTime = try reader.fixedString("RecvTime", length: 14)
        srcTermID = try reader.fixedString("SrcTermID", length: 21)
        destTermID = try reader.fixedString("DestTermID", length: 21)
        content = try SMGP.readContent(&reader)
        _ = try reader.bytes("Reserve", length: 8)
        tlvs = try SMGPTLVList(decoding: &reader)
    }

    /// Writes the body including TLVs. Throws `.valueTooLong` for a field that does not fit or
    /// content over 255 bytes.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        msgID.write(into: &buffer)
        buffer.writeMultipleIntegers(UInt8(isReport ? 1 : 0), msgFormat)
        try buffer.writeFixedString(recvTime, length: 14, field: "RecvTime", protocolName: SMGP.name)
        try buffer.writeFixedString(srcTermID, length: 21, field: "SrcTermID", protocolName: SMGP.name)
        try buffer.writeFixedString(destTermID, length: 21, field: "DestTermID", protocolName: SMGP.name)
        try SMGP.writeContent(content, into: &buffer)
        buffer.writeRepeatingByte(0, count: 8)
        try tlvs.encode(into: &buffer)
    }
}

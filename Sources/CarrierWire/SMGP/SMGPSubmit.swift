import NIOCore

/// SMGP Submit, SP → SMGW (smgp.md §5.1): mandatory part 114 + 21·N + M bytes, then TLVs.
///
/// A long message is one Submit per segment with `tlvs.tpUdhi = 1`, `tlvs.pkTotal`,
/// `tlvs.pkNumber` and the GSM UDH at the start of `content` (smgp.md §8).
public struct SMGPSubmit: Sendable, Hashable {
    /// Mandatory bytes besides recipients and content (smgp.md §5.1).
    public static let fixedBodyLength = 114
    /// DestTermIDCount limit (smgp.md §5.1).
    public static let maxRecipients = 100

    /// 0 MO, 6 MT, 7 point-to-point.
    public var msgType: UInt8
    /// 1 = status report requested.
    public var needReport: UInt8
    /// 0 low … 3 high.
    public var priority: UInt8
    /// OS(10).
    public var serviceID: String
    /// OS(2): `00` free, `01` per message, `02` monthly, `03` capped.
    public var feeType: String
    /// OS(6), fen.
    public var feeCode: String
    /// OS(6), fen (SMGP 3.0 layout; absent in 1.3, which this codec does not speak).
    public var fixedFee: String
    /// 0 ASCII, 8 UCS2, 15 GB18030 … (smgp.md §8).
    public var msgFormat: UInt8
    /// OS(17) `YYMMDDhhmmsstnnp`; empty = default.
    public var validTime: String
    /// OS(17); empty = immediately.
    public var atTime: String
    /// OS(21): sender shown to the user.
    public var srcTermID: String
    /// OS(21): charged number; empty = per MsgType default.
    public var chargeTermID: String
    /// OS(21) each; 1…100.
    public var destTermIDs: [String]
    /// At most 255 bytes (u8 MsgLength); carriers allow 140 for MT.
    public var content: [UInt8]
    public var tlvs: SMGPTLVList

    public init(msgType: UInt8 = 6, needReport: UInt8 = 1, priority: UInt8 = 0, serviceID: String,
                feeType: String = "00", feeCode: String = "000000", fixedFee: String = "000000",
                msgFormat: UInt8 = 8, validTime: String = "", atTime: String = "", srcTermID: String,
                chargeTermID: String = "", destTermIDs: [String], content: [UInt8], tlvs: SMGPTLVList = []) {
        self.msgType = msgType; self.needReport = needReport; self.priority = priority
        self.serviceID = serviceID; self.feeType = feeType; self.feeCode = feeCode
        self.fixedFee = fixedFee; self.msgFormat = msgFormat; self.validTime = validTime
        self.atTime = atTime; self.srcTermID = srcTermID; self.chargeTermID = chargeTermID
        self.destTermIDs = destTermIDs; self.content = content; self.tlvs = tlvs
    }

    /// Reads the body including TLVs. Throws `.invalidField` for DestTermIDCount outside 1…100,
    /// a MsgLength beyond the frame or a malformed TLV; `.truncated` when it ends early.
    public init(decoding reader: inout FieldReader) throws(WireError) {
        msgType = try reader.integer("MsgType")
        needReport = try reader.integer("NeedReport")
        priority = try reader.integer("Priority")
        serviceID = try reader.fixedString("ServiceID", length: 10)
        feeType = try reader.fixedString("FeeType", length: 2)
        feeCode = try reader.fixedString("FeeCode", length: 6)
        fixedFee = try reader.fixedString("FixedFee", length: 6)
        msgFormat = try reader.integer("MsgFormat")
        validTime = try reader.fixedString("ValidTime", length: 17)
        atTime = try reader.fixedString("AtTime", length: 17)
        srcTermID = try reader.fixedString("SrcTermID", length: 21)
        chargeTermID = try reader.fixedString("ChargeTermID", length: 21)
        let count: UInt8 = try reader.integer("DestTermIDCount")
        guard count >= 1, Int(count) <= Self.maxRecipients else {
            throw reader.error(.invalidField, "DestTermIDCount \(count) is outside 1…\(Self.maxRecipients)")
        }
        var dests: [String] = []
        dests.reserveCapacity(Int(count))
        for _ in 0..<count { dests.append(try reader.fixedString("DestTermID", length: 21)) }
        destTermIDs = dests
        content = try SMGP.readContent(&reader)
        _ = try reader.bytes("Reserve", length: 8)
        tlvs = try SMGPTLVList(decoding: &reader)
    }

    /// Writes the body including TLVs. Throws `.valueTooLong` for a field that does not fit, more
    /// than 100 recipients or content over 255 bytes; `.invalidField` for no recipients.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        let command = SMGPCommandID.submit.rawValue
        guard !destTermIDs.isEmpty else {
            throw WireError(.invalidField, protocolName: SMGP.name, commandID: command, detail: "Submit needs at least one DestTermID")
        }
        guard destTermIDs.count <= Self.maxRecipients else {
            throw WireError(.valueTooLong, protocolName: SMGP.name, commandID: command, detail: "\(destTermIDs.count) DestTermIDs, at most \(Self.maxRecipients)")
        }
        buffer.writeMultipleIntegers(msgType, needReport, priority)
        try buffer.writeFixedString(serviceID, length: 10, field: "ServiceID", protocolName: SMGP.name)
        try buffer.writeFixedString(feeType, length: 2, field: "FeeType", protocolName: SMGP.name)
        try buffer.writeFixedString(feeCode, length: 6, field: "FeeCode", protocolName: SMGP.name)
        try buffer.writeFixedString(fixedFee, length: 6, field: "FixedFee", protocolName: SMGP.name)
        buffer.writeInteger(msgFormat)
        try buffer.writeFixedString(validTime, length: 17, field: "ValidTime", protocolName: SMGP.name)
        try buffer.writeFixedString(atTime, length: 17, field: "AtTime", protocolName: SMGP.name)
        try buffer.writeFixedString(srcTermID, length: 21, field: "SrcTermID", protocolName: SMGP.name)
        try buffer.writeFixedString(chargeTermID, length: 21, field: "ChargeTermID", protocolName: SMGP.name)
        buffer.writeInteger(UInt8(destTermIDs.count))
        for dest in destTermIDs {
            try buffer.writeFixedString(dest, length: 21, field: "DestTermID", protocolName: SMGP.name)
        }
        try SMGP.writeContent(content, into: &buffer)
        buffer.writeRepeatingByte(0, count: 8)
        try tlvs.encode(into: &buffer)
    }
}

import NIOCore

/// SGIP Submit, SP → SMG (sgip.md §5.3): body 123 + 21·UserCount + MessageLength.
///
/// The header's SequenceNumber of this PDU is the message key: the Report refers back to it.
public struct SGIPSubmit: Sendable, Hashable {
    /// Fixed body bytes besides the user numbers and content (sgip.md §2.1).
    public static let fixedBodyLength = 123
    /// UserCount range, sgip.md §5.3.
    public static let maxUsers = 100

    /// Text(21): SP access number shown as sender (+ extension).
    public var spNumber: String
    /// Text(21): charged number; 21 × "0" = SP pays; empty = the recipients pay.
    public var chargeNumber: String
    /// Text(21) each, with `86` prefix; 1…100.
    public var userNumbers: [String]
    /// Text(5): enterprise code.
    public var corpID: String
    /// Text(10): business code.
    public var serviceType: String
    /// FeeType u8 (sgip.md §5.3.1).
    public var feeType: UInt8
    /// Text(6): fee in fen.
    public var feeValue: String
    /// Text(6): bonus credit in fen.
    public var givenValue: String
    /// 0 receivable, 1 collected.
    public var agentFlag: UInt8
    /// 2 = MT not triggered by an MO (alerts).
    public var moRelatedToMTFlag: UInt8
    /// 0–9, low → high.
    public var priority: UInt8
    /// Text(16) `yymmddhhmmsstnnp`, no NUL; empty = SMSC default.
    public var expireTime: String
    /// Text(16); empty = immediately.
    public var scheduleTime: String
    /// 0 failures only (spec default), 1 always, 2 never, 3 billing only.
    public var reportFlag: UInt8
    public var tpPid: UInt8
    /// Bit 0 set: content starts with a GSM UDH.
    public var tpUdhi: UInt8
    /// 0 ASCII, 3 SIM write, 4 binary, 8 UCS2, 15 GBK (sgip.md §6).
    public var messageCoding: UInt8
    /// 0 = short message.
    public var messageType: UInt8
    public var content: [UInt8]
    /// Text(8): zeros by spec; some carriers carry a LinkID here.
    public var reserve: String

    public init(spNumber: String, chargeNumber: String = "", userNumbers: [String], corpID: String,
                serviceType: String, feeType: UInt8, feeValue: String, givenValue: String = "0",
                agentFlag: UInt8 = 0, moRelatedToMTFlag: UInt8 = 2, priority: UInt8 = 0,
                expireTime: String = "", scheduleTime: String = "", reportFlag: UInt8 = 1,
                tpPid: UInt8 = 0, tpUdhi: UInt8 = 0, messageCoding: UInt8 = 8, messageType: UInt8 = 0,
                content: [UInt8], reserve: String = "") {
        self.spNumber = spNumber; self.chargeNumber = chargeNumber; self.userNumbers = userNumbers
        self.corpID = corpID; self.serviceType = serviceType; self.feeType = feeType
        self.feeValue = feeValue; self.givenValue = givenValue; self.agentFlag = agentFlag
        self.moRelatedToMTFlag = moRelatedToMTFlag; self.priority = priority
        self.expireTime = expireTime; self.scheduleTime = scheduleTime; self.reportFlag = reportFlag
        self.tpPid = tpPid; self.tpUdhi = tpUdhi; self.messageCoding = messageCoding
        self.messageType = messageType; self.content = content; self.reserve = reserve
    }

    /// Reads the body. Throws `.invalidField` for UserCount outside 1…100 or a MessageLength larger
    /// than the rest of the frame (checked before reading), `.truncated` when it ends early.
    public init(decoding reader: inout FieldReader) throws(WireError) {
        spNumber = try reader.fixedString("SPNumber", length: 21)
        chargeNumber = try reader.fixedString("ChargeNumber", length: 21)
        let count: UInt8 = try reader.integer("UserCount")
        guard count >= 1, Int(count) <= Self.maxUsers else {
            throw reader.error(.invalidField, "UserCount \(count) is outside 1…\(Self.maxUsers)")
        }
        var users: [String] = []
        users.reserveCapacity(Int(count))
        for _ in 0..<count { users.append(try reader.fixedString("UserNumber", length: 21)) }
        userNumbers = users
        corpID = try reader.fixedString("CorpId", length: 5)
        serviceType = try reader.fixedString("ServiceType", length: 10)
        feeType = try reader.integer("FeeType")
        feeValue = try reader.fixedString("FeeValue", length: 6)
        givenValue = try reader.fixedString("GivenValue", length: 6)
        agentFlag = try reader.integer("AgentFlag")
        moRelatedToMTFlag = try reader.integer("MorelatetoMTFlag")
        priority = try reader.integer("Priority")
        expireTime = try reader.fixedString("ExpireTime", length: 16)
        scheduleTime = try reader.fixedString("ScheduleTime", length: 16)
        reportFlag = try reader.integer("ReportFlag")
        tpPid = try reader.integer("TP_pid")
        tpUdhi = try reader.integer("TP_udhi")
        messageCoding = try reader.integer("MessageCoding")
        messageType = try reader.integer("MessageType")
        content = try SGIP.readContent(&reader)
        reserve = try reader.fixedString("Reserve", length: 8)
    }

    /// Writes the body. Throws `.valueTooLong` for a field that does not fit and for more than 100
    /// users, `.invalidField` for no users.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        guard !userNumbers.isEmpty else {
            throw WireError(.invalidField, protocolName: SGIP.name, commandID: SGIPCommandID.submit.rawValue, detail: "Submit needs at least one UserNumber")
        }
        guard userNumbers.count <= Self.maxUsers else {
            throw WireError(.valueTooLong, protocolName: SGIP.name, commandID: SGIPCommandID.submit.rawValue, detail: "\(userNumbers.count) UserNumbers, at most \(Self.maxUsers)")
        }
        try buffer.writeFixedString(spNumber, length: 21, field: "SPNumber", protocolName: SGIP.name)
        try buffer.writeFixedString(chargeNumber, length: 21, field: "ChargeNumber", protocolName: SGIP.name)
        buffer.writeInteger(UInt8(userNumbers.count))
        for user in userNumbers {
            try buffer.writeFixedString(user, length: 21, field: "UserNumber", protocolName: SGIP.name)
        }
        try buffer.writeFixedString(corpID, length: 5, field: "CorpId", protocolName: SGIP.name)
        try buffer.writeFixedString(serviceType, length: 10, field: "ServiceType", protocolName: SGIP.name)
        buffer.writeInteger(feeType)
        try buffer.writeFixedString(feeValue, length: 6, field: "FeeValue", protocolName: SGIP.name)
        try buffer.writeFixedString(givenValue, length: 6, field: "GivenValue", protocolName: SGIP.name)
        buffer.writeMultipleIntegers(agentFlag, moRelatedToMTFlag, priority)
        try buffer.writeFixedString(expireTime, length: 16, field: "ExpireTime", protocolName: SGIP.name)
        try buffer.writeFixedString(scheduleTime, length: 16, field: "ScheduleTime", protocolName: SGIP.name)
        buffer.writeMultipleIntegers(reportFlag, tpPid, tpUdhi, messageCoding, messageType)
        try SGIP.writeContent(content, into: &buffer)
        try buffer.writeFixedString(reserve, length: 8, field: "Reserve", protocolName: SGIP.name)
    }
}

import NIOCore

/// SGIP Deliver, SMG → SP on the SMG-initiated link (sgip.md §5.5): an MO message,
/// body 57 + MessageLength. Decode `content` strictly by `messageCoding`.
public struct SGIPDeliver: Sendable, Hashable {
    /// Fixed body bytes besides the content (sgip.md §2.1: PDU 77 + M).
    public static let fixedBodyLength = 57

    /// Text(21): sender MSISDN with `86`.
    public var userNumber: String
    /// Text(21): SP access number the user sent to (+ extension).
    public var spNumber: String
    public var tpPid: UInt8
    /// Bit 0 set: content starts with a GSM UDH (MO long SMS).
    public var tpUdhi: UInt8
    public var messageCoding: UInt8
    public var content: [UInt8]
    /// Text(8): zeros by spec; some carriers carry a LinkID here.
    public var reserve: String

    public init(userNumber: String, spNumber: String, tpPid: UInt8 = 0, tpUdhi: UInt8 = 0,
                messageCoding: UInt8, content: [UInt8], reserve: String = "") {
        self.userNumber = userNumber
        self.spNumber = spNumber
        self.tpPid = tpPid
        self.tpUdhi = tpUdhi
        self.messageCoding = messageCoding
        self.content = content
        self.reserve = reserve
    }

    /// Reads the body. Throws `.invalidField` for a MessageLength larger than the rest of the
    /// frame, `.truncated` when it ends early.
    public init(decoding reader: inout FieldReader) throws(WireError) {
        userNumber = try reader.fixedString("UserNumber", length: 21)
        spNumber = try reader.fixedString("SPNumber", length: 21)
        tpPid = try reader.integer("TP_pid")
        tpUdhi = try reader.integer("TP_udhi")
        messageCoding = try reader.integer("MessageCoding")
        content = try SGIP.readContent(&reader)
        reserve = try reader.fixedString("Reserve", length: 8)
    }

    /// Writes the body. Throws `.valueTooLong` for a field that does not fit.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        try buffer.writeFixedString(userNumber, length: 21, field: "UserNumber", protocolName: SGIP.name)
        try buffer.writeFixedString(spNumber, length: 21, field: "SPNumber", protocolName: SGIP.name)
        buffer.writeMultipleIntegers(tpPid, tpUdhi, messageCoding)
        try SGIP.writeContent(content, into: &buffer)
        try buffer.writeFixedString(reserve, length: 8, field: "Reserve", protocolName: SGIP.name)
    }
}

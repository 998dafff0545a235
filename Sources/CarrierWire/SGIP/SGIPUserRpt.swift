import NIOCore

/// SGIP UserRpt, SMG → SP (sgip.md §5.7): body 51, PDU 71. Must be answered with UserRpt_Resp.
public struct SGIPUserRpt: Sendable, Hashable {
    /// Body bytes (sgip.md §2.1: PDU 71 = 20 + 51).
    public static let bodyLength = 51

    /// UserCondition values (sgip.md §5.7).
    public struct Condition: RawRepresentable, Sendable, Hashable {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let deregistered = Condition(rawValue: 0)
        public static let suspendedForArrears = Condition(rawValue: 1)
        public static let backToNormal = Condition(rawValue: 2)
    }

    /// Text(21).
    public var spNumber: String
    /// Text(21).
    public var userNumber: String
    public var userCondition: Condition

    public init(spNumber: String, userNumber: String, userCondition: Condition) {
        self.spNumber = spNumber
        self.userNumber = userNumber
        self.userCondition = userCondition
    }

    /// Reads the body. Throws `.truncated` when it ends early.
    public init(decoding reader: inout FieldReader) throws(WireError) {
        spNumber = try reader.fixedString("SPNumber", length: 21)
        userNumber = try reader.fixedString("UserNumber", length: 21)
        userCondition = Condition(rawValue: try reader.integer("UserCondition"))
        _ = try reader.bytes("Reserve", length: 8)
    }

    /// Writes the body. Throws `.valueTooLong` for a number longer than 21 bytes.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        try buffer.writeFixedString(spNumber, length: 21, field: "SPNumber", protocolName: SGIP.name)
        try buffer.writeFixedString(userNumber, length: 21, field: "UserNumber", protocolName: SGIP.name)
        buffer.writeInteger(userCondition.rawValue)
        buffer.writeRepeatingByte(0, count: 8)
    }
}

import NIOCore

/// SGIP Report State (sgip.md §5.6). Open for undefined values.
public struct SGIPReportState: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Delivered (SMSC DELIVERED).
    public static let delivered = SGIPReportState(rawValue: 0)
    /// Waiting to be sent (ENROUTE, ACCEPTED).
    public static let pending = SGIPReportState(rawValue: 1)
    /// Failed (EXPIRED, DELETED, UNDELIVERABLE, UNKNOWN, REJECTED); see `errorCode`.
    public static let failed = SGIPReportState(rawValue: 2)

    public var description: String {
        switch rawValue {
        case 0: "delivered"
        case 1: "pending"
        case 2: "failed"
        default: "state \(rawValue)"
        }
    }
}

/// SGIP Report, SMG → SP (sgip.md §5.6): body 44, PDU 64. One per recipient; correlate by
/// (`submitSequence`, `userNumber`).
public struct SGIPReport: Sendable, Hashable {
    /// Body bytes (sgip.md §2.1: PDU 64 = 20 + 44).
    public static let bodyLength = 44

    /// The SequenceNumber of the Submit (ReportType 0) or forwarded Deliver (ReportType 1).
    public var submitSequence: SGIPSequence
    /// 0 = about a Submit, 1 = about a forwarded Deliver.
    public var reportType: UInt8
    /// Text(21): the recipient this report is about.
    public var userNumber: String
    public var state: SGIPReportState
    /// Meaningful when `state == .failed` (mostly 21–33); 0 otherwise. A failed report is final.
    public var errorCode: SGIPResult

    public init(submitSequence: SGIPSequence, reportType: UInt8 = 0, userNumber: String,
                state: SGIPReportState, errorCode: SGIPResult = .ok) {
        self.submitSequence = submitSequence
        self.reportType = reportType
        self.userNumber = userNumber
        self.state = state
        self.errorCode = errorCode
    }

    /// Reads the body. Throws `.truncated` when it ends early.
    public init(decoding reader: inout FieldReader) throws(WireError) {
        submitSequence = try SGIPSequence(reading: &reader, field: "SubmitSequenceNumber")
        reportType = try reader.integer("ReportType")
        userNumber = try reader.fixedString("UserNumber", length: 21)
        state = SGIPReportState(rawValue: try reader.integer("State"))
        errorCode = SGIPResult(rawValue: try reader.integer("ErrorCode"))
        _ = try reader.bytes("Reserve", length: 8)
    }

    /// Writes the body. Throws `.valueTooLong` when UserNumber exceeds 21 bytes.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        submitSequence.write(into: &buffer)
        buffer.writeInteger(reportType)
        try buffer.writeFixedString(userNumber, length: 21, field: "UserNumber", protocolName: SGIP.name)
        buffer.writeMultipleIntegers(state.rawValue, errorCode.rawValue)
        buffer.writeRepeatingByte(0, count: 8)
    }
}

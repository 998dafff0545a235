import NIOCore

/// The body shared by Bind_Resp, Submit_Resp, Deliver_Resp, Report_Resp and UserRpt_Resp
/// (sgip.md §5.1, §5.4–§5.7): `Result` u8 + `Reserve` Text(8), body 9, PDU 29.
///
/// One type for five PDUs because their layouts are identical; the packet's body case
/// (`.bindResp`, `.submitResp`, …) says which command it answers.
public struct SGIPResponse: Sendable, Hashable {
    /// Body bytes (sgip.md §2.1: PDU 29 = 20 + 9).
    public static let bodyLength = 9

    public var result: SGIPResult

    public init(result: SGIPResult = .ok) { self.result = result }

    /// Reads the body. Throws `.truncated` when it ends early.
    public init(decoding reader: inout FieldReader) throws(WireError) {
        result = SGIPResult(rawValue: try reader.integer("Result"))
        _ = try reader.bytes("Reserve", length: 8)
    }

    /// Writes the body.
    public func encode(into buffer: inout ByteBuffer) {
        buffer.writeInteger(result.rawValue)
        buffer.writeRepeatingByte(0, count: 8)
    }
}

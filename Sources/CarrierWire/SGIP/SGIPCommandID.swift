/// SGIP CommandID values (sgip.md §4). Open: unknown ids decode to an `.unknownCommand` error
/// that still carries the raw id.
public struct SGIPCommandID: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let bind = SGIPCommandID(rawValue: 0x0000_0001)
    public static let bindResp = SGIPCommandID(rawValue: 0x8000_0001)
    public static let unbind = SGIPCommandID(rawValue: 0x0000_0002)
    public static let unbindResp = SGIPCommandID(rawValue: 0x8000_0002)
    public static let submit = SGIPCommandID(rawValue: 0x0000_0003)
    public static let submitResp = SGIPCommandID(rawValue: 0x8000_0003)
    public static let deliver = SGIPCommandID(rawValue: 0x0000_0004)
    public static let deliverResp = SGIPCommandID(rawValue: 0x8000_0004)
    public static let report = SGIPCommandID(rawValue: 0x0000_0005)
    public static let reportResp = SGIPCommandID(rawValue: 0x8000_0005)
    public static let userRpt = SGIPCommandID(rawValue: 0x0000_0011)
    public static let userRptResp = SGIPCommandID(rawValue: 0x8000_0011)
    /// Test-link only (LoginType 11, sgip.md §5.8); not decoded by this codec.
    public static let trace = SGIPCommandID(rawValue: 0x0000_1000)

    /// Responses have bit 31 set.
    public var isResponse: Bool { rawValue & 0x8000_0000 != 0 }

    public var description: String {
        "0x" + String(rawValue, radix: 16, uppercase: true).leftPadded(to: 8)
    }
}

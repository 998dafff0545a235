/// SMGP RequestID values (smgp.md §2). Open: unknown ids decode to an `.unknownCommand` error
/// that still carries the raw id.
public struct SMGPCommandID: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let login = SMGPCommandID(rawValue: 0x0000_0001)
    public static let loginResp = SMGPCommandID(rawValue: 0x8000_0001)
    public static let submit = SMGPCommandID(rawValue: 0x0000_0002)
    public static let submitResp = SMGPCommandID(rawValue: 0x8000_0002)
    public static let deliver = SMGPCommandID(rawValue: 0x0000_0003)
    public static let deliverResp = SMGPCommandID(rawValue: 0x8000_0003)
    public static let activeTest = SMGPCommandID(rawValue: 0x0000_0004)
    public static let activeTestResp = SMGPCommandID(rawValue: 0x8000_0004)
    public static let exit = SMGPCommandID(rawValue: 0x0000_0006)
    public static let exitResp = SMGPCommandID(rawValue: 0x8000_0006)

    /// Responses have bit 31 set.
    public var isResponse: Bool { rawValue & 0x8000_0000 != 0 }

    public var description: String {
        "0x" + String(rawValue, radix: 16, uppercase: true).leftPadded(to: 8)
    }
}

extension CMPP {
    /// Command_Id (cmpp.md §3). Responses are the request id with bit 31 set. Open, so a
    /// decoder can name an id it does not handle in its error.
    public struct CommandID: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Bit 31: set on every response id.
        public static let responseBit: UInt32 = 0x8000_0000

        public static let connect = CommandID(rawValue: 0x0000_0001)
        public static let connectResponse = CommandID(rawValue: 0x8000_0001)
        public static let terminate = CommandID(rawValue: 0x0000_0002)
        public static let terminateResponse = CommandID(rawValue: 0x8000_0002)
        public static let submit = CommandID(rawValue: 0x0000_0004)
        public static let submitResponse = CommandID(rawValue: 0x8000_0004)
        public static let deliver = CommandID(rawValue: 0x0000_0005)
        public static let deliverResponse = CommandID(rawValue: 0x8000_0005)
        public static let query = CommandID(rawValue: 0x0000_0006)
        public static let queryResponse = CommandID(rawValue: 0x8000_0006)
        public static let cancel = CommandID(rawValue: 0x0000_0007)
        public static let cancelResponse = CommandID(rawValue: 0x8000_0007)
        public static let activeTest = CommandID(rawValue: 0x0000_0008)
        public static let activeTestResponse = CommandID(rawValue: 0x8000_0008)

        /// True for response ids (bit 31 set).
        public var isResponse: Bool { rawValue & Self.responseBit != 0 }

        /// The response id answering this request id.
        public var response: CommandID { CommandID(rawValue: rawValue | Self.responseBit) }

        public var description: String {
            "0x" + String(rawValue, radix: 16, uppercase: true).leftPadded(to: 8)
        }
    }
}

extension SMPP {
    /// An SMPP command id (§2). Open: SMSC vendors use `0x00010200–0x000102FF`.
    public struct CommandID: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        public static let genericNack = CommandID(rawValue: 0x8000_0000)
        public static let bindReceiver = CommandID(rawValue: 0x0000_0001)
        public static let bindReceiverResponse = CommandID(rawValue: 0x8000_0001)
        public static let bindTransmitter = CommandID(rawValue: 0x0000_0002)
        public static let bindTransmitterResponse = CommandID(rawValue: 0x8000_0002)
        public static let querySM = CommandID(rawValue: 0x0000_0003)
        public static let querySMResponse = CommandID(rawValue: 0x8000_0003)
        public static let submitSM = CommandID(rawValue: 0x0000_0004)
        public static let submitSMResponse = CommandID(rawValue: 0x8000_0004)
        public static let deliverSM = CommandID(rawValue: 0x0000_0005)
        public static let deliverSMResponse = CommandID(rawValue: 0x8000_0005)
        public static let unbind = CommandID(rawValue: 0x0000_0006)
        public static let unbindResponse = CommandID(rawValue: 0x8000_0006)
        public static let replaceSM = CommandID(rawValue: 0x0000_0007)
        public static let replaceSMResponse = CommandID(rawValue: 0x8000_0007)
        public static let cancelSM = CommandID(rawValue: 0x0000_0008)
        public static let cancelSMResponse = CommandID(rawValue: 0x8000_0008)
        public static let bindTransceiver = CommandID(rawValue: 0x0000_0009)
        public static let bindTransceiverResponse = CommandID(rawValue: 0x8000_0009)
        public static let outbind = CommandID(rawValue: 0x0000_000B)
        public static let enquireLink = CommandID(rawValue: 0x0000_0015)
        public static let enquireLinkResponse = CommandID(rawValue: 0x8000_0015)
        public static let submitMulti = CommandID(rawValue: 0x0000_0021)
        public static let submitMultiResponse = CommandID(rawValue: 0x8000_0021)
        public static let alertNotification = CommandID(rawValue: 0x0000_0102)
        public static let dataSM = CommandID(rawValue: 0x0000_0103)
        public static let dataSMResponse = CommandID(rawValue: 0x8000_0103)

        /// Responses have the top bit set (§2).
        public var isResponse: Bool { rawValue & 0x8000_0000 != 0 }

        public var description: String {
            "0x" + String(rawValue, radix: 16, uppercase: true).leftPadded(to: 8)
        }

        /// Whole-PDU length bounds from §1.1 for commands whose maximum is fixed or whose minimum
        /// exceeds the header. Nil: only the frame limits apply (bodies with TLVs or optional bodies).
        var lengthBounds: ClosedRange<Int>? {
            switch self {
            case .enquireLink, .enquireLinkResponse, .unbind, .unbindResponse, .genericNack: 16...16
            case .bindReceiver, .bindTransmitter, .bindTransceiver: 23...98
            case .outbind: 18...41
            case .submitSM, .deliverSM: 33...SMPP.maxPDULength
            default: nil
            }
        }
    }
}

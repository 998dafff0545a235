extension SMPP {
    /// `message_state` (TLV 0x0427, §5.1) and the matching 7-letter receipt `stat:` words.
    public struct MessageState: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// SMPP 5.0.
        public static let scheduled = Self(rawValue: 0)
        public static let enroute = Self(rawValue: 1)
        public static let delivered = Self(rawValue: 2)
        public static let expired = Self(rawValue: 3)
        public static let deleted = Self(rawValue: 4)
        public static let undeliverable = Self(rawValue: 5)
        public static let accepted = Self(rawValue: 6)
        public static let unknown = Self(rawValue: 7)
        public static let rejected = Self(rawValue: 8)
        /// SMPP 5.0.
        public static let skipped = Self(rawValue: 9)

        private static let words: [(UInt8, String)] = [
            (0, "SCHEDULED"), (1, "ENROUTE"), (2, "DELIVRD"), (3, "EXPIRED"), (4, "DELETED"),
            (5, "UNDELIV"), (6, "ACCEPTD"), (7, "UNKNOWN"), (8, "REJECTD"), (9, "SKIPPED"),
        ]
        /// Long spellings some SMSCs write instead of the 7-letter words.
        private static let aliases: [String: UInt8] = [
            "DELIVERED": 2, "UNDELIVERABLE": 5, "UNDELIVERED": 5, "ACCEPTED": 6, "REJECTED": 8,
        ]

        /// The receipt `stat:` word (`DELIVRD`, `UNDELIV` …), nil for values outside the table.
        public var receiptStat: String? { Self.words.first(where: { $0.0 == rawValue })?.1 }

        /// Parses a receipt `stat:` word, case-insensitively; nil for unknown words.
        public init?(receiptStat: String) {
            let word = receiptStat.uppercased()
            if let known = Self.words.first(where: { $0.1 == word }) {
                self.init(rawValue: known.0)
            } else if let alias = Self.aliases[word] {
                self.init(rawValue: alias)
            } else {
                return nil
            }
        }

        public var description: String { receiptStat ?? "message_state \(rawValue)" }
    }

    /// `network_error_code` (TLV 0x0423, §5.1): network type (1 ANSI-136, 2 IS-95, 3 GSM) and code.
    public struct NetworkErrorCode: Sendable, Hashable {
        public var networkType: UInt8
        public var errorCode: UInt16

        public init(networkType: UInt8, errorCode: UInt16) {
            self.networkType = networkType
            self.errorCode = errorCode
        }

        /// Nil unless exactly 3 bytes.
        public init?(bytes: [UInt8]) {
            guard bytes.count == 3 else { return nil }
            self.init(networkType: bytes[0], errorCode: UInt16(bytes[1]) << 8 | UInt16(bytes[2]))
        }

        public var bytes: [UInt8] { [networkType, UInt8(errorCode >> 8), UInt8(errorCode & 0xFF)] }
    }
}

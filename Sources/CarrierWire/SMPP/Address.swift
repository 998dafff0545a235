extension SMPP {
    /// An address triple as it appears in submit_sm/deliver_sm (TON, NPI, C-string) and in bind's
    /// address_range. Holds a phone number: never put it in error text.
    public struct Address: Sendable, Hashable {
        public var ton: TypeOfNumber
        public var npi: NumberingPlan
        /// Digits, an alphanumeric sender or (address_range) a pattern. Empty = NULL.
        public var value: String

        public init(_ value: String = "", ton: TypeOfNumber = .unknown, npi: NumberingPlan = .unknown) {
            self.value = value
            self.ton = ton
            self.npi = npi
        }

        /// An E.164 number given without "+": TON 1 (international), NPI 1 (ISDN).
        public static func international(_ digits: String) -> Address {
            Address(digits, ton: .international, npi: .isdn)
        }
    }

    /// Type of number (§6.1).
    public struct TypeOfNumber: RawRepresentable, Sendable, Hashable {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let unknown = Self(rawValue: 0)
        public static let international = Self(rawValue: 1)
        public static let national = Self(rawValue: 2)
        public static let networkSpecific = Self(rawValue: 3)
        public static let subscriberNumber = Self(rawValue: 4)
        public static let alphanumeric = Self(rawValue: 5)
        public static let abbreviated = Self(rawValue: 6)
    }

    /// Numbering plan indicator (§6.2).
    public struct NumberingPlan: RawRepresentable, Sendable, Hashable {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let unknown = Self(rawValue: 0)
        /// E.163/E.164
        public static let isdn = Self(rawValue: 1)
        public static let data = Self(rawValue: 3)
        public static let telex = Self(rawValue: 4)
        public static let landMobile = Self(rawValue: 6)
        public static let national = Self(rawValue: 8)
        public static let `private` = Self(rawValue: 9)
        public static let ermes = Self(rawValue: 10)
        public static let internet = Self(rawValue: 14)
        public static let wapClientID = Self(rawValue: 18)
    }
}

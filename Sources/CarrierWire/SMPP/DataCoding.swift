extension SMPP {
    /// `data_coding` (§6.5). Open: GSM coding groups (`0xC0–0xFF`) and vendor values pass through.
    /// 0 is SMSC-defined (usually GSM 03.38, sometimes ASCII/Latin-1) — send Chinese as `.ucs2`.
    public struct DataCoding: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// SMSC default alphabet (usually GSM 03.38 7-bit).
        public static let smscDefault = Self(rawValue: 0x00)
        /// IA5 / ASCII.
        public static let ia5 = Self(rawValue: 0x01)
        /// 8-bit binary.
        public static let octet = Self(rawValue: 0x02)
        /// ISO-8859-1.
        public static let latin1 = Self(rawValue: 0x03)
        /// 8-bit binary (the second code point the 3.4 table assigns).
        public static let octet4 = Self(rawValue: 0x04)
        /// JIS X 0208-1990.
        public static let jis = Self(rawValue: 0x05)
        /// ISO-8859-5.
        public static let cyrillic = Self(rawValue: 0x06)
        /// ISO-8859-8.
        public static let latinHebrew = Self(rawValue: 0x07)
        /// UCS2: UTF-16BE on the wire.
        public static let ucs2 = Self(rawValue: 0x08)
        public static let pictogram = Self(rawValue: 0x09)
        /// ISO-2022-JP (music codes).
        public static let iso2022JP = Self(rawValue: 0x0A)
        /// JIS X 0212-1990.
        public static let extendedKanjiJIS = Self(rawValue: 0x0D)
        /// KS C 5601.
        public static let ksc5601 = Self(rawValue: 0x0E)
        /// GSM coding group: 7-bit, class 0 ("flash").
        public static let gsmFlash = Self(rawValue: 0xF0)

        public var description: String { "data_coding 0x" + String(rawValue, radix: 16).leftPadded(to: 2) }
    }
}

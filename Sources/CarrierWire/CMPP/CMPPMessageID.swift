extension CMPP {
    /// The 8-byte Msg_Id the ISMG assigns (cmpp.md §6.4): an unsigned 64-bit value. Correlate on
    /// `rawValue`; the bit fields are for display and diagnostics only, and no value is rejected
    /// for fields that look out of range.
    ///
    /// Layout (spec bit 64 = most significant): month 4 bits `<< 60`, day 5 `<< 55`, hour 5
    /// `<< 50`, minute 6 `<< 44`, second 6 `<< 38`, ISMG code 22 `<< 16`, sequence 16 `<< 0`.
    public struct MessageID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
        public var rawValue: UInt64
        public init(rawValue: UInt64) { self.rawValue = rawValue }

        /// The zero id an SP puts in SUBMIT.Msg_Id (the ISMG assigns the real one).
        public static let zero = MessageID(rawValue: 0)

        // (shift, mask) per field, cmpp.md §6.4.
        private static let monthField: (UInt64, UInt64) = (60, 0xF)
        private static let dayField: (UInt64, UInt64) = (55, 0x1F)
        private static let hourField: (UInt64, UInt64) = (50, 0x1F)
        private static let minuteField: (UInt64, UInt64) = (44, 0x3F)
        private static let secondField: (UInt64, UInt64) = (38, 0x3F)
        private static let gatewayField: (UInt64, UInt64) = (16, 0x3F_FFFF)
        private static let sequenceField: (UInt64, UInt64) = (0, 0xFFFF)

        private func field(_ spec: (UInt64, UInt64)) -> Int { Int((rawValue >> spec.0) & spec.1) }

        public var month: Int { field(Self.monthField) }
        public var day: Int { field(Self.dayField) }
        public var hour: Int { field(Self.hourField) }
        public var minute: Int { field(Self.minuteField) }
        public var second: Int { field(Self.secondField) }
        /// ISMG code (网关代码), e.g. `"001001"` → 1001.
        public var gatewayID: Int { field(Self.gatewayField) }
        /// Per-ISMG counter, wraps at 16 bits.
        public var sequence: Int { field(Self.sequenceField) }

        /// Composes an id from its fields. Returns nil when a value does not fit its bit width
        /// (month 0…15, day/hour 0…31, minute/second 0…63, gateway 0…4194303, sequence 0…65535);
        /// calendar ranges are not checked.
        public init?(month: Int, day: Int, hour: Int, minute: Int, second: Int, gatewayID: Int, sequence: Int) {
            var value: UInt64 = 0
            let parts = [(month, Self.monthField), (day, Self.dayField), (hour, Self.hourField),
                         (minute, Self.minuteField), (second, Self.secondField),
                         (gatewayID, Self.gatewayField), (sequence, Self.sequenceField)]
            for (part, spec) in parts {
                guard part >= 0, UInt64(part) <= spec.1 else { return nil }
                value |= UInt64(part) << spec.0
            }
            self.rawValue = value
        }

        /// Unsigned decimal rendering (gocmpp).
        public var decimalString: String { String(rawValue) }

        /// 16 lower-case hex digits (SMSGate `toHexString`).
        public var hexString: String { Hex.lower(rawValue, width: 16) }

        /// 22 digits: `MMDDHHMMSS` + gateway (7 digits) + sequence (5 digits) (SMSGate
        /// `MsgId.toString`, go-sms-protocol `MsgID2String`).
        public var digitString: String {
            [(month, 2), (day, 2), (hour, 2), (minute, 2), (second, 2), (gatewayID, 7), (sequence, 5)]
                .map { String($0.0).leftPadded(to: $0.1) }
                .joined()
        }

        /// The decimal rendering.
        public var description: String { decimalString }

        /// Parses an unsigned decimal rendering.
        public init?(decimalString: String) {
            guard let value = UInt64(decimalString) else { return nil }
            self.rawValue = value
        }

        /// Parses a hex rendering (1…16 digits, either case).
        public init?(hexString: String) {
            guard (1...16).contains(hexString.utf8.count), let value = UInt64(hexString, radix: 16) else { return nil }
            self.rawValue = value
        }

        /// Parses the 22-digit rendering; nil when it is not 22 ASCII digits or a field does not fit.
        public init?(digitString: String) {
            let digits = Array(digitString.utf8)
            guard digits.count == 22, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            var values: [Int] = []
            var index = 0
            for width in [2, 2, 2, 2, 2, 7, 5] {
                values.append(digits[index..<(index + width)].reduce(0) { $0 * 10 + Int($1 - 0x30) })
                index += width
            }
            self.init(month: values[0], day: values[1], hour: values[2], minute: values[3],
                      second: values[4], gatewayID: values[5], sequence: values[6])
        }

        /// The id of recipient `index` (0-based) of a group send whose SUBMIT_RESP returned this
        /// id: the 16-bit sequence advances by `index` and wraps to 0, the other fields stay
        /// (cmpp.md §6.4, spec 3.0 appendix 1).
        public func recipient(_ index: Int) -> MessageID {
            let step = UInt64(truncatingIfNeeded: index) & Self.sequenceField.1
            let sequence = (rawValue &+ step) & Self.sequenceField.1
            return MessageID(rawValue: (rawValue & ~Self.sequenceField.1) | sequence)
        }

        public static func < (lhs: MessageID, rhs: MessageID) -> Bool { lhs.rawValue < rhs.rawValue }
    }
}

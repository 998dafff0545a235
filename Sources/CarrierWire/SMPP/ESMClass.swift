extension SMPP {
    /// `esm_class` (§6.3): messaging mode (bits 1–0), message type (bits 5–2) and GSM features
    /// (bits 7–6). An `OptionSet` for composing (`[.udhi, .deliveryReceipt]`); mode and type are
    /// enumerations inside their bit fields, so test them with `messagingMode` / `messageType`
    /// rather than `contains`.
    public struct ESMClass: OptionSet, Sendable, Hashable {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// Mode bits 1–0 = 01 (ESME → SMSC).
        public static let datagramMode = Self(rawValue: 0x01)
        /// Mode bits 1–0 = 10 (ESME → SMSC).
        public static let forwardMode = Self(rawValue: 0x02)
        /// Mode bits 1–0 = 11 (ESME → SMSC).
        public static let storeAndForwardMode = Self(rawValue: 0x03)
        /// Type 0x04: SMSC delivery receipt (SMSC → ESME).
        public static let deliveryReceipt = Self(rawValue: 0x04)
        /// Type 0x08: (E)SME delivery acknowledgement.
        public static let deliveryAcknowledgement = Self(rawValue: 0x08)
        /// Type 0x10: (E)SME manual/user acknowledgement.
        public static let manualAcknowledgement = Self(rawValue: 0x10)
        /// Type 0x18: conversation abort (Korean CDMA).
        public static let conversationAbort = Self(rawValue: 0x18)
        /// Type 0x20: intermediate delivery notification.
        public static let intermediateNotification = Self(rawValue: 0x20)
        /// 0x40: short_message begins with a UDH (§7). Set it whenever a UDH is present.
        public static let udhi = Self(rawValue: 0x40)
        /// 0x80: reply path.
        public static let replyPath = Self(rawValue: 0x80)

        /// Bits 1–0.
        public var messagingMode: UInt8 { rawValue & 0x03 }
        /// Bits 5–2 as an `ESMClass` holding only the type (compare with `.deliveryReceipt` …).
        public var messageType: ESMClass { ESMClass(rawValue: rawValue & 0x3C) }
        /// True for an SMSC delivery receipt (type 0x04).
        public var isDeliveryReceipt: Bool { messageType == .deliveryReceipt }
        public var hasUDH: Bool { rawValue & 0x40 != 0 }
    }

    /// `registered_delivery` (§6.4).
    public struct RegisteredDelivery: OptionSet, Sendable, Hashable {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// Bits 1–0 = 01: SMSC receipt on final success or failure.
        public static let finalOutcome = Self(rawValue: 0x01)
        /// Bits 1–0 = 10: SMSC receipt on failure only.
        public static let failureOnly = Self(rawValue: 0x02)
        /// SME delivery acknowledgement requested.
        public static let smeDeliveryAcknowledgement = Self(rawValue: 0x04)
        /// SME manual/user acknowledgement requested.
        public static let smeManualAcknowledgement = Self(rawValue: 0x08)
        /// Intermediate notification requested (implementations use 0x10; §6.4 note).
        public static let intermediateNotification = Self(rawValue: 0x10)
    }
}

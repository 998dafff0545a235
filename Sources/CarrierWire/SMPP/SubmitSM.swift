import NIOCore

extension SMPP {
    /// submit_sm (§4): one short message from the ESME to one destination.
    ///
    /// Long messages: set `.udhi` in `esmClass` and start `shortMessage` with the UDH, or use the
    /// SAR TLVs, or `tlvs.messagePayload` with an empty `shortMessage` (§7) — never short_message
    /// and message_payload together (the encoder refuses).
    public struct SubmitSM: Sendable, Hashable, ShortMessageLayout {
        /// COS(max 6); empty = SMSC default.
        public var serviceType: String
        /// source_addr_ton/npi + COS(max 21); empty value lets the SMSC default it.
        public var source: Address
        /// dest_addr_ton/npi + COS(max 21).
        public var destination: Address
        public var esmClass: ESMClass
        /// GSM TP-PID, normally 0.
        public var protocolID: UInt8
        /// 0 (lowest) … 3 (highest).
        public var priorityFlag: UInt8
        /// Empty (immediate) or 16 characters `YYMMDDhhmmsstnnp` (§6.6).
        public var scheduleDeliveryTime: String
        /// Empty (SMSC default) or 16 characters (§6.6).
        public var validityPeriod: String
        /// `.finalOutcome` (0x01) to get a delivery receipt.
        public var registeredDelivery: RegisteredDelivery
        /// 0 no, 1 replace.
        public var replaceIfPresentFlag: UInt8
        public var dataCoding: DataCoding
        /// Canned message index, normally 0.
        public var smDefaultMsgID: UInt8
        /// 0…254 bytes, UDH included; sm_length is derived from it.
        public var shortMessage: [UInt8]
        public var tlvs: TLVList

        init() {
            self.init(destination: Address())
        }

        public init(serviceType: String = "", source: Address = Address(), destination: Address,
                    esmClass: ESMClass = [], protocolID: UInt8 = 0, priorityFlag: UInt8 = 0,
                    scheduleDeliveryTime: String = "", validityPeriod: String = "",
                    registeredDelivery: RegisteredDelivery = [], replaceIfPresentFlag: UInt8 = 0,
                    dataCoding: DataCoding = .smscDefault, smDefaultMsgID: UInt8 = 0,
                    shortMessage: [UInt8] = [], tlvs: TLVList = []) {
            self.serviceType = serviceType
            self.source = source
            self.destination = destination
            self.esmClass = esmClass
            self.protocolID = protocolID
            self.priorityFlag = priorityFlag
            self.scheduleDeliveryTime = scheduleDeliveryTime
            self.validityPeriod = validityPeriod
            self.registeredDelivery = registeredDelivery
            self.replaceIfPresentFlag = replaceIfPresentFlag
            self.dataCoding = dataCoding
            self.smDefaultMsgID = smDefaultMsgID
            self.shortMessage = shortMessage
            self.tlvs = tlvs
        }

        init(from reader: inout FieldReader) throws(WireError) {
            try self.init(decoding: &reader)
        }

        /// Writes the body fields (no header).
        /// - Throws: see `SMPP.encode(_:into:)`.
        public func encode(into buffer: inout ByteBuffer) throws(WireError) {
            try encodeLayout(into: &buffer)
        }
    }
}

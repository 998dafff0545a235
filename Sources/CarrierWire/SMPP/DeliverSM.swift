import NIOCore

extension SMPP {
    /// deliver_sm (§5): an MO message or a delivery receipt from the SMSC to the ESME.
    ///
    /// `esmClass.isDeliveryReceipt` (0x04) marks a receipt; read it with `deliveryReceipt`. A long
    /// MO message arrives with a UDH (`.udhi`), SAR TLVs or `message_payload` (§7). The SMSC leaves
    /// schedule_delivery_time, validity_period, replace_if_present_flag and sm_default_msg_id NULL.
    /// The encoder refuses short_message together with message_payload.
    public struct DeliverSM: Sendable, Hashable, ShortMessageLayout {
        /// COS(max 6), as the SMSC sees fit.
        public var serviceType: String
        /// The mobile (MO) or, for a receipt, the handset the original MT went to. COS(max 21).
        public var source: Address
        /// The ESME's address. COS(max 21).
        public var destination: Address
        public var esmClass: ESMClass
        /// GSM TP-PID, normally 0.
        public var protocolID: UInt8
        /// 0 (lowest) … 3 (highest).
        public var priorityFlag: UInt8
        /// NULL in deliver_sm (§5).
        public var scheduleDeliveryTime: String
        /// NULL in deliver_sm (§5).
        public var validityPeriod: String
        /// Normally 0 in deliver_sm.
        public var registeredDelivery: RegisteredDelivery
        /// NULL in deliver_sm (§5).
        public var replaceIfPresentFlag: UInt8
        public var dataCoding: DataCoding
        /// Unused in deliver_sm (§5).
        public var smDefaultMsgID: UInt8
        /// 0…254 bytes, UDH included; sm_length is derived from it.
        public var shortMessage: [UInt8]
        public var tlvs: TLVList

        init() {
            self.init(source: Address(), destination: Address())
        }

        public init(serviceType: String = "", source: Address, destination: Address,
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

import NIOCore

/// The mandatory field list shared by submit_sm and deliver_sm (§4, §5: "same field list and
/// order"), decoded and encoded once here for both PDU types.
protocol ShortMessageLayout {
    var serviceType: String { get set }
    var source: SMPP.Address { get set }
    var destination: SMPP.Address { get set }
    var esmClass: SMPP.ESMClass { get set }
    var protocolID: UInt8 { get set }
    var priorityFlag: UInt8 { get set }
    var scheduleDeliveryTime: String { get set }
    var validityPeriod: String { get set }
    var registeredDelivery: SMPP.RegisteredDelivery { get set }
    var replaceIfPresentFlag: UInt8 { get set }
    var dataCoding: SMPP.DataCoding { get set }
    var smDefaultMsgID: UInt8 { get set }
    var shortMessage: [UInt8] { get set }
    var tlvs: SMPP.TLVList { get set }
    /// Every field empty/zero.
    init()
}

/// §4 field 17: sm_length is a u8 limited to 0…254.
let maxShortMessageLength = 254

/// §6.6: an absolute or relative time is 16 characters; empty means "not given".
let smppTimeLength = 16

extension ShortMessageLayout {
    /// Decodes the mandatory fields and the TLVs. Lenient where the spec only constrains senders:
    /// time strings of any length up to 16, and short_message together with message_payload (the
    /// receiver decides what to do; encoders refuse the combination).
    /// - Throws: `.truncated` for a short body, `.invalidField` for a C-string without NUL within
    ///   its maximum or sm_length 255.
    init(decoding reader: inout FieldReader) throws(WireError) {
        self.init()
        serviceType = try reader.smppCString("service_type", maxLength: 6)
        source.ton = SMPP.TypeOfNumber(rawValue: try reader.integer("source_addr_ton"))
        source.npi = SMPP.NumberingPlan(rawValue: try reader.integer("source_addr_npi"))
        source.value = try reader.smppCString("source_addr", maxLength: 21)
        destination.ton = SMPP.TypeOfNumber(rawValue: try reader.integer("dest_addr_ton"))
        destination.npi = SMPP.NumberingPlan(rawValue: try reader.integer("dest_addr_npi"))
        destination.value = try reader.smppCString("destination_addr", maxLength: 21)
        esmClass = SMPP.ESMClass(rawValue: try reader.integer("esm_class"))
        protocolID = try reader.integer("protocol_id")
        priorityFlag = try reader.integer("priority_flag")
        scheduleDeliveryTime = try reader.smppCString("schedule_delivery_time", maxLength: smppTimeLength + 1)
        validityPeriod = try reader.smppCString("validity_period", maxLength: smppTimeLength + 1)
        registeredDelivery = SMPP.RegisteredDelivery(rawValue: try reader.integer("registered_delivery"))
        replaceIfPresentFlag = try reader.integer("replace_if_present_flag")
        dataCoding = SMPP.DataCoding(rawValue: try reader.integer("data_coding"))
        smDefaultMsgID = try reader.integer("sm_default_msg_id")
        let smLength = Int(try reader.integer("sm_length", as: UInt8.self))
        guard smLength <= maxShortMessageLength else {
            throw reader.error(.invalidField, "sm_length \(smLength) exceeds \(maxShortMessageLength)")
        }
        shortMessage = try reader.bytes("short_message", length: smLength)
        tlvs = try SMPP.TLVList(from: &reader)
    }

    /// Encodes the mandatory fields and the TLVs.
    /// - Throws: `.valueTooLong` for an over-long string or a short_message over 254 bytes;
    ///   `.invalidField` for short_message together with message_payload, or a time string that
    ///   is neither empty nor 16 characters.
    func encodeLayout(into buffer: inout ByteBuffer) throws(WireError) {
        guard shortMessage.count <= maxShortMessageLength else {
            throw WireError(.valueTooLong, protocolName: SMPP.name,
                            detail: "short_message is \(shortMessage.count) bytes, at most \(maxShortMessageLength) allowed; use message_payload or segments")
        }
        if !shortMessage.isEmpty, tlvs.contains(.messagePayload) {
            throw WireError(.invalidField, protocolName: SMPP.name,
                            detail: "short_message and message_payload must not both be set (sm_length must be 0, §4)")
        }
        for (field, value) in [("schedule_delivery_time", scheduleDeliveryTime), ("validity_period", validityPeriod)]
        where !value.isEmpty && value.unicodeScalars.count != smppTimeLength {
            throw WireError(.invalidField, protocolName: SMPP.name,
                            detail: "\(field) must be empty or \(smppTimeLength) characters (§6.6)")
        }
        try buffer.writeSMPPCString(serviceType, maxLength: 6, field: "service_type")
        buffer.writeInteger(source.ton.rawValue)
        buffer.writeInteger(source.npi.rawValue)
        try buffer.writeSMPPCString(source.value, maxLength: 21, field: "source_addr")
        buffer.writeInteger(destination.ton.rawValue)
        buffer.writeInteger(destination.npi.rawValue)
        try buffer.writeSMPPCString(destination.value, maxLength: 21, field: "destination_addr")
        buffer.writeInteger(esmClass.rawValue)
        buffer.writeInteger(protocolID)
        buffer.writeInteger(priorityFlag)
        try buffer.writeSMPPCString(scheduleDeliveryTime, maxLength: smppTimeLength + 1, field: "schedule_delivery_time")
        try buffer.writeSMPPCString(validityPeriod, maxLength: smppTimeLength + 1, field: "validity_period")
        buffer.writeInteger(registeredDelivery.rawValue)
        buffer.writeInteger(replaceIfPresentFlag)
        buffer.writeInteger(dataCoding.rawValue)
        buffer.writeInteger(smDefaultMsgID)
        buffer.writeInteger(UInt8(shortMessage.count))
        buffer.writeBytes(shortMessage)
        try tlvs.encode(into: &buffer)
    }
}

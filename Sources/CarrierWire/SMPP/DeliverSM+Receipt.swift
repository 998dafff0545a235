extension SMPP.DeliverSM {
    /// The delivery receipt this deliver_sm carries, or nil when `esmClass` is not an SMSC
    /// delivery receipt (0x04) or intermediate notification (0x20), or nothing receipt-like is in it.
    /// The text is read from short_message (or message_payload when short_message is empty) as
    /// ISO-8859-1; `receipted_message_id`, `message_state` and `network_error_code` TLVs win over
    /// the text (§5.1).
    public var deliveryReceipt: SMPP.DeliveryReceipt? {
        let type = esmClass.messageType
        guard type == .deliveryReceipt || type == .intermediateNotification else { return nil }
        let bytes = shortMessage.isEmpty ? (tlvs.messagePayload ?? []) : shortMessage
        let parsed = SMPP.DeliveryReceipt(parsing: SMPP.latin1String(bytes))
        var receipt = parsed ?? SMPP.DeliveryReceipt()
        let id = tlvs.receiptedMessageID
        let state = tlvs.messageState
        let networkError = tlvs.networkErrorCode
        guard parsed != nil || id != nil || state != nil || networkError != nil else { return nil }
        if let id { receipt.messageID = id }
        if let state { receipt.state = state }
        if let networkError { receipt.networkErrorCode = networkError }
        return receipt
    }

    /// Builds the deliver_sm an SMSC sends for `receipt` (used by the simulator): esm_class 0x04,
    /// data_coding 0, short_message = `receipt.receiptText` (ISO-8859-1; other characters become
    /// `?`) and, when `includeTLVs`, receipted_message_id, message_state and network_error_code.
    public static func deliveryReceipt(_ receipt: SMPP.DeliveryReceipt, source: SMPP.Address,
                                       destination: SMPP.Address, includeTLVs: Bool = true) -> SMPP.DeliverSM {
        let text = receipt.receiptText.unicodeScalars.map { $0.value <= 0xFF ? UInt8($0.value) : 0x3F }
        var tlvs = SMPP.TLVList()
        if includeTLVs {
            tlvs.receiptedMessageID = receipt.messageID
            tlvs.messageState = receipt.state
            tlvs.networkErrorCode = receipt.networkErrorCode
        }
        return SMPP.DeliverSM(source: source, destination: destination, esmClass: .deliveryReceipt,
                              dataCoding: .smscDefault, shortMessage: text, tlvs: tlvs)
    }
}

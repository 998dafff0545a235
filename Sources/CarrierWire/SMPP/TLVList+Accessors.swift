extension SMPP.TLVList {
    /// `sar_msg_ref_num` (0x020C, u16, §7).
    public var sarMsgRefNum: UInt16? {
        get { uint16(.sarMsgRefNum) }
        set { set(.sarMsgRefNum, to: newValue.map(Self.bytes)) }
    }

    /// `sar_total_segments` (0x020E, u8, §7).
    public var sarTotalSegments: UInt8? {
        get { uint8(.sarTotalSegments) }
        set { set(.sarTotalSegments, to: newValue.map { [$0] }) }
    }

    /// `sar_segment_seqnum` (0x020F, u8, 1-based, §7).
    public var sarSegmentSeqnum: UInt8? {
        get { uint8(.sarSegmentSeqnum) }
        set { set(.sarSegmentSeqnum, to: newValue.map { [$0] }) }
    }

    /// `message_payload` (0x0424, §7). Encoders refuse it together with a non-empty short_message.
    public var messagePayload: [UInt8]? {
        get { value(for: .messagePayload) }
        set { set(.messagePayload, to: newValue) }
    }

    /// `receipted_message_id` (0x001E, COS max 65, §5.1). Read leniently: a missing NUL is tolerated;
    /// nil when the value is longer than 65 bytes. Written as ISO-8859-1 with its NUL (other
    /// characters become `?`; ids are ASCII).
    public var receiptedMessageID: String? {
        get {
            guard var bytes = value(for: .receiptedMessageID), bytes.count <= 65 else { return nil }
            if let nul = bytes.firstIndex(of: 0) { bytes.removeSubrange(nul...) }
            return SMPP.latin1String(bytes)
        }
        set {
            set(.receiptedMessageID, to: newValue.map { text in
                text.unicodeScalars.compactMap { $0.value == 0 ? nil : $0.value <= 0xFF ? UInt8($0.value) : 0x3F } + [0]
            })
        }
    }

    /// `message_state` (0x0427, u8, §5.1).
    public var messageState: SMPP.MessageState? {
        get { uint8(.messageState).map(SMPP.MessageState.init(rawValue:)) }
        set { set(.messageState, to: newValue.map { [$0.rawValue] }) }
    }

    /// `network_error_code` (0x0423, 3 bytes, §5.1).
    public var networkErrorCode: SMPP.NetworkErrorCode? {
        get { value(for: .networkErrorCode).flatMap(SMPP.NetworkErrorCode.init(bytes:)) }
        set { set(.networkErrorCode, to: newValue?.bytes) }
    }

    /// `user_message_reference` (0x0204, u16, §8).
    public var userMessageReference: UInt16? {
        get { uint16(.userMessageReference) }
        set { set(.userMessageReference, to: newValue.map(Self.bytes)) }
    }

    /// `sc_interface_version` (0x0210, u8) in bind_*_resp (§3.1).
    public var scInterfaceVersion: UInt8? {
        get { uint8(.scInterfaceVersion) }
        set { set(.scInterfaceVersion, to: newValue.map { [$0] }) }
    }

    /// `source_port` (0x020A, u16, §8).
    public var sourcePort: UInt16? {
        get { uint16(.sourcePort) }
        set { set(.sourcePort, to: newValue.map(Self.bytes)) }
    }

    /// `destination_port` (0x020B, u16, §8).
    public var destinationPort: UInt16? {
        get { uint16(.destinationPort) }
        set { set(.destinationPort, to: newValue.map(Self.bytes)) }
    }

    /// `congestion_state` (0x0428, u8, SMPP 5.0 §11): 0 idle … 100 congested.
    public var congestionState: UInt8? {
        get { uint8(.congestionState) }
        set { set(.congestionState, to: newValue.map { [$0] }) }
    }

    private func uint8(_ tag: SMPP.TLV.Tag) -> UInt8? {
        guard let value = value(for: tag), value.count == 1 else { return nil }
        return value.first
    }

    private func uint16(_ tag: SMPP.TLV.Tag) -> UInt16? {
        guard let value = value(for: tag), value.count == 2 else { return nil }
        return UInt16(value[value.startIndex]) << 8 | UInt16(value[value.startIndex + 1])
    }

    private static func bytes(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
}

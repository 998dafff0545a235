/// Typed accessors for the TLVs of smgp.md §6. Getters read the first TLV with the tag and return
/// nil when it is absent or (for u8 values) not exactly one byte long; setters replace it in place
/// or append it, and nil removes it.
extension SMGPTLVList {
    private func byte(_ tag: SMGPTLV.Tag) -> UInt8? {
        guard let v = value(for: tag), v.count == 1 else { return nil }
        return v[0]
    }

    private mutating func setByte(_ b: UInt8?, _ tag: SMGPTLV.Tag) {
        setValue(b.map { [$0] }, for: tag)
    }

    /// Octet-string value with trailing NULs removed.
    private func octets(_ tag: SMGPTLV.Tag) -> String? {
        guard let v = value(for: tag) else { return nil }
        let end = v.firstIndex(of: 0) ?? v.count
        return String(decoding: v[..<end], as: UTF8.self)
    }

    /// Stores `text` NUL-padded to the field's fixed width `width`.
    private mutating func setOctets(_ text: String?, _ tag: SMGPTLV.Tag, width: Int, field: String) throws(WireError) {
        guard let text else { return setValue(nil, for: tag) }
        let utf8 = Array(text.utf8)
        guard utf8.count <= width else {
            throw WireError(.valueTooLong, protocolName: SMGP.name, detail: "\(field) is \(utf8.count) bytes, the TLV holds \(width)")
        }
        setValue(utf8 + [UInt8](repeating: 0, count: width - utf8.count), for: tag)
    }

    /// 0x0001 TP_pid (GSM 03.40 TP-PID).
    public var tpPid: UInt8? { get { byte(.tpPid) } set { setByte(newValue, .tpPid) } }
    /// 0x0002 TP_udhi: bit 0 = content starts with a UDH.
    public var tpUdhi: UInt8? { get { byte(.tpUdhi) } set { setByte(newValue, .tpUdhi) } }
    /// 0x0004 ChargeUserType: 0 recipient, 1 sender, 2 SP, 3 ChargeTermID/ChargeTermPseudo.
    public var chargeUserType: UInt8? { get { byte(.chargeUserType) } set { setByte(newValue, .chargeUserType) } }
    /// 0x0005 ChargeTermType: 0 real, 1 pseudo.
    public var chargeTermType: UInt8? { get { byte(.chargeTermType) } set { setByte(newValue, .chargeTermType) } }
    /// 0x0006 ChargeTermPseudo (variable).
    public var chargeTermPseudo: [UInt8]? { get { value(for: .chargeTermPseudo) } set { setValue(newValue, for: .chargeTermPseudo) } }
    /// 0x0007 DestTermType: 0 real, 1 pseudo.
    public var destTermType: UInt8? { get { byte(.destTermType) } set { setByte(newValue, .destTermType) } }
    /// 0x0008 DestTermPseudo (variable).
    public var destTermPseudo: [UInt8]? { get { value(for: .destTermPseudo) } set { setValue(newValue, for: .destTermPseudo) } }
    /// 0x0009 PkTotal: segments of a long message.
    public var pkTotal: UInt8? { get { byte(.pkTotal) } set { setByte(newValue, .pkTotal) } }
    /// 0x000A PkNumber: 1-based segment index.
    public var pkNumber: UInt8? { get { byte(.pkNumber) } set { setByte(newValue, .pkNumber) } }
    /// 0x000B SubmitMsgType: 0 normal … 5 monthly-fee notice.
    public var submitMsgType: UInt8? { get { byte(.submitMsgType) } set { setByte(newValue, .submitMsgType) } }
    /// 0x000C SPDealResult: 0 success, 1 failure.
    public var spDealResult: UInt8? { get { byte(.spDealResult) } set { setByte(newValue, .spDealResult) } }
    /// 0x000D SrcTermType: 0 real, 1 pseudo.
    public var srcTermType: UInt8? { get { byte(.srcTermType) } set { setByte(newValue, .srcTermType) } }
    /// 0x000E SrcTermPseudo (variable).
    public var srcTermPseudo: [UInt8]? { get { value(for: .srcTermPseudo) } set { setValue(newValue, for: .srcTermPseudo) } }
    /// 0x000F NodesCount (Forward): hop count.
    public var nodesCount: UInt8? { get { byte(.nodesCount) } set { setByte(newValue, .nodesCount) } }
    /// 0x0011 SrcType (Forward): 0 real, 1 pseudo.
    public var srcType: UInt8? { get { byte(.srcType) } set { setByte(newValue, .srcType) } }

    /// 0x0003 LinkID, OS(20).
    public var linkID: String? { octets(.linkID) }
    /// 0x0010 MsgSrc, OS(8).
    public var msgSrc: String? { octets(.msgSrc) }
    /// 0x0012 MServiceID, OS(21).
    public var mServiceID: String? { octets(.mServiceID) }

    /// Sets LinkID (OS(20), NUL-padded); nil removes it. Throws `.valueTooLong` beyond 20 bytes.
    public mutating func setLinkID(_ value: String?) throws(WireError) {
        try setOctets(value, .linkID, width: 20, field: "LinkID")
    }

    /// Sets MsgSrc (OS(8), NUL-padded); nil removes it. Throws `.valueTooLong` beyond 8 bytes.
    public mutating func setMsgSrc(_ value: String?) throws(WireError) {
        try setOctets(value, .msgSrc, width: 8, field: "MsgSrc")
    }

    /// Sets MServiceID (OS(21), NUL-padded); nil removes it. Throws `.valueTooLong` beyond 21 bytes.
    public mutating func setMServiceID(_ value: String?) throws(WireError) {
        try setOctets(value, .mServiceID, width: 21, field: "MServiceID")
    }
}

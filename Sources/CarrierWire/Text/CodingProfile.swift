/// Which codings a protocol's content field carries and the value that selects each:
/// CMPP `Msg_Fmt`, SGIP `MessageCoding`, SMGP `MsgFormat`, SMPP `data_coding`
/// (protocols/README.md §1; cmpp.md §8.1, sgip.md §6, smgp.md §8, smpp.md §6.5).
public struct CodingProfile: Sendable, Hashable {
    /// A coding and its field value.
    public struct Entry: Sendable, Hashable {
        public var coding: TextCoding
        public var value: UInt8
        public init(_ coding: TextCoding, _ value: UInt8) {
            self.coding = coding
            self.value = value
        }
    }

    /// "CMPP", "SGIP", "SMGP", "SMPP".
    public var name: String
    /// Codings we may send, in tie-break preference order for ``CodingChooser``.
    public var outbound: [Entry]
    /// Values we accept inbound besides the outbound ones (e.g. CMPP 9, "UCS2 no sign").
    public var inboundAliases: [Entry]

    public init(name: String, outbound: [Entry], inboundAliases: [Entry] = []) {
        self.name = name
        self.outbound = outbound
        self.inboundAliases = inboundAliases
    }

    /// The codings we may send, in preference order.
    public var allowed: [TextCoding] { outbound.map(\.coding) }

    /// The field value to send for `coding`, or nil if this protocol does not carry it.
    public func value(for coding: TextCoding) -> UInt8? {
        outbound.first { $0.coding == coding }?.value
    }

    /// How to decode inbound content with field value `value`, or nil for binary/unknown data
    /// (keep the raw bytes). Values the table does not list are read as a GSM 03.38 data coding
    /// scheme (cmpp.md §8.1 "other", sgip.md §6): general group 00xx with the alphabet in bits
    /// 3–2 (uncompressed only) and group 1111 with bit 2 clear mean 7-bit or UCS2.
    public func coding(forValue value: UInt8) -> TextCoding? {
        if let entry = (outbound + inboundAliases).first(where: { $0.value == value }) { return entry.coding }
        switch value {
        case 0x10...0x1F:  // GSM 03.38 §4 general group, class bits, uncompressed
            switch value & 0x0C {
            case 0x00: return .gsm7
            case 0x08: return .ucs2
            default: return nil
            }
        case 0xF0...0xFF:  // GSM 03.38 §4 data coding / message class group
            return value & 0x04 == 0 ? .gsm7 : nil
        default:
            return nil
        }
    }

    /// CMPP 2.0/3.0 `Msg_Fmt`: 0 ASCII, 8 UCS2, 15 GB (sent as GBK); 9 accepted as UCS2.
    public static let cmpp = CodingProfile(
        name: "CMPP", outbound: [Entry(.ascii, 0), Entry(.ucs2, 8), Entry(.gbk, 15)],
        inboundAliases: [Entry(.ucs2, 9)])

    /// SGIP 1.2 `MessageCoding`: 0 ASCII, 8 UCS2, 15 GBK.
    public static let sgip = CodingProfile(
        name: "SGIP", outbound: [Entry(.ascii, 0), Entry(.ucs2, 8), Entry(.gbk, 15)])

    /// SMGP 3.0 `MsgFormat`: 0 ASCII, 8 UCS2, 15 GB18030.
    public static let smgp = CodingProfile(
        name: "SMGP", outbound: [Entry(.ascii, 0), Entry(.ucs2, 8), Entry(.gb18030, 15)])

    /// SMPP 3.4 `data_coding`: 1 IA5/ASCII, 3 Latin-1, 8 UCS2; 0 is "SMSC default alphabet"
    /// (smpp.md §6.5) and means `defaultAlphabet` — agree it per link. Value 0 is only sent when
    /// the default is GSM 7-bit; other defaults are sent with their explicit value (1 or 3) and
    /// 0 is accepted inbound as the default.
    public static func smpp(defaultAlphabet: TextCoding = .gsm7) -> CodingProfile {
        var outbound = [Entry(.ascii, 1), Entry(.latin1, 3), Entry(.ucs2, 8)]
        var aliases: [Entry] = []
        if defaultAlphabet == .gsm7 {
            outbound.insert(Entry(.gsm7, 0), at: 0)
        } else {
            aliases.append(Entry(defaultAlphabet, 0))
        }
        return CodingProfile(name: "SMPP", outbound: outbound, inboundAliases: aliases)
    }
}

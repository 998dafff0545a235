/// China Mobile Peer to Peer (CMPP) 2.0 and 3.0, the ISMG (互联网短信网关) protocol
/// (protocols/cmpp.md). Types are namespaced here because SGIP, SMGP and SMPP share the module.
///
/// The two versions share the header, the command ids and most messages; where the byte layout
/// differs (cmpp.md §11) every PDU encodes and decodes according to a `Layout`. The wire
/// protocols `CMPP2` and `CMPP3` pick the layout; the packet type `CMPP.Packet` is shared.
public enum CMPP {
    /// Bytes of the header: Total_Length, Command_Id, Sequence_Id (cmpp.md §1).
    public static let headerLength = 12

    /// Which version's field widths a PDU uses. Chosen per account by configuration (cmpp.md §2),
    /// never guessed from the traffic.
    public enum Layout: Sendable, Hashable, CaseIterable {
        /// CMPP 2.0 (and 2.1, wire-identical for SP messages).
        case v2
        /// CMPP 3.0.
        case v3

        /// Width of a terminal id (Fee_terminal_Id, Dest_terminal_Id, Src_terminal_Id, the
        /// report's Dest_terminal_Id): 21 bytes in 2.0, 32 in 3.0 (cmpp.md §11).
        public var terminalIDLength: Int { self == .v2 ? 21 : 32 }

        /// Width of the status/result integers of CONNECT_RESP, SUBMIT_RESP, DELIVER_RESP and
        /// CANCEL_RESP: u8 in 2.0, u32 in 3.0 (cmpp.md §11).
        public var resultWidth: Int { self == .v2 ? 1 : 4 }

        /// Name used in errors: "CMPP2" or "CMPP3".
        public var protocolName: String { self == .v2 ? "CMPP2" : "CMPP3" }

        /// The CONNECT.Version byte this layout speaks.
        public var protocolVersion: ProtocolVersion { self == .v2 ? .v2_0 : .v3_0 }

        /// The largest legal PDU (cmpp.md §1.1): SUBMIT with 99 recipients and 159 content bytes,
        /// 12 + 151 + 32·99 + 159 = 3490 (3.0) or 12 + 126 + 21·99 + 159 = 2376 (2.0).
        public var maxPDULength: Int {
            CMPP.headerLength + Submit.fixedBodyLength(self)
                + terminalIDLength * Submit.maxRecipients + Submit.maxContentLength
        }
    }

    /// CONNECT.Version: high nibble major, low nibble minor (cmpp.md §2). Open: gateways answer
    /// with whatever they support.
    public struct ProtocolVersion: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// CMPP 2.0 (`0x20`).
        public static let v2_0 = ProtocolVersion(rawValue: 0x20)
        /// CMPP 2.1 (`0x21`), wire-identical to 2.0 for SP messages.
        public static let v2_1 = ProtocolVersion(rawValue: 0x21)
        /// CMPP 3.0 (`0x30`).
        public static let v3_0 = ProtocolVersion(rawValue: 0x30)

        public var major: Int { Int(rawValue >> 4) }
        public var minor: Int { Int(rawValue & 0x0F) }
        /// The field layout for this version: 3.x and later use 3.0 widths, anything else 2.0.
        public var layout: Layout { major >= 3 ? .v3 : .v2 }
        public var description: String { "\(major).\(minor)" }
    }

    /// Msg_Fmt (cmpp.md §8.1). Open: other values are GSM 03.38 data coding schemes.
    public struct MessageFormat: RawRepresentable, Sendable, Hashable {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let ascii = MessageFormat(rawValue: 0)
        /// SIM card write (短信写卡).
        public static let simWrite = MessageFormat(rawValue: 3)
        public static let binary = MessageFormat(rawValue: 4)
        /// UCS2, big-endian UTF-16 without BOM — the recommended format for Chinese text.
        public static let ucs2 = MessageFormat(rawValue: 8)
        /// "UCS2 no sign" accepted by some libraries; read as UCS2, do not send unasked.
        public static let ucs2NoSign = MessageFormat(rawValue: 9)
        /// Contains GB Chinese (GBK/GB2312).
        public static let gb = MessageFormat(rawValue: 15)
    }
}

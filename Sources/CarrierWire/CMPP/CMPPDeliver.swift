import NIOCore

extension CMPP {
    /// CMPP_DELIVER (ISMG → SP): a mobile-originated message or a status report
    /// (cmpp.md §7.1 for 3.0, body 97 + M; §7.2 for 2.0, body 73 + M).
    ///
    /// One value serves both versions: in 2.0 `srcTerminalType` and `linkID` are not on the
    /// wire (decode as 0/""), and the 8-byte Reserved is written as zeros and ignored when read.
    /// A 3.0 LinkID shorter than 20 bytes is accepted (cmpp.md §7.3, "卓望"); it is re-encoded
    /// at full width.
    public struct Deliver: Sendable, Hashable {
        static let destIDLength = 21, serviceIDLength = 10, linkIDLength = 20, reservedLength = 8

        /// What Msg_Content holds, chosen by Registered_Delivery (0 message, 1 report).
        public enum Payload: Sendable, Hashable {
            /// An MO message: the raw Msg_Content (UDH included when `tpUDHI` says so).
            case message([UInt8])
            /// A status report for an earlier SUBMIT.
            case report(StatusReport)
        }

        /// Id of this DELIVER; echo it in DELIVER_RESP.
        public var msgID: MessageID
        /// SP service code (or long number with extension) the user sent to, OS(21).
        public var destID: String
        public var serviceID: String
        public var tpPID: UInt8
        /// Bit 0 set: an MO `content` starts with a UDH.
        public var tpUDHI: UInt8
        public var msgFmt: MessageFormat
        /// MO: the sender MSISDN; report: the recipient of the original SUBMIT. 21/32 bytes.
        public var srcTerminalID: String
        /// 3.0 only: 0 real, 1 pseudo.
        public var srcTerminalType: UInt8
        public var payload: Payload
        /// 3.0 only, OS(20).
        public var linkID: String

        public init(msgID: MessageID, destID: String, serviceID: String = "", tpPID: UInt8 = 0, tpUDHI: UInt8 = 0,
                    msgFmt: MessageFormat, srcTerminalID: String, srcTerminalType: UInt8 = 0, payload: Payload,
                    linkID: String = "") {
            self.msgID = msgID
            self.destID = destID
            self.serviceID = serviceID
            self.tpPID = tpPID
            self.tpUDHI = tpUDHI
            self.msgFmt = msgFmt
            self.srcTerminalID = srcTerminalID
            self.srcTerminalType = srcTerminalType
            self.payload = payload
            self.linkID = linkID
        }

        /// The report, when this DELIVER carries one.
        public var report: StatusReport? {
            if case .report(let report) = payload { return report }
            return nil
        }

        /// True when TP_udhi bit 0 is set.
        public var hasUserDataHeader: Bool { tpUDHI & 1 == 1 }

        init(from reader: inout FieldReader, layout: Layout) throws(WireError) {
            msgID = MessageID(rawValue: try reader.integer("Msg_Id"))
            destID = try reader.fixedString("Dest_Id", length: Self.destIDLength)
            serviceID = try reader.fixedString("Service_Id", length: Self.serviceIDLength)
            tpPID = try reader.integer("TP_pid")
            tpUDHI = try reader.integer("TP_udhi")
            msgFmt = MessageFormat(rawValue: try reader.integer("Msg_Fmt"))
            srcTerminalID = try reader.fixedString("Src_terminal_Id", length: layout.terminalIDLength)
            srcTerminalType = try layout == .v3 ? reader.integer("Src_terminal_type", as: UInt8.self) : 0
            let registeredDelivery = try reader.integer("Registered_Delivery", as: UInt8.self)
            let length = Int(try reader.integer("Msg_Length", as: UInt8.self))
            let content = try reader.bytes("Msg_Content", length: length)
            switch registeredDelivery {
            case 0: payload = .message(content)
            case 1:
                payload = .report(try StatusReport(content: content, protocolName: reader.protocolName,
                                                   commandID: reader.commandID, header: reader.header))
            default:
                throw reader.error(.invalidField, "Registered_Delivery \(registeredDelivery) is neither 0 nor 1")
            }
            switch layout {
            case .v3:
                linkID = try reader.fixedString("LinkID", length: Swift.min(reader.remaining, Self.linkIDLength))
            case .v2:
                _ = try reader.bytes("Reserved", length: Self.reservedLength)
                linkID = ""
            }
        }

        func encode(into buffer: inout ByteBuffer, layout: Layout) throws(WireError) {
            let registeredDelivery: UInt8
            let content: [UInt8]
            switch payload {
            case .message(let bytes):
                guard bytes.count <= Int(UInt8.max) else {
                    throw WireError(.valueTooLong, protocolName: layout.protocolName,
                                    detail: "Msg_Content is \(bytes.count) bytes, at most \(UInt8.max)")
                }
                registeredDelivery = 0
                content = bytes
            case .report(let report):
                registeredDelivery = 1
                content = try report.content(layout: layout)
            }
            buffer.writeInteger(msgID.rawValue)
            try buffer.writeFixedString(destID, length: Self.destIDLength, field: "Dest_Id", layout: layout)
            try buffer.writeFixedString(serviceID, length: Self.serviceIDLength, field: "Service_Id", layout: layout)
            buffer.writeInteger(tpPID)
            buffer.writeInteger(tpUDHI)
            buffer.writeInteger(msgFmt.rawValue)
            try buffer.writeFixedString(srcTerminalID, length: layout.terminalIDLength, field: "Src_terminal_Id", layout: layout)
            if layout == .v3 { buffer.writeInteger(srcTerminalType) }
            buffer.writeInteger(registeredDelivery)
            buffer.writeInteger(UInt8(content.count))
            buffer.writeBytes(content)
            switch layout {
            case .v3: try buffer.writeFixedString(linkID, length: Self.linkIDLength, field: "LinkID", layout: layout)
            case .v2: buffer.writeRepeatingByte(0, count: Self.reservedLength)
            }
        }
    }
}

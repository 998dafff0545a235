import NIOCore

extension CMPP {
    /// CMPP_SUBMIT (SP → ISMG): one short message, or one segment of a long one, to 1…99
    /// recipients (cmpp.md §6.1 for 3.0, §6.2 for 2.0).
    ///
    /// One value serves both versions. Fields a version lacks are not on its wire: in 2.0
    /// `feeTerminalType`, `destTerminalType` and `linkID` are not encoded (and decode as 0/""),
    /// and 2.0's 8-byte Reserve is written as zeros and ignored when read. Terminal ids are 21
    /// bytes in 2.0 and 32 in 3.0.
    ///
    /// Long SMS (cmpp.md §8.3): set `tpUDHI = 1`, `pkTotal`/`pkNumber`, and put the UDH at the
    /// start of `content`; this type only carries the bytes and flags.
    public struct Submit: Sendable, Hashable {
        /// At most 99 recipients: DestUsr_tl < 100 (cmpp.md §6.1).
        public static let maxRecipients = 99
        /// Msg_Length ≤ 159 (< 160 for Msg_Fmt 0; 140 for anything else, which the gateway
        /// enforces) (cmpp.md §1.1, §8.2).
        public static let maxContentLength = 159
        /// Body bytes besides the terminal ids and the content: 151 − 32 (3.0) / 126 − 21 (2.0)
        /// plus the per-recipient ids, i.e. body = fixed + width·N + M (cmpp.md §6.1, §6.2).
        public static func fixedBodyLength(_ layout: Layout) -> Int { layout == .v3 ? 151 : 126 }

        static let serviceIDLength = 10, msgSrcLength = 6, feeTypeLength = 2, feeCodeLength = 6
        static let timeLength = 17, srcIDLength = 21, linkIDLength = 20, reserveLength = 8

        /// 0 from the SP; the ISMG assigns the real id in SUBMIT_RESP.
        public var msgID: MessageID
        /// Segments of this long message, from 1 (1 for a single SMS).
        public var pkTotal: UInt8
        /// 1-based index of this segment.
        public var pkNumber: UInt8
        /// 0 no status report, 1 request one (2 = 2.0 "SMC" billing-only). Defaults to 1: with 0
        /// no DELIVRD ever arrives (cmpp.md §14 pitfall 5).
        public var registeredDelivery: UInt8
        public var msgLevel: UInt8
        /// Business code assigned by the carrier, OS(10).
        public var serviceID: String
        /// 0 charge destination, 1 charge source, 2 charge SP, 3 charge `feeTerminalID`.
        public var feeUserType: UInt8
        /// OS(21) in 2.0, OS(32) in 3.0.
        public var feeTerminalID: String
        /// 3.0 only: 0 real number, 1 pseudo number.
        public var feeTerminalType: UInt8
        public var tpPID: UInt8
        /// Bit 0 set: `content` starts with a UDH.
        public var tpUDHI: UInt8
        public var msgFmt: MessageFormat
        /// SP_Id (content source), OS(6).
        public var msgSrc: String
        /// "01" free, "02" per message, "03" monthly (2.0 also "04", "05"), OS(2).
        public var feeType: String
        /// Fee in fen, ASCII digits, OS(6).
        public var feeCode: String
        /// Validity, SMPP 3.3 time string or empty for default, OS(17).
        public var validTime: String
        /// Scheduled delivery time or empty for now, OS(17).
        public var atTime: String
        /// SP service code (+ extension) shown as the sender, OS(21).
        public var srcID: String
        /// 1…99 recipient MSISDNs (`86`/`+86` prefix allowed).
        public var destTerminalIDs: [String]
        /// 3.0 only: 0 real, 1 pseudo (applies to all recipients).
        public var destTerminalType: UInt8
        /// Msg_Content, UDH included; at most 159 bytes.
        public var content: [UInt8]
        /// 3.0 only: LinkID of the MO this on-demand MT answers, OS(20); empty otherwise.
        public var linkID: String

        public init(msgID: MessageID = .zero, pkTotal: UInt8 = 1, pkNumber: UInt8 = 1, registeredDelivery: UInt8 = 1,
                    msgLevel: UInt8 = 0, serviceID: String, feeUserType: UInt8 = 0, feeTerminalID: String = "",
                    feeTerminalType: UInt8 = 0, tpPID: UInt8 = 0, tpUDHI: UInt8 = 0, msgFmt: MessageFormat,
                    msgSrc: String, feeType: String = "01", feeCode: String = "000000", validTime: String = "",
                    atTime: String = "", srcID: String, destTerminalIDs: [String], destTerminalType: UInt8 = 0,
                    content: [UInt8], linkID: String = "") {
            self.msgID = msgID
            self.pkTotal = pkTotal
            self.pkNumber = pkNumber
            self.registeredDelivery = registeredDelivery
            self.msgLevel = msgLevel
            self.serviceID = serviceID
            self.feeUserType = feeUserType
            self.feeTerminalID = feeTerminalID
            self.feeTerminalType = feeTerminalType
            self.tpPID = tpPID
            self.tpUDHI = tpUDHI
            self.msgFmt = msgFmt
            self.msgSrc = msgSrc
            self.feeType = feeType
            self.feeCode = feeCode
            self.validTime = validTime
            self.atTime = atTime
            self.srcID = srcID
            self.destTerminalIDs = destTerminalIDs
            self.destTerminalType = destTerminalType
            self.content = content
            self.linkID = linkID
        }

        /// True when TP_udhi bit 0 says `content` starts with a user data header.
        public var hasUserDataHeader: Bool { tpUDHI & 1 == 1 }

        init(from reader: inout FieldReader, layout: Layout) throws(WireError) {
            let idLength = layout.terminalIDLength
            msgID = MessageID(rawValue: try reader.integer("Msg_Id"))
            pkTotal = try reader.integer("Pk_total")
            pkNumber = try reader.integer("Pk_number")
            registeredDelivery = try reader.integer("Registered_Delivery")
            msgLevel = try reader.integer("Msg_level")
            serviceID = try reader.fixedString("Service_Id", length: Self.serviceIDLength)
            feeUserType = try reader.integer("Fee_UserType")
            feeTerminalID = try reader.fixedString("Fee_terminal_Id", length: idLength)
            feeTerminalType = try layout == .v3 ? reader.integer("Fee_terminal_type", as: UInt8.self) : 0
            tpPID = try reader.integer("TP_pId")
            tpUDHI = try reader.integer("TP_udhi")
            msgFmt = MessageFormat(rawValue: try reader.integer("Msg_Fmt"))
            msgSrc = try reader.fixedString("Msg_src", length: Self.msgSrcLength)
            feeType = try reader.fixedString("FeeType", length: Self.feeTypeLength)
            feeCode = try reader.fixedString("FeeCode", length: Self.feeCodeLength)
            validTime = try reader.fixedString("ValId_Time", length: Self.timeLength)
            atTime = try reader.fixedString("At_Time", length: Self.timeLength)
            srcID = try reader.fixedString("Src_Id", length: Self.srcIDLength)
            let count = Int(try reader.integer("DestUsr_tl", as: UInt8.self))
            guard (1...Self.maxRecipients).contains(count) else {
                throw reader.error(.invalidField, "DestUsr_tl \(count) is outside 1…\(Self.maxRecipients)")
            }
            guard reader.remaining >= count * idLength else {
                throw reader.error(.truncated, "body ends before Dest_terminal_Id (\(count) × \(idLength) bytes)")
            }
            var recipients: [String] = []
            recipients.reserveCapacity(count)
            for _ in 0..<count {
                recipients.append(try reader.fixedString("Dest_terminal_Id", length: idLength))
            }
            destTerminalIDs = recipients
            destTerminalType = try layout == .v3 ? reader.integer("Dest_terminal_type", as: UInt8.self) : 0
            let length = Int(try reader.integer("Msg_Length", as: UInt8.self))
            guard length <= Self.maxContentLength else {
                throw reader.error(.invalidField, "Msg_Length \(length) exceeds \(Self.maxContentLength)")
            }
            content = try reader.bytes("Msg_Content", length: length)
            switch layout {
            case .v3: linkID = try reader.fixedString("LinkID", length: Self.linkIDLength)
            case .v2:
                _ = try reader.bytes("Reserve", length: Self.reserveLength)
                linkID = ""
            }
        }

        func encode(into buffer: inout ByteBuffer, layout: Layout) throws(WireError) {
            let idLength = layout.terminalIDLength
            guard !destTerminalIDs.isEmpty else {
                throw WireError(.invalidField, protocolName: layout.protocolName, commandID: CommandID.submit.rawValue, detail: "no Dest_terminal_Id")
            }
            guard destTerminalIDs.count <= Self.maxRecipients else {
                throw WireError(.valueTooLong, protocolName: layout.protocolName, commandID: CommandID.submit.rawValue,
                                detail: "\(destTerminalIDs.count) recipients, at most \(Self.maxRecipients)")
            }
            guard content.count <= Self.maxContentLength else {
                throw WireError(.valueTooLong, protocolName: layout.protocolName, commandID: CommandID.submit.rawValue,
                                detail: "Msg_Content is \(content.count) bytes, at most \(Self.maxContentLength)")
            }
            buffer.writeInteger(msgID.rawValue)
            buffer.writeInteger(pkTotal)
            buffer.writeInteger(pkNumber)
            buffer.writeInteger(registeredDelivery)
            buffer.writeInteger(msgLevel)
            try buffer.writeFixedString(serviceID, length: Self.serviceIDLength, field: "Service_Id", layout: layout)
            buffer.writeInteger(feeUserType)
            try buffer.writeFixedString(feeTerminalID, length: idLength, field: "Fee_terminal_Id", layout: layout)
            if layout == .v3 { buffer.writeInteger(feeTerminalType) }
            buffer.writeInteger(tpPID)
            buffer.writeInteger(tpUDHI)
            buffer.writeInteger(msgFmt.rawValue)
            try buffer.writeFixedString(msgSrc, length: Self.msgSrcLength, field: "Msg_src", layout: layout)
            try buffer.writeFixedString(feeType, length: Self.feeTypeLength, field: "FeeType", layout: layout)
            try buffer.writeFixedString(feeCode, length: Self.feeCodeLength, field: "FeeCode", layout: layout)
            try buffer.writeFixedString(validTime, length: Self.timeLength, field: "ValId_Time", layout: layout)
            try buffer.writeFixedString(atTime, length: Self.timeLength, field: "At_Time", layout: layout)
            try buffer.writeFixedString(srcID, length: Self.srcIDLength, field: "Src_Id", layout: layout)
            buffer.writeInteger(UInt8(destTerminalIDs.count))
            for recipient in destTerminalIDs {
                try buffer.writeFixedString(recipient, length: idLength, field: "Dest_terminal_Id", layout: layout)
            }
            if layout == .v3 { buffer.writeInteger(destTerminalType) }
            buffer.writeInteger(UInt8(content.count))
            buffer.writeBytes(content)
            switch layout {
            case .v3: try buffer.writeFixedString(linkID, length: Self.linkIDLength, field: "LinkID", layout: layout)
            case .v2: buffer.writeRepeatingByte(0, count: Self.reserveLength)
            }
        }
    }
}

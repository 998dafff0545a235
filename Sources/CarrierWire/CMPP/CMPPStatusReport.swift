import NIOCore

extension CMPP {
    /// The status report carried in a DELIVER's Msg_Content when Registered_Delivery = 1
    /// (cmpp.md §7.3): 71 bytes in 3.0, 60 bytes in 2.0 (Dest_terminal_Id 32 vs 21 bytes).
    public struct StatusReport: Sendable, Hashable {
        static let statLength = 7, timeLength = 10

        /// The Msg_Id SUBMIT_RESP returned: the correlation key.
        public var msgID: MessageID
        public var stat: ReportStat
        /// `YYMMDDHHMM`.
        public var submitTime: String
        /// `YYMMDDHHMM`.
        public var doneTime: String
        /// Recipient of the original SUBMIT.
        public var destTerminalID: String
        /// Id from the SMSC's own report.
        public var smscSequence: UInt32

        public init(msgID: MessageID, stat: ReportStat, submitTime: String, doneTime: String,
                    destTerminalID: String, smscSequence: UInt32) {
            self.msgID = msgID
            self.stat = stat
            self.submitTime = submitTime
            self.doneTime = doneTime
            self.destTerminalID = destTerminalID
            self.smscSequence = smscSequence
        }

        /// Bytes of the report in `layout`: 60 (2.0) or 71 (3.0).
        public static func length(_ layout: Layout) -> Int { 8 + statLength + 2 * timeLength + layout.terminalIDLength + 4 }

        /// Parses a report from Msg_Content. The layout follows the length, whatever the session
        /// version: 60 bytes → 2.0 widths, 71 → 3.0 widths (SMSGate's tolerance, cmpp.md §7.3).
        ///
        /// - Throws: `WireError(.invalidField)` for any other length.
        public init(content: [UInt8], protocolName: String, commandID: UInt32 = CommandID.deliver.rawValue,
                    header: HeaderBytes = .none) throws(WireError) {
            let layout: Layout
            switch content.count {
            case Self.length(.v2): layout = .v2
            case Self.length(.v3): layout = .v3
            default:
                throw WireError(.invalidField, protocolName: protocolName, commandID: commandID,
                                detail: "status report of \(content.count) bytes; expected 60 or 71", headerHex: header.hex)
            }
            var reader = FieldReader(body: ByteBuffer(bytes: content), protocolName: protocolName,
                                     commandID: commandID, header: header)
            msgID = MessageID(rawValue: try reader.integer("report Msg_Id"))
            stat = ReportStat(rawValue: try reader.fixedString("Stat", length: Self.statLength))
            submitTime = try reader.fixedString("Submit_time", length: Self.timeLength)
            doneTime = try reader.fixedString("Done_time", length: Self.timeLength)
            destTerminalID = try reader.fixedString("report Dest_terminal_Id", length: layout.terminalIDLength)
            smscSequence = try reader.integer("SMSC_sequence")
            try reader.finish()
        }

        /// The Msg_Content bytes of this report in `layout`.
        ///
        /// - Throws: `WireError(.valueTooLong)` when a field does not fit.
        public func content(layout: Layout) throws(WireError) -> [UInt8] {
            var buffer = ByteBuffer()
            buffer.reserveCapacity(Self.length(layout))
            buffer.writeInteger(msgID.rawValue)
            try buffer.writeFixedString(stat.rawValue, length: Self.statLength, field: "Stat", layout: layout)
            try buffer.writeFixedString(submitTime, length: Self.timeLength, field: "Submit_time", layout: layout)
            try buffer.writeFixedString(doneTime, length: Self.timeLength, field: "Done_time", layout: layout)
            try buffer.writeFixedString(destTerminalID, length: layout.terminalIDLength, field: "report Dest_terminal_Id", layout: layout)
            buffer.writeInteger(smscSequence)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        }
    }
}

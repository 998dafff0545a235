import NIOCore

extension CMPP {
    /// CMPP_QUERY_RESP (ISMG → SP): the query echoed and eight u32 counters; 51-byte body in
    /// both versions (cmpp.md §12).
    public struct QueryResponse: Sendable, Hashable {
        /// `YYYYMMDD`.
        public var time: String
        public var queryType: UInt8
        public var queryCode: String
        /// MT_TLMsg: MT messages received from the SP.
        public var mtTotalMessages: UInt32
        /// MT_Tlusr: MT users.
        public var mtTotalUsers: UInt32
        /// MT_Scs: MT forwarded successfully.
        public var mtSuccess: UInt32
        /// MT_WT: MT waiting to be forwarded.
        public var mtWaiting: UInt32
        /// MT_FL: MT failed.
        public var mtFailed: UInt32
        /// MO_Scs: MO delivered to the SP.
        public var moSuccess: UInt32
        /// MO_WT: MO waiting.
        public var moWaiting: UInt32
        /// MO_FL: MO failed.
        public var moFailed: UInt32

        public init(time: String, queryType: UInt8 = 0, queryCode: String = "", mtTotalMessages: UInt32 = 0,
                    mtTotalUsers: UInt32 = 0, mtSuccess: UInt32 = 0, mtWaiting: UInt32 = 0, mtFailed: UInt32 = 0,
                    moSuccess: UInt32 = 0, moWaiting: UInt32 = 0, moFailed: UInt32 = 0) {
            self.time = time
            self.queryType = queryType
            self.queryCode = queryCode
            self.mtTotalMessages = mtTotalMessages
            self.mtTotalUsers = mtTotalUsers
            self.mtSuccess = mtSuccess
            self.mtWaiting = mtWaiting
            self.mtFailed = mtFailed
            self.moSuccess = moSuccess
            self.moWaiting = moWaiting
            self.moFailed = moFailed
        }

        init(from reader: inout FieldReader, layout: Layout) throws(WireError) {
            time = try reader.fixedString("Time", length: Query.timeLength)
            queryType = try reader.integer("Query_Type")
            queryCode = try reader.fixedString("Query_Code", length: Query.queryCodeLength)
            mtTotalMessages = try reader.integer("MT_TLMsg")
            mtTotalUsers = try reader.integer("MT_Tlusr")
            mtSuccess = try reader.integer("MT_Scs")
            mtWaiting = try reader.integer("MT_WT")
            mtFailed = try reader.integer("MT_FL")
            moSuccess = try reader.integer("MO_Scs")
            moWaiting = try reader.integer("MO_WT")
            moFailed = try reader.integer("MO_FL")
        }

        func encode(into buffer: inout ByteBuffer, layout: Layout) throws(WireError) {
            try buffer.writeFixedString(time, length: Query.timeLength, field: "Time", layout: layout)
            buffer.writeInteger(queryType)
            try buffer.writeFixedString(queryCode, length: Query.queryCodeLength, field: "Query_Code", layout: layout)
            for counter in [mtTotalMessages, mtTotalUsers, mtSuccess, mtWaiting, mtFailed, moSuccess, moWaiting, moFailed] {
                buffer.writeInteger(counter)
            }
        }
    }
}

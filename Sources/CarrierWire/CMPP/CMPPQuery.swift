import NIOCore

extension CMPP {
    /// CMPP_QUERY (SP → ISMG, optional): traffic statistics for one day; 27-byte body in both
    /// versions (cmpp.md §12). The 8-byte Reserve is written as zeros and ignored when read.
    public struct Query: Sendable, Hashable {
        static let timeLength = 8, queryCodeLength = 10, reserveLength = 8

        /// `YYYYMMDD`.
        public var time: String
        /// 0 totals, 1 by Service_Id.
        public var queryType: UInt8
        /// The Service_Id when `queryType` is 1, otherwise empty.
        public var queryCode: String

        public init(time: String, queryType: UInt8 = 0, queryCode: String = "") {
            self.time = time
            self.queryType = queryType
            self.queryCode = queryCode
        }

        init(from reader: inout FieldReader, layout: Layout) throws(WireError) {
            time = try reader.fixedString("Time", length: Self.timeLength)
            queryType = try reader.integer("Query_Type")
            queryCode = try reader.fixedString("Query_Code", length: Self.queryCodeLength)
            _ = try reader.bytes("Reserve", length: Self.reserveLength)
        }

        func encode(into buffer: inout ByteBuffer, layout: Layout) throws(WireError) {
            try buffer.writeFixedString(time, length: Self.timeLength, field: "Time", layout: layout)
            buffer.writeInteger(queryType)
            try buffer.writeFixedString(queryCode, length: Self.queryCodeLength, field: "Query_Code", layout: layout)
            buffer.writeRepeatingByte(0, count: Self.reserveLength)
        }
    }
}

import NIOCore

extension CMPP {
    /// CMPP_CANCEL_RESP: Success_Id, 0 success / 1 failure (u8 in 2.0, u32 in 3.0)
    /// (cmpp.md §9.3, §12).
    public struct CancelResponse: Sendable, Hashable {
        public static let success: UInt32 = 0
        public static let failure: UInt32 = 1

        public var successID: UInt32

        public init(successID: UInt32) { self.successID = successID }

        /// True when Success_Id is 0.
        public var succeeded: Bool { successID == Self.success }

        init(from reader: inout FieldReader, layout: Layout) throws(WireError) {
            successID = try reader.cmppResult("Success_Id", layout: layout)
        }

        func encode(into buffer: inout ByteBuffer, layout: Layout) throws(WireError) {
            try buffer.writeCMPPResult(successID, layout: layout, field: "Success_Id")
        }
    }
}

import NIOCore

extension CMPP {
    /// CMPP_ACTIVE_TEST_RESP: one Reserved byte (cmpp.md §5). A body-less response (12-byte PDU,
    /// sent by at least one provincial gateway) is accepted and decodes as `reserved == nil`;
    /// encoding `nil` reproduces it (for simulators).
    public struct ActiveTestResponse: Sendable, Hashable {
        /// Reserved; send 0. Nil for the tolerated empty body.
        public var reserved: UInt8?

        public init(reserved: UInt8? = 0) { self.reserved = reserved }

        init(from reader: inout FieldReader, layout: Layout) throws(WireError) {
            reserved = try reader.remaining == 0 ? nil : reader.integer("Reserved", as: UInt8.self)
        }

        func encode(into buffer: inout ByteBuffer, layout: Layout) throws(WireError) {
            if let reserved { buffer.writeInteger(reserved) }
        }
    }
}

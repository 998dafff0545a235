import NIOCore

// CMPP-specific field helpers (kept here rather than in Common/, which belongs to the core).

extension FieldReader {
    /// Reads a status/result integer in the layout's width: u8 in 2.0, u32 in 3.0 (cmpp.md §11).
    mutating func cmppResult(_ field: String, layout: CMPP.Layout) throws(WireError) -> UInt32 {
        switch layout {
        case .v2: UInt32(try integer(field, as: UInt8.self))
        case .v3: try integer(field, as: UInt32.self)
        }
    }
}

extension ByteBuffer {
    /// Writes a status/result integer in the layout's width; throws when it exceeds a 2.0 u8.
    mutating func writeCMPPResult(_ value: UInt32, layout: CMPP.Layout, field: String) throws(WireError) {
        switch layout {
        case .v2:
            guard let narrow = UInt8(exactly: value) else {
                throw WireError(.valueTooLong, protocolName: layout.protocolName, detail: "\(field) \(value) does not fit the CMPP 2.0 u8")
            }
            writeInteger(narrow)
        case .v3:
            writeInteger(value)
        }
    }

    /// Writes binary octets into a fixed field (OS(n)), right-padded with 0x00.
    mutating func writeFixedOctets(_ bytes: [UInt8], length: Int, field: String, layout: CMPP.Layout) throws(WireError) {
        guard bytes.count <= length else {
            throw WireError(.valueTooLong, protocolName: layout.protocolName, detail: "\(field) is \(bytes.count) bytes, the field holds \(length)")
        }
        writeBytes(bytes)
        writeRepeatingByte(0, count: length - bytes.count)
    }

    /// `writeFixedString` with the layout's protocol name.
    mutating func writeFixedString(_ value: String, length: Int, field: String, layout: CMPP.Layout) throws(WireError) {
        try writeFixedString(value, length: length, field: field, protocolName: layout.protocolName)
    }
}

import NIOCore

// SMPP C-Octet Strings (smpp.md conventions): bytes up to a NUL, at most `maxLength` bytes
// including the NUL. The spec says ASCII; we map bytes to text as ISO-8859-1 so that any byte
// sequence decodes (a stray Latin-1 sender name must not cost the connection) and re-encodes to
// the identical bytes. The common `readCString` decodes UTF-8 lossily, which would not round-trip,
// hence these SMPP-local helpers.

extension FieldReader {
    /// Reads a C-Octet String of at most `maxLength` bytes including its NUL.
    /// - Throws: `.truncated` when the body ends first, `.invalidField` when no NUL appears within
    ///   `maxLength` bytes.
    mutating func smppCString(_ field: String, maxLength: Int) throws(WireError) -> String {
        let view = buffer.readableBytesView
        guard let nul = view.prefix(maxLength).firstIndex(of: 0) else {
            let code: WireError.Code = view.count < maxLength ? .truncated : .invalidField
            throw error(code, "\(field) has no NUL within \(maxLength) bytes")
        }
        let bytes = view[view.startIndex..<nul]
        let text = SMPP.latin1String(bytes)
        buffer.moveReaderIndex(forwardBy: bytes.count + 1)
        return text
    }
}

extension ByteBuffer {
    /// Writes `value` as a C-Octet String (Latin-1 bytes plus NUL); `maxLength` includes the NUL.
    /// - Throws: `.valueTooLong` when it does not fit, `.invalidField` for a NUL or a character
    ///   outside ISO-8859-1.
    mutating func writeSMPPCString(_ value: String, maxLength: Int, field: String) throws(WireError) {
        let bytes = try SMPP.latin1Bytes(value, field: field)
        guard bytes.count < maxLength else {
            throw WireError(.valueTooLong, protocolName: SMPP.name, detail: "\(field) is \(bytes.count) bytes, at most \(maxLength - 1) allowed")
        }
        writeBytes(bytes)
        writeInteger(UInt8(0))
    }
}

extension SMPP {
    /// Bytes as ISO-8859-1 text: every byte is one character, so nothing is lost.
    static func latin1String<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return String(scalars)
    }

    /// Text as ISO-8859-1 bytes.
    /// - Throws: `.invalidField` for NUL or a character above U+00FF.
    static func latin1Bytes(_ value: String, field: String) throws(WireError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            guard scalar.value != 0, scalar.value <= 0xFF else {
                throw WireError(.invalidField, protocolName: SMPP.name, detail: "\(field) holds a character outside ISO-8859-1 or a NUL")
            }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }
}

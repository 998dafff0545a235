import NIOCore

/// Field helpers shared by the PDU files. Each `read…` returns nil when the buffer is too short;
/// PDU decoders turn nil into `WireError(.truncated)` naming the field via `FieldReader`.
extension ByteBuffer {
    /// Reads a fixed-width octet string (CMPP/SGIP/SMGP "Octet String"): ASCII, right-padded with
    /// NUL (some gateways pad with spaces). Trailing NULs are dropped; bytes after the first NUL are
    /// ignored as the specs intend.
    public mutating func readFixedString(length: Int) -> String? {
        guard let bytes = readBytes(length: length) else { return nil }
        let end = bytes.firstIndex(of: 0) ?? bytes.count
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Writes `value` into a fixed-width field, right-padded with NUL. Throws when it does not fit.
    @discardableResult
    public mutating func writeFixedString(_ value: String, length: Int, field: String, protocolName: String) throws(WireError) -> Int {
        let utf8 = Array(value.utf8)
        guard utf8.count <= length else {
            throw WireError(.valueTooLong, protocolName: protocolName, detail: "\(field) is \(utf8.count) bytes, the field holds \(length)")
        }
        writeBytes(utf8)
        writeRepeatingByte(0, count: length - utf8.count)
        return length
    }

    /// Reads an SMPP C-Octet String: bytes up to a NUL, at most `maxLength` bytes *including* the NUL.
    /// Returns nil when no NUL is found within `maxLength` or the buffer ends first.
    public mutating func readCString(maxLength: Int) -> String? {
        let view = readableBytesView
        let limit = Swift.min(view.count, maxLength)
        guard let nul = view.prefix(limit).firstIndex(of: 0) else { return nil }
        let length = nul - view.startIndex
        let bytes = readBytes(length: length)!
        moveReaderIndex(forwardBy: 1)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes an SMPP C-Octet String (value plus NUL). `maxLength` includes the NUL.
    public mutating func writeCString(_ value: String, maxLength: Int, field: String, protocolName: String) throws(WireError) {
        let utf8 = Array(value.utf8)
        guard utf8.count + 1 <= maxLength, !utf8.contains(0) else {
            throw WireError(.valueTooLong, protocolName: protocolName, detail: "\(field) is \(utf8.count) bytes, at most \(maxLength - 1) allowed")
        }
        writeBytes(utf8)
        writeInteger(UInt8(0))
    }
}

/// Reads fields of one PDU body and turns "ran out of bytes" into a `WireError` that names the
/// field, the command and the header (never the value).
public struct FieldReader {
    public var buffer: ByteBuffer
    public let protocolName: String
    public let commandID: UInt32
    public let header: HeaderBytes

    public init(body: ByteBuffer, protocolName: String, commandID: UInt32, header: HeaderBytes) {
        self.buffer = body
        self.protocolName = protocolName
        self.commandID = commandID
        self.header = header
    }

    public func error(_ code: WireError.Code, _ detail: String) -> WireError {
        WireError(code, protocolName: protocolName, commandID: commandID, detail: detail, headerHex: header.hex)
    }

    public mutating func integer<T: FixedWidthInteger>(_ field: String, as: T.Type = T.self) throws(WireError) -> T {
        guard let v = buffer.readInteger(as: T.self) else { throw error(.truncated, "body ends before \(field)") }
        return v
    }

    public mutating func bytes(_ field: String, length: Int) throws(WireError) -> [UInt8] {
        guard length >= 0, let v = buffer.readBytes(length: length) else { throw error(.truncated, "body ends before \(field) (\(length) bytes)") }
        return v
    }

    public mutating func fixedString(_ field: String, length: Int) throws(WireError) -> String {
        guard let v = buffer.readFixedString(length: length) else { throw error(.truncated, "body ends before \(field) (\(length) bytes)") }
        return v
    }

    public mutating func cString(_ field: String, maxLength: Int) throws(WireError) -> String {
        guard let v = buffer.readCString(maxLength: maxLength) else {
            throw error(buffer.readableBytes == 0 ? .truncated : .invalidField, "\(field) has no NUL within \(maxLength) bytes")
        }
        return v
    }

    public var remaining: Int { buffer.readableBytes }

    /// Call after the last field: every byte of the frame must be consumed.
    public func finish() throws(WireError) {
        if buffer.readableBytes != 0 { throw error(.trailingBytes, "\(buffer.readableBytes) bytes after the last field") }
    }
}

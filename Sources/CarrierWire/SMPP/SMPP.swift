import NIOCore

/// SMPP 3.4 (`shared/protocols/smpp.md`): the `WireProtocol` that turns one whole PDU into an
/// `SMPP.Packet` and back. Used by our ESME client and by the SMSC simulator alike.
///
/// Decoding is defensive: the declared length must match the frame, fall inside the bounds of
/// its command (§1.1), every C-string must end within its maximum and every byte must be consumed.
/// Command ids this codec does not model decode to `.unknown` so the session can answer them with
/// `generic_nack` (see `Packet.genericNackReply`) instead of dropping the connection.
public enum SMPP: WireProtocol {
    public static let name = "SMPP"

    /// §1: command_length, command_id, command_status, sequence_number — four u32.
    public static let headerLength = 16

    /// §1.1 asks for an overall cap of about 64 KiB when message_payload is allowed. Ours fits the
    /// largest mandatory submit_sm body (348 bytes), a full 0xFFFF-byte message_payload TLV (§7)
    /// and 1 KiB of other TLVs.
    public static let maxPDULength = headerLength + 348 + 4 + 0xFFFF + 1024

    public static let frameLimits = FrameLimits(headerLength: headerLength, maxLength: maxPDULength)

    /// Decodes one complete PDU, header included.
    /// - Throws: `WireError` `.lengthTooSmall`/`.lengthTooLarge` when the declared length is outside
    ///   the PDU's bounds, `.truncated`/`.trailingBytes` when it disagrees with the bytes present
    ///   or with the fields, `.invalidField` for a field the spec forbids.
    public static func decode(frame: inout ByteBuffer) throws(WireError) -> Packet {
        let header = HeaderBytes(of: frame, length: headerLength)
        let available = frame.readableBytes
        guard available >= headerLength,
              let declared = frame.readInteger(as: UInt32.self),
              let rawID = frame.readInteger(as: UInt32.self),
              let status = frame.readInteger(as: UInt32.self),
              let sequenceNumber = frame.readInteger(as: UInt32.self)
        else {
            throw WireError(.lengthTooSmall, protocolName: name, commandID: Framing.peekCommandID(frame),
                            detail: "\(available) bytes cannot hold the \(headerLength)-byte header", headerHex: header.hex)
        }
        let commandID = CommandID(rawValue: rawID)
        let length = Int(declared)
        func failure(_ code: WireError.Code, _ detail: String) -> WireError {
            WireError(code, protocolName: name, commandID: rawID, detail: detail, headerHex: header.hex)
        }
        guard length >= headerLength else { throw failure(.lengthTooSmall, "declared length \(length) is below the header size") }
        guard length <= available else { throw failure(.truncated, "declared length \(length) but only \(available) bytes present") }
        guard length == available else { throw failure(.trailingBytes, "\(available - length) bytes after the declared length") }
        if let bounds = commandID.lengthBounds {
            guard length >= bounds.lowerBound else { throw failure(.lengthTooSmall, "length \(length) is below the minimum \(bounds.lowerBound) of \(commandID)") }
            guard length <= bounds.upperBound else { throw failure(.lengthTooLarge, "length \(length) exceeds the maximum \(bounds.upperBound) of \(commandID)") }
        }
        guard let bodyBytes = frame.readSlice(length: length - headerLength) else {
            throw failure(.truncated, "body shorter than declared")
        }
        var reader = FieldReader(body: bodyBytes, protocolName: name, commandID: rawID, header: header)
        let body = try Body.decode(commandID: commandID, from: &reader)
        try reader.finish()
        return Packet(body, sequenceNumber: sequenceNumber, status: CommandStatus(rawValue: status))
    }

    /// Appends the encoded PDU, header included, to `buffer`. On failure `buffer` is left as it was.
    /// - Throws: `WireError(.valueTooLong)` when a value does not fit its field or the PDU exceeds
    ///   `maxPDULength`; `.invalidField` for a forbidden combination (short_message together with
    ///   message_payload, a request sequence number outside 1…0x7FFFFFFF, a non-Latin-1 C-string).
    public static func encode(_ packet: Packet, into buffer: inout ByteBuffer) throws(WireError) {
        let commandID = packet.commandID
        if !commandID.isResponse, !SequenceNumberGenerator.range.contains(packet.sequenceNumber) {
            throw WireError(.invalidField, protocolName: name, commandID: commandID.rawValue,
                            detail: "request sequence_number \(packet.sequenceNumber) is outside 1...0x7FFFFFFF (§1)")
        }
        let start = buffer.writerIndex
        buffer.writeInteger(UInt32(0))  // command_length, patched below
        buffer.writeInteger(commandID.rawValue)
        buffer.writeInteger(packet.commandStatus.rawValue)
        buffer.writeInteger(packet.sequenceNumber)
        do {
            try packet.body.encodeFields(into: &buffer)
        } catch {
            buffer.moveWriterIndex(to: start)
            throw WireError(error.code, protocolName: name, commandID: commandID.rawValue, detail: error.detail)
        }
        let length = buffer.writerIndex - start
        guard length <= maxPDULength else {
            buffer.moveWriterIndex(to: start)
            throw WireError(.valueTooLong, protocolName: name, commandID: commandID.rawValue,
                            detail: "PDU is \(length) bytes, at most \(maxPDULength) allowed")
        }
        buffer.setInteger(UInt32(length), at: start)
    }
}

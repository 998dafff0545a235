import NIOCore

/// SGIP 1.2 (China Unicom SMG, sgip.md): the `WireProtocol` for `PacketDecoder<SGIP>` /
/// `PacketEncoder<SGIP>`. Pure codec; both the SP client and the SMG simulator use it.
public enum SGIP: WireProtocol {
    public static let name = "SGIP"
    /// Header 20 bytes (sgip.md §2); max PDU 2 KB ("每个消息包最大不超过2K字节", sgip.md §2).
    public static let headerLength = 20
    public static let maxPDULength = 2048
    public static let frameLimits = FrameLimits(headerLength: headerLength, maxLength: maxPDULength)

    /// Decodes one complete PDU. Throws `.unknownCommand` for command ids this codec does not
    /// implement (GNS, Trace …), `.truncated`/`.trailingBytes` when the body does not match its
    /// layout, `.invalidField` for a bad count or content length.
    public static func decode(frame: inout ByteBuffer) throws(WireError) -> SGIPPacket {
        let header = HeaderBytes(of: frame, length: headerLength)
        guard let length = frame.readInteger(as: UInt32.self), let rawCommand = frame.readInteger(as: UInt32.self) else {
            throw WireError(.truncated, protocolName: name, detail: "frame shorter than the header", headerHex: header.hex)
        }
        var reader = FieldReader(body: frame, protocolName: name, commandID: rawCommand, header: header)
        guard Int(length) == frame.readableBytes + 8 else {
            throw reader.error(.invalidField, "MessageLength \(length) does not match the frame (\(frame.readableBytes + 8) bytes)")
        }
        let sequence = try SGIPSequence(reading: &reader, field: "SequenceNumber")
        let body: SGIPPacket.Body
        switch SGIPCommandID(rawValue: rawCommand) {
        case .bind: body = .bind(try SGIPBind(decoding: &reader))
        case .bindResp: body = .bindResp(try SGIPResponse(decoding: &reader))
        case .unbind: body = .unbind
        case .unbindResp: body = .unbindResp
        case .submit: body = .submit(try SGIPSubmit(decoding: &reader))
        case .submitResp: body = .submitResp(try SGIPResponse(decoding: &reader))
        case .deliver: body = .deliver(try SGIPDeliver(decoding: &reader))
        case .deliverResp: body = .deliverResp(try SGIPResponse(decoding: &reader))
        case .report: body = .report(try SGIPReport(decoding: &reader))
        case .reportResp: body = .reportResp(try SGIPResponse(decoding: &reader))
        case .userRpt: body = .userRpt(try SGIPUserRpt(decoding: &reader))
        case .userRptResp: body = .userRptResp(try SGIPResponse(decoding: &reader))
        default: throw reader.error(.unknownCommand, "command id not implemented by the SGIP codec")
        }
        try reader.finish()
        frame = reader.buffer
        return SGIPPacket(sequence: sequence, body: body)
    }

    /// Appends the PDU with its MessageLength. Throws `.valueTooLong` when a field does not fit or
    /// the PDU would exceed 2 KB (e.g. a 140-byte Submit to more than 84 users).
    public static func encode(_ packet: SGIPPacket, into buffer: inout ByteBuffer) throws(WireError) {
        let start = buffer.writerIndex
        buffer.writeMultipleIntegers(UInt32(0), packet.commandID.rawValue)
        packet.sequence.write(into: &buffer)
        do {
            switch packet.body {
            case .bind(let b): try b.encode(into: &buffer)
            case .unbind, .unbindResp: break
            case .submit(let s): try s.encode(into: &buffer)
            case .deliver(let d): try d.encode(into: &buffer)
            case .report(let r): try r.encode(into: &buffer)
            case .userRpt(let u): try u.encode(into: &buffer)
            case .bindResp(let r), .submitResp(let r), .deliverResp(let r), .reportResp(let r), .userRptResp(let r):
                r.encode(into: &buffer)
            }
        } catch {
            buffer.moveWriterIndex(to: start)
            var e = error
            e.commandID = packet.commandID.rawValue
            throw e
        }
        let length = buffer.writerIndex - start
        guard length <= maxPDULength else {
            buffer.moveWriterIndex(to: start)
            throw WireError(.valueTooLong, protocolName: name, commandID: packet.commandID.rawValue,
                            detail: "PDU would be \(length) bytes, SGIP allows \(maxPDULength)")
        }
        buffer.setInteger(UInt32(length), at: start)
    }

    /// Reads the u32 MessageLength and the content, checking the length against the bytes left in
    /// the frame before reading (never trusting the u32 on its own, sgip.md §2.1).
    static func readContent(_ reader: inout FieldReader) throws(WireError) -> [UInt8] {
        let declared: UInt32 = try reader.integer("MessageLength")
        // 8 = the Reserve field that must follow the content.
        guard UInt64(declared) + 8 <= UInt64(reader.remaining) else {
            throw reader.error(.invalidField, "MessageLength \(declared) exceeds the \(reader.remaining) bytes left")
        }
        return try reader.bytes("MessageContent", length: Int(declared))
    }

    /// Writes the u32 MessageLength and the content.
    static func writeContent(_ content: [UInt8], into buffer: inout ByteBuffer) throws(WireError) {
        guard content.count <= maxPDULength else {
            throw WireError(.valueTooLong, protocolName: name, detail: "MessageContent is \(content.count) bytes")
        }
        buffer.writeInteger(UInt32(content.count))
        buffer.writeBytes(content)
    }
}

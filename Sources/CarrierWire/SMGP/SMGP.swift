import NIOCore

/// SMGP 3.0 (China Telecom SMGW, smgp.md): the `WireProtocol` for `PacketDecoder<SMGP>` /
/// `PacketEncoder<SMGP>`. Pure codec; both the SP client and the SMGW simulator use it.
public enum SMGP: WireProtocol {
    public static let name = "SMGP"
    /// Header 12 bytes (smgp.md §1).
    public static let headerLength = 12
    /// Largest PDU: a Submit with 100 recipients and 255 content bytes (12 + 114 + 2100 + 255)
    /// plus the 1 KB TLV cap (smgp.md §1.1).
    public static let maxPDULength = headerLength + SMGPSubmit.fixedBodyLength + 21 * SMGPSubmit.maxRecipients
        + Int(UInt8.max) + SMGPTLVList.maxEncodedLength
    public static let frameLimits = FrameLimits(headerLength: headerLength, maxLength: maxPDULength)

    /// Decodes one complete PDU. Throws `.unknownCommand` for request ids this codec does not
    /// implement (Forward, Query, GNS …), `.truncated`/`.trailingBytes` when the body does not
    /// match its layout, `.invalidField` for bad counts, lengths or TLVs.
    public static func decode(frame: inout ByteBuffer) throws(WireError) -> SMGPPacket {
        let header = HeaderBytes(of: frame, length: headerLength)
        guard let length = frame.readInteger(as: UInt32.self), let rawCommand = frame.readInteger(as: UInt32.self) else {
            throw WireError(.truncated, protocolName: name, detail: "frame shorter than the header", headerHex: header.hex)
        }
        var reader = FieldReader(body: frame, protocolName: name, commandID: rawCommand, header: header)
        guard Int(length) == frame.readableBytes + 8 else {
            throw reader.error(.invalidField, "PacketLength \(length) does not match the frame (\(frame.readableBytes + 8) bytes)")
        }
        let sequenceID: UInt32 = try reader.integer("SequenceID")
        let body: SMGPPacket.Body
        switch SMGPCommandID(rawValue: rawCommand) {
        case .login: body = .login(try SMGPLogin(decoding: &reader))
        case .loginResp: body = .loginResp(try SMGPLoginResp(decoding: &reader))
        case .submit: body = .submit(try SMGPSubmit(decoding: &reader))
        case .submitResp: body = .submitResp(try SMGPResponse(decoding: &reader))
        case .deliver: body = .deliver(try SMGPDeliver(decoding: &reader))
        case .deliverResp: body = .deliverResp(try SMGPResponse(decoding: &reader))
        case .activeTest: body = .activeTest
        case .activeTestResp: body = .activeTestResp
        case .exit: body = .exit
        case .exitResp: body = .exitResp
        default: throw reader.error(.unknownCommand, "request id not implemented by the SMGP codec")
        }
        try reader.finish()
        frame = reader.buffer
        return SMGPPacket(sequenceID: sequenceID, body: body)
    }

    /// Appends the PDU with its PacketLength. Throws `.valueTooLong` when a field does not fit or
    /// the PDU would exceed `maxPDULength`, `.invalidField` for an empty recipient list or a
    /// malformed authenticator.
    public static func encode(_ packet: SMGPPacket, into buffer: inout ByteBuffer) throws(WireError) {
        let start = buffer.writerIndex
        buffer.writeMultipleIntegers(UInt32(0), packet.commandID.rawValue, packet.sequenceID)
        do {
            switch packet.body {
            case .login(let l): try l.encode(into: &buffer)
            case .loginResp(let r): try r.encode(into: &buffer)
            case .submit(let s): try s.encode(into: &buffer)
            case .deliver(let d): try d.encode(into: &buffer)
            case .submitResp(let r), .deliverResp(let r): r.encode(into: &buffer)
            case .activeTest, .activeTestResp, .exit, .exitResp: break
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
                            detail: "PDU would be \(length) bytes, at most \(maxPDULength)")
        }
        buffer.setInteger(UInt32(length), at: start)
    }

    /// Reads the u8 MsgLength and the content, checking it against the bytes left (8 of which
    /// belong to the Reserve field that follows).
    static func readContent(_ reader: inout FieldReader) throws(WireError) -> [UInt8] {
        let declared: UInt8 = try reader.integer("MsgLength")
        guard Int(declared) + 8 <= reader.remaining else {
            throw reader.error(.invalidField, "MsgLength \(declared) exceeds the \(reader.remaining) bytes left")
        }
        return try reader.bytes("MsgContent", length: Int(declared))
    }

    /// Writes the u8 MsgLength and the content. Throws `.valueTooLong` above 255 bytes.
    static func writeContent(_ content: [UInt8], into buffer: inout ByteBuffer) throws(WireError) {
        guard content.count <= Int(UInt8.max) else {
            throw WireError(.valueTooLong, protocolName: name, detail: "MsgContent is \(content.count) bytes, MsgLength holds 255")
        }
        buffer.writeInteger(UInt8(content.count))
        buffer.writeBytes(content)
    }

    /// Writes a 16-byte authenticator; an empty one is written as 16 zeros (failed login).
    static func writeAuthenticator(_ bytes: [UInt8], field: String, into buffer: inout ByteBuffer) throws(WireError) {
        if bytes.isEmpty {
            buffer.writeRepeatingByte(0, count: SMGPAuthenticator.length)
            return
        }
        guard bytes.count == SMGPAuthenticator.length else {
            throw WireError(bytes.count > SMGPAuthenticator.length ? .valueTooLong : .invalidField, protocolName: name,
                            detail: "\(field) is \(bytes.count) bytes, must be \(SMGPAuthenticator.length)")
        }
        buffer.writeBytes(bytes)
    }
}

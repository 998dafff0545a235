import NIOCore

/// CMPP 2.0 (and 2.1) on the wire: 2.0 field widths (cmpp.md §6.2, §7.2, §11).
/// Use with `PacketDecoder<CMPP2>` / `PacketEncoder<CMPP2>`.
public enum CMPP2: WireProtocol {
    public typealias Packet = CMPP.Packet
    public static let name = CMPP.Layout.v2.protocolName
    /// 12 … 2376 bytes (cmpp.md §1.1).
    public static let frameLimits = FrameLimits(headerLength: CMPP.headerLength, maxLength: CMPP.Layout.v2.maxPDULength)

    public static func decode(frame: inout ByteBuffer) throws(WireError) -> CMPP.Packet {
        try CMPP.decode(frame: &frame, layout: .v2)
    }

    public static func encode(_ packet: CMPP.Packet, into buffer: inout ByteBuffer) throws(WireError) {
        try CMPP.encode(packet, into: &buffer, layout: .v2)
    }
}

/// CMPP 3.0 on the wire: 3.0 field widths (cmpp.md §6.1, §7.1, §11).
/// Use with `PacketDecoder<CMPP3>` / `PacketEncoder<CMPP3>`.
public enum CMPP3: WireProtocol {
    public typealias Packet = CMPP.Packet
    public static let name = CMPP.Layout.v3.protocolName
    /// 12 … 3490 bytes (cmpp.md §1.1; not gocmpp's 3335, which is below the 3.0 maximum).
    public static let frameLimits = FrameLimits(headerLength: CMPP.headerLength, maxLength: CMPP.Layout.v3.maxPDULength)

    public static func decode(frame: inout ByteBuffer) throws(WireError) -> CMPP.Packet {
        try CMPP.decode(frame: &frame, layout: .v3)
    }

    public static func encode(_ packet: CMPP.Packet, into buffer: inout ByteBuffer) throws(WireError) {
        try CMPP.encode(packet, into: &buffer, layout: .v3)
    }
}

extension CMPP {
    /// Decodes one whole PDU (header included) with `layout`'s field widths.
    ///
    /// - Throws: `WireError` — `.lengthTooSmall`/`.truncated`/`.trailingBytes` when Total_Length
    ///   disagrees with the frame or the body, `.unknownCommand` for ids an SP does not handle,
    ///   `.invalidField` for values the spec forbids.
    public static func decode(frame: inout ByteBuffer, layout: Layout) throws(WireError) -> Packet {
        let name = layout.protocolName
        let header = HeaderBytes(of: frame, length: headerLength)
        guard let total = frame.readInteger(as: UInt32.self),
              let rawCommand = frame.readInteger(as: UInt32.self),
              let sequenceID = frame.readInteger(as: UInt32.self) else {
            throw WireError(.truncated, protocolName: name, detail: "frame is shorter than the 12-byte header", headerHex: header.hex)
        }
        var reader = FieldReader(body: frame, protocolName: name, commandID: rawCommand, header: header)
        let declaredBody = Int(total) - headerLength
        guard declaredBody >= 0 else { throw reader.error(.lengthTooSmall, "Total_Length \(total) is below the header length") }
        guard declaredBody <= reader.remaining else { throw reader.error(.truncated, "Total_Length \(total) exceeds the frame") }
        guard declaredBody == reader.remaining else { throw reader.error(.trailingBytes, "frame holds bytes after Total_Length \(total)") }

        let body: Body
        switch CommandID(rawValue: rawCommand) {
        case .connect: body = .connect(try Connect(from: &reader, layout: layout))
        case .connectResponse: body = .connectResponse(try ConnectResponse(from: &reader, layout: layout))
        case .terminate: body = .terminate
        case .terminateResponse: body = .terminateResponse
        case .submit: body = .submit(try Submit(from: &reader, layout: layout))
        case .submitResponse: body = .submitResponse(try SubmitResponse(from: &reader, layout: layout))
        case .deliver: body = .deliver(try Deliver(from: &reader, layout: layout))
        case .deliverResponse: body = .deliverResponse(try DeliverResponse(from: &reader, layout: layout))
        case .query: body = .query(try Query(from: &reader, layout: layout))
        case .queryResponse: body = .queryResponse(try QueryResponse(from: &reader, layout: layout))
        case .cancel: body = .cancel(try Cancel(from: &reader, layout: layout))
        case .cancelResponse: body = .cancelResponse(try CancelResponse(from: &reader, layout: layout))
        case .activeTest: body = .activeTest
        case .activeTestResponse: body = .activeTestResponse(try ActiveTestResponse(from: &reader, layout: layout))
        default: throw reader.error(.unknownCommand, "command id is not an SP-side \(name) message")
        }
        try reader.finish()
        frame.moveReaderIndex(to: frame.writerIndex)
        return Packet(sequenceID: sequenceID, body: body)
    }

    /// Appends `packet` (header included, Total_Length filled in) using `layout`'s field widths.
    /// On error nothing is left in `buffer`.
    ///
    /// - Throws: `WireError(.valueTooLong)` when a value does not fit its field in this version,
    ///   `.invalidField` for values the spec forbids (e.g. no recipients).
    public static func encode(_ packet: Packet, into buffer: inout ByteBuffer, layout: Layout) throws(WireError) {
        let start = buffer.writerIndex
        buffer.writeInteger(UInt32(0))
        buffer.writeInteger(packet.commandID.rawValue)
        buffer.writeInteger(packet.sequenceID)
        do {
            switch packet.body {
            case .connect(let pdu): try pdu.encode(into: &buffer, layout: layout)
            case .connectResponse(let pdu): try pdu.encode(into: &buffer, layout: layout)
            case .terminate, .terminateResponse, .activeTest: break
            case .submit(let pdu): try pdu.encode(into: &buffer, layout: layout)
            case .submitResponse(let pdu): try pdu.encode(into: &buffer, layout: layout)
            case .deliver(let pdu): try pdu.encode(into: &buffer, layout: layout)
            case .deliverResponse(let pdu): try pdu.encode(into: &buffer, layout: layout)
            case .query(let pdu): try pdu.encode(into: &buffer, layout: layout)
            case .queryResponse(let pdu): try pdu.encode(into: &buffer, layout: layout)
            case .cancel(let pdu): try pdu.encode(into: &buffer, layout: layout)
            case .cancelResponse(let pdu): try pdu.encode(into: &buffer, layout: layout)
            case .activeTestResponse(let pdu): try pdu.encode(into: &buffer, layout: layout)
            }
        } catch {
            buffer.moveWriterIndex(to: start)
            var named = error
            named.commandID = named.commandID ?? packet.commandID.rawValue
            throw named
        }
        let length = buffer.writerIndex - start
        guard length <= layout.maxPDULength else {
            buffer.moveWriterIndex(to: start)
            throw WireError(.valueTooLong, protocolName: layout.protocolName, commandID: packet.commandID.rawValue,
                            detail: "PDU of \(length) bytes exceeds the maximum \(layout.maxPDULength)")
        }
        buffer.setInteger(UInt32(length), at: start)
    }
}

import CarrierWire
import NIOCore

/// The body of every `LLVMFuzzerTestOneInput`: runs `data` through the checks below for protocol
/// `P` and traps (so libFuzzer saves the input as a crash) when one fails. Always returns 0.
///
/// 1. **Round trip.** When `P.decode(bytes:)` accepts the input as one whole PDU, the packet must
///    re-encode, the encoding must decode to an equal packet, and encoding that again must give the
///    same bytes. The input itself need not come back byte for byte (a lenient decoder may accept
///    spellings the encoder normalises). An *encode error* on a decoded packet is not a failure:
///    decoders are lenient where a spec only binds senders (SMPP time strings shorter than 16,
///    short_message together with message_payload, request sequence number 0 …) and the encoders
///    refuse exactly those.
/// 2. **Splits.** The input, as a TCP stream, goes through `PacketDecoder<P>` in a
///    `NIOSingleStepByteToMessageProcessor` twice: once in one chunk and once cut at two places
///    derived from the input's hash. Both runs must give the same packets, the same error (or none)
///    and the same number of unconsumed bytes ("every decoder survives arbitrary TCP splits").
/// 3. **Framer agrees with `decode(bytes:)`.** The input is exactly one clean PDU for the stream
///    decoder (one packet, no error, nothing left over) if and only if `decode(bytes:)` accepts it,
///    and then both give the same packet.
///
/// Any trap inside the codec or NIO along the way (overflow, out-of-bounds index, failed
/// precondition) is of course a crash too.
public func fuzzDecode<P: WireProtocol>(_: P.Type, _ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    let whole = try? P.decode(bytes: bytes)
    if let whole {
        checkRoundTrip(P.self, whole, input: bytes)
    }

    let unsplit = StreamOutcome<P>(decoding: [bytes[...]])
    let split = StreamOutcome<P>(decoding: cutTwice(bytes))
    if split != unsplit {
        fail(P.self, "stream decoding depends on the TCP split: one chunk gave \(unsplit), cut at \(cutPoints(bytes)) gave \(split)", input: bytes)
    }

    let cleanSinglePDU = unsplit.error == nil && unsplit.unprocessedBytes == 0 && unsplit.packets.count == 1
    switch (whole, cleanSinglePDU) {
    case (nil, false):
        break
    case (let packet?, true) where packet == unsplit.packets[0]:
        break
    default:
        fail(P.self, "decode(bytes:) \(whole == nil ? "rejects" : "accepts") the input but PacketDecoder gave \(unsplit)", input: bytes)
    }
    return 0
}

/// decode → encode → decode → encode must be stable (see `fuzzDecode`).
func checkRoundTrip<P: WireProtocol>(_: P.Type, _ packet: P.Packet, input: [UInt8]) {
    guard let encoded = try? P.encode(packet) else { return }
    let first = Array(encoded.readableBytesView)
    let again: P.Packet
    do {
        again = try P.decode(bytes: first)
    } catch {
        fail(P.self, "the encoder's output does not decode: \(error); encoded \(hex(first))", input: input)
    }
    guard again == packet else {
        fail(P.self, "decode(encode(p)) != p; encoded \(hex(first))", input: input)
    }
    let second: [UInt8]
    do {
        second = Array(try P.encode(again).readableBytesView)
    } catch {
        fail(P.self, "re-encoding the re-decoded packet fails: \(error); first encoding \(hex(first))", input: input)
    }
    guard second == first else {
        fail(P.self, "encoding is not stable: \(hex(first)) then \(hex(second))", input: input)
    }
}

/// What `PacketDecoder<P>` made of a byte stream fed in `chunks`, stopping at the first error.
///
/// Of an error only the code counts: the framer throws as soon as a bad length field is readable,
/// so the header hex in the message depends on how many bytes had arrived, and so does the number
/// of bytes left in the processor. Unconsumed bytes are therefore only compared without an error.
struct StreamOutcome<P: WireProtocol>: Equatable, CustomStringConvertible {
    var packets: [P.Packet] = []
    /// The first error's `WireError.Code` (or the type of any other error).
    var error: String?
    /// Bytes left in the processor at the end; nil after an error.
    var unprocessedBytes: Int?

    init(decoding chunks: [ArraySlice<UInt8>]) {
        let processor = NIOSingleStepByteToMessageProcessor(PacketDecoder<P>())
        var packets: [P.Packet] = []
        do {
            for chunk in chunks {
                try processor.process(buffer: ByteBuffer(bytes: chunk)) { packets.append($0) }
            }
            try processor.finishProcessing(seenEOF: true) { packets.append($0) }
            self.unprocessedBytes = processor.unprocessedBytes
        } catch let error as WireError {
            self.error = error.code.rawValue
        } catch {
            self.error = "\(type(of: error))"
        }
        self.packets = packets
    }

    var description: String {
        "\(packets.count) packet(s), error: \(error ?? "none"), \(unprocessedBytes.map(String.init) ?? "?") byte(s) left"
    }
}

/// Two cut points in 0...count, taken from an FNV-1a hash of the input so that every mutation
/// moves them and a saved crash reproduces exactly.
func cutPoints(_ bytes: [UInt8]) -> (Int, Int) {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    let range = UInt64(bytes.count + 1)
    let a = Int(hash % range), b = Int((hash >> 32) % range)
    return (min(a, b), max(a, b))
}

/// The input in three chunks (some possibly empty) at `cutPoints`.
func cutTwice(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    let (a, b) = cutPoints(bytes)
    return [bytes[..<a], bytes[a..<b], bytes[b...]]
}

func hex(_ bytes: [UInt8], limit: Int = 512) -> String {
    let digits = "0123456789abcdef".map { $0 }
    var out = ""
    out.reserveCapacity(min(bytes.count, limit) * 2 + 16)
    for byte in bytes.prefix(limit) {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
    }
    if bytes.count > limit { out += "… (\(bytes.count) bytes)" }
    return out
}

/// Traps with a message; libFuzzer catches the signal and writes the input to `crash-<sha1>`.
/// Fuzz inputs are synthetic, so printing them in hex leaks nothing.
func fail<P: WireProtocol>(_: P.Type, _ message: String, input: [UInt8]) -> Never {
    fatalError("\(P.name) fuzz property failed: \(message); input \(hex(input))")
}

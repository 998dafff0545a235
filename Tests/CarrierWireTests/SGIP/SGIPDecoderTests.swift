import NIOCore
import Testing
@testable import CarrierWire

@Suite struct SGIPDecoderTests {
    @Test func verifierOnEveryVector() throws {
        // Each vector alone, and many frames in one input.
        try verifyPacketDecoder(SGIP.self, SGIPVectors.all.map { (hexBytes($0.0), $0.1) }, allInOneInput: true)
    }

    @Test func everyVectorDecodesAndReencodes() throws {
        #expect(SGIPVectors.all.count == 14)
        for (hex, packet) in SGIPVectors.all {
            try expectGolden(SGIP.self, packet, hexBytes(hex))
        }
    }

    @Test func randomizedSplits() throws {
        var rng = SplitMix64(seed: 0x5617_0012)
        var packets: [SGIPPacket] = []
        for i in 0..<300 {
            if i % 3 == 0 {
                packets.append(SGIPVectors.all[Int.random(in: 0..<SGIPVectors.all.count, using: &rng)].1)
            } else {
                var submit = SGIPVectors.submit
                submit.userNumbers = (0..<Int.random(in: 1...5, using: &rng)).map { "86130000\($0)" }
                submit.content = (0..<Int.random(in: 0...140, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                packets.append(SGIPPacket(sequence: SGIPVectors.sp(UInt32(i)), body: .submit(submit)))
            }
        }
        try expectDecodesInRandomChunks(SGIP.self, packets, maxChunk: 700, using: &rng)
    }

    @Test func declaredLengthBelowMinimum() {
        var bytes = hexBytes("00 00 00 14 00 00 00 02 b7 50 98 19 42 c4 f1 d9 00 00 00 03")
        bytes[3] = 19
        #expect(decodeErrorCode(SGIP.self, bytes) == .lengthTooSmall)
        var decoder = PacketDecoder<SGIP>()
        var buffer = ByteBuffer(bytes: [0, 0, 0, 0])
        #expect(throws: WireError.self) { try decoder.decode(buffer: &buffer) }
    }

    @Test func declaredLengthAboveMaximumFailsBeforeBuffering() throws {
        var decoder = PacketDecoder<SGIP>()
        // Only the length and command id are present: the decoder must reject without waiting.
        var buffer = ByteBuffer(bytes: [0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0x00, 0x03])
        do {
            _ = try decoder.decode(buffer: &buffer)
            Issue.record("expected lengthTooLarge")
        } catch let error as WireError {
            #expect(error.code == .lengthTooLarge)
            #expect(error.commandID == 3)
            #expect(error.protocolName == "SGIP")
        }
    }

    @Test func maximumLengthIsAccepted() throws {
        var submit = SGIPVectors.submit
        submit.userNumbers = ["8613000000000"]
        submit.content = Array(repeating: 0x20, count: 2048 - 20 - 123 - 21)
        let bytes = try encodedBytes(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit)))
        #expect(bytes.count == 2048)
        #expect(decodeErrorCode(SGIP.self, bytes) == nil)
        submit.content.append(0x20)
        #expect(encodeErrorCode(SGIP.self, SGIPPacket(sequence: SGIPVectors.sp(1), body: .submit(submit))) == .valueTooLong)
    }

    @Test func truncatedBodies() {
        for (hex, _) in SGIPVectors.all {
            var bytes = hexBytes(hex)
            guard bytes.count > 20 else { continue }
            bytes.removeLast()
            bytes[2] = UInt8(bytes.count >> 8)
            bytes[3] = UInt8(bytes.count & 0xff)
            let code = decodeErrorCode(SGIP.self, bytes)
            #expect(code == .truncated || code == .invalidField, "\(hex.prefix(30))")
        }
        // Fewer bytes than declared: not a complete PDU.
        #expect(decodeErrorCode(SGIP.self, Array(hexBytes(SGIPVectors.bindHex).dropLast())) == .truncated)
    }

    @Test func trailingBytes() {
        for (hex, _) in SGIPVectors.all {
            var bytes = hexBytes(hex) + [0]
            bytes[2] = UInt8(bytes.count >> 8)
            bytes[3] = UInt8(bytes.count & 0xff)
            let code = decodeErrorCode(SGIP.self, bytes)
            // Submit and Deliver end with Reserve after a counted content: the extra byte is trailing too.
            #expect(code == .trailingBytes, "\(hex.prefix(30))")
        }
    }

    @Test func unknownCommand() {
        for command: UInt32 in [0x06, 0x1000, 0x8000_0006, 0xFFFF_FFFF] {
            var bytes = hexBytes("00 00 00 14 00 00 00 00 b7 50 98 19 42 c4 f1 d9 00 00 00 03")
            bytes[4] = UInt8(command >> 24); bytes[5] = UInt8((command >> 16) & 0xff)
            bytes[6] = UInt8((command >> 8) & 0xff); bytes[7] = UInt8(command & 0xff)
            #expect(decodeErrorCode(SGIP.self, bytes) == .unknownCommand)
        }
    }

    @Test func errorTextHoldsNoNumbers() {
        var bytes = hexBytes(SGIPVectors.deliverHex)
        bytes.removeLast(9)
        bytes[3] = UInt8(bytes.count)
        do {
            _ = try SGIP.decode(bytes: bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.commandID == SGIPCommandID.deliver.rawValue)
            #expect(!error.description.contains("8613000000000"))
            #expect(error.headerHex == "00000048 00000004 0001a41f 42c4f224 0000000a")
        }
    }

    @Test func mutatedFramesNeverTrap() {
        var rng = SplitMix64(seed: 42)
        let seeds = SGIPVectors.all.map { hexBytes($0.0) }
        for _ in 0..<3000 {
            var bytes = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let i = Int.random(in: 8..<bytes.count, using: &rng)
                bytes[i] = UInt8.random(in: 0...255, using: &rng)
            }
            // Decoding either fails with a WireError or yields a value that re-encodes stably.
            if let packet = try? SGIP.decode(bytes: bytes), let again = try? encodedBytes(SGIP.self, packet) {
                #expect((try? SGIP.decode(bytes: again)) == packet)
            }
        }
    }
}

import NIOCore
import Testing
@testable import CarrierWire

@Suite struct SMGPDecoderTests {
    @Test func verifierOnEveryVector() throws {
        try verifyPacketDecoder(SMGP.self, SMGPVectors.all.map { (hexBytes($0.0), $0.1) }, allInOneInput: true)
    }

    @Test func everyVectorDecodesAndReencodes() throws {
        #expect(SMGPVectors.all.count == 12)
        for (hex, packet) in SMGPVectors.all {
            try expectGolden(SMGP.self, packet, hexBytes(hex))
        }
    }

    @Test func randomizedSplits() throws {
        var rng = SplitMix64(seed: 0x5316_0030)
        var packets: [SMGPPacket] = []
        for i in 0..<300 {
            if i % 3 == 0 {
                packets.append(SMGPVectors.all[Int.random(in: 0..<SMGPVectors.all.count, using: &rng)].1)
            } else {
                var s = SMGPVectors.submit
                s.destTermIDs = (0..<Int.random(in: 1...5, using: &rng)).map { "86138000\($0)" }
                s.content = (0..<Int.random(in: 0...140, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                s.tlvs = (0..<Int.random(in: 0...3, using: &rng)).reduce(into: SMGPTLVList()) { list, _ in
                    list.elements.append(SMGPTLV(tag: SMGPTLV.Tag(rawValue: UInt16.random(in: 0...0x20, using: &rng)),
                                                 value: (0..<Int.random(in: 0...25, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }))
                }
                packets.append(SMGPPacket(sequenceID: UInt32(i), body: .submit(s)))
            }
        }
        try expectDecodesInRandomChunks(SMGP.self, packets, maxChunk: 700, using: &rng)
    }

    @Test func declaredLengthBelowMinimum() {
        var bytes = hexBytes("00 00 00 0c 00 00 00 04 00 00 00 08")
        bytes[3] = 11
        #expect(decodeErrorCode(SMGP.self, bytes) == .lengthTooSmall)
    }

    @Test func declaredLengthAboveMaximumFailsBeforeBuffering() {
        #expect(SMGP.frameLimits.maxLength == 3505)
        var decoder = PacketDecoder<SMGP>()
        var buffer = ByteBuffer(bytes: [0x00, 0x00, 0x0D, 0xB2, 0x00, 0x00, 0x00, 0x02]) // 3506
        do {
            _ = try decoder.decode(buffer: &buffer)
            Issue.record("expected lengthTooLarge")
        } catch let error as WireError {
            #expect(error.code == .lengthTooLarge)
            #expect(error.commandID == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func largestLegalSubmitFits() throws {
        var s = SMGPVectors.submit
        s.destTermIDs = Array(repeating: "8613800138000", count: 100)
        s.content = Array(repeating: 0x20, count: 255)
        s.tlvs = [SMGPTLV(tag: .destTermPseudo, value: [UInt8](repeating: 1, count: SMGPTLVList.maxEncodedLength - 4))]
        let bytes = try encodedBytes(SMGP.self, SMGPPacket(sequenceID: 1, body: .submit(s)))
        #expect(bytes.count == SMGP.maxPDULength)
        #expect(decodeErrorCode(SMGP.self, bytes) == nil)
    }

    @Test func truncatedBodies() {
        for (hex, _) in SMGPVectors.all {
            var bytes = hexBytes(hex)
            guard bytes.count > 12 else { continue }
            bytes.removeLast()
            bytes = withFixedLength(bytes)
            let code = decodeErrorCode(SMGP.self, bytes)
            // Fixed layouts end early (.truncated); TLV areas lose a value byte (.invalidField).
            #expect(code == .truncated || code == .invalidField, "\(hex.prefix(30))")
        }
        #expect(decodeErrorCode(SMGP.self, Array(hexBytes(SMGPVectors.loginHex).dropLast())) == .truncated)
        var submitResp = hexBytes(SMGPVectors.submitRespHex)
        submitResp.removeLast()
        submitResp = withFixedLength(submitResp)
        #expect(decodeErrorCode(SMGP.self, submitResp) == .truncated)
    }

    @Test func trailingBytesOnFixedLayouts() {
        for hex in [SMGPVectors.loginHex, SMGPVectors.loginRespHex, SMGPVectors.submitRespHex, SMGPVectors.moDeliverRespHex,
                    "00 00 00 0c 00 00 00 04 00 00 00 08", "00 00 00 0c 80 00 00 06 00 00 00 09"] {
            var bytes = hexBytes(hex) + [0]
            bytes = withFixedLength(bytes)
            #expect(decodeErrorCode(SMGP.self, bytes) == .trailingBytes, "\(hex.prefix(30))")
        }
        // Submit/Deliver: bytes after Reserve are TLVs, a lone byte is a TLV structure error.
        var submit = hexBytes(SMGPVectors.submitHex) + [0]
        submit = withFixedLength(submit)
        #expect(decodeErrorCode(SMGP.self, submit) == .invalidField)
    }

    @Test func unknownCommand() {
        for command: UInt32 in [0x05, 0x07, 0x12, 0x8000_0005, 0xFFFF_FFFF] {
            var bytes = hexBytes("00 00 00 0c 00 00 00 00 00 00 00 01")
            bytes[4] = UInt8(command >> 24); bytes[5] = UInt8((command >> 16) & 0xff)
            bytes[6] = UInt8((command >> 8) & 0xff); bytes[7] = UInt8(command & 0xff)
            #expect(decodeErrorCode(SMGP.self, bytes) == .unknownCommand)
        }
    }

    @Test func lengthFieldMustMatchFrame() throws {
        // Calling decode(frame:) directly with an inconsistent length field.
        var frame = ByteBuffer(bytes: hexBytes("00 00 00 0d 00 00 00 04 00 00 00 08"))
        #expect(throws: WireError.self) { try SMGP.decode(frame: &frame) }
    }

    @Test func errorTextHoldsNoNumbers() {
        var bytes = hexBytes(SMGPVectors.moDeliverHex)
        bytes[12 + 68] = 0xF0 // MsgLength beyond the frame
        do {
            _ = try SMGP.decode(bytes: bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidField)
            #expect(!error.description.contains("8613800138000"))
            #expect(error.headerHex == "00000068 00000003 00000021")
        }
    }

    @Test func mutatedFramesNeverTrap() {
        var rng = SplitMix64(seed: 7)
        let seeds = SMGPVectors.all.map { hexBytes($0.0) }
        for _ in 0..<3000 {
            var bytes = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let i = Int.random(in: 8..<bytes.count, using: &rng)
                bytes[i] = UInt8.random(in: 0...255, using: &rng)
            }
            if let packet = try? SMGP.decode(bytes: bytes), let again = try? encodedBytes(SMGP.self, packet) {
                #expect((try? SMGP.decode(bytes: again)) == packet)
            }
        }
    }
}

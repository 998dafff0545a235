import NIOCore
import Testing
@testable import CarrierWire

@Suite("CMPP stream decoder")
struct CMPPDecoderTests {
    typealias V = CMPPVectors

    static func v3Pairs() throws -> [(CMPP.Packet, String)] {
        [
            (CMPP.Packet(sequenceID: 1, body: .connect(CMPP.Connect(sourceAddr: V.sourceAddr, secret: V.secret, timestamp: V.timestamp, version: .v3_0))), V.connect30),
            (CMPP.Packet(sequenceID: 0x17, body: .connectResponse(CMPP.ConnectResponse(status: .success, authenticatorISMG: V.authenticatorISMG3, version: .v3_0))), V.connectResponse3),
            (CMPP.Packet(sequenceID: 2, body: .submit(V.alertSubmit())), V.submit3),
            (CMPP.Packet(sequenceID: 2, body: .submitResponse(CMPP.SubmitResponse(msgID: V.submittedID, result: .success))), V.submitResponse3),
            (CMPP.Packet(sequenceID: 0x10, body: .deliver(V.reportDeliver)), V.reportDeliver3),
            (CMPP.Packet(sequenceID: 0x11, body: .deliver(V.moDeliver)), V.moDeliver3),
            (CMPP.Packet(sequenceID: 0x10, body: .deliverResponse(CMPP.DeliverResponse(msgID: V.reportDeliver.msgID))), V.deliverResponse3),
            (CMPP.Packet(sequenceID: 3, body: .activeTest), V.activeTest),
            (CMPP.Packet(sequenceID: 3, body: .activeTestResponse(CMPP.ActiveTestResponse())), V.activeTestResponse),
            (CMPP.Packet(sequenceID: 4, body: .terminate), V.terminate),
            (CMPP.Packet(sequenceID: 4, body: .terminateResponse), V.terminateResponse),
            (CMPP.Packet(sequenceID: 6, body: .cancel(CMPP.Cancel(msgID: V.submittedID))), V.cancel),
            (CMPP.Packet(sequenceID: 6, body: .cancelResponse(CMPP.CancelResponse(successID: 0))), V.cancelResponse3),
            (CMPP.Packet(sequenceID: 7, body: .query(CMPP.Query(time: "20250830"))), V.query),
            (CMPP.Packet(sequenceID: 3, body: .submit(V.alertSubmit(content: V.longSegmentUDH + V.testUCS2, pkTotal: 2, pkNumber: 1, tpUDHI: 1))), V.longSubmit3),
        ]
    }

    static func v2Pairs() -> [(CMPP.Packet, String)] {
        [
            (CMPP.Packet(sequenceID: 0x17, body: .connect(CMPP.Connect(sourceAddr: V.sourceAddr, secret: V.secret, timestamp: V.timestamp, version: .v2_1))), V.connect21),
            (CMPP.Packet(sequenceID: 0x17, body: .connectResponse(CMPP.ConnectResponse(status: .success, authenticatorISMG: V.authenticatorISMG2, version: .v2_1))), V.connectResponse2),
            (CMPP.Packet(sequenceID: 2, body: .submit(V.alertSubmit())), V.submit2),
            (CMPP.Packet(sequenceID: 2, body: .submitResponse(CMPP.SubmitResponse(msgID: V.submittedID, result: .success))), V.submitResponse2),
            (CMPP.Packet(sequenceID: 0x11, body: .deliver(V.moDeliver)), V.moDeliver2),
            (CMPP.Packet(sequenceID: 0x11, body: .deliverResponse(CMPP.DeliverResponse(msgID: V.moDeliver.msgID))), V.moDeliverResponse2),
            (CMPP.Packet(sequenceID: 6, body: .cancelResponse(CMPP.CancelResponse(successID: 0))), V.cancelResponse2),
            (CMPP.Packet(sequenceID: 3, body: .activeTestResponse(CMPP.ActiveTestResponse(reserved: nil))), "00 00 00 0c 80 00 00 08 00 00 00 03"),
        ]
    }

    @Test func verifierAcceptsAllV3Vectors() throws {
        try verifyPacketDecoder(CMPP3.self, Self.v3Pairs().map { (hexBytes($0.1), $0.0) }, allInOneInput: false)
    }

    @Test func verifierAcceptsAllV2Vectors() throws {
        try verifyPacketDecoder(CMPP2.self, Self.v2Pairs().map { (hexBytes($0.1), $0.0) }, allInOneInput: false)
    }

    @Test(arguments: [UInt64(1), 7, 0xC0FFEE])
    func randomSplitsOfAStream(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let pairs = try Self.v3Pairs()
        var expected: [CMPP.Packet] = []
        for _ in 0..<300 {
            let pair = try #require(pairs.randomElement(using: &rng))
            var packet = pair.0
            packet.sequenceID = UInt32.random(in: 0...UInt32.max, using: &rng)
            expected.append(packet)
        }
        try expectDecodesInRandomChunks(CMPP3.self, expected, maxChunk: 400, using: &rng)
    }

    @Test func declaredLengthBelowHeaderIsRejected() {
        expectWireError(.lengthTooSmall) { _ = try CMPP3.decode(bytes: hexBytes("00 00 00 0b 00 00 00 08 00 00 00 03")) }
        expectWireError(.lengthTooSmall) { _ = try CMPP2.decode(bytes: hexBytes("00 00 00 00 00 00 00 08 00 00 00 03")) }
    }

    @Test func declaredLengthAboveMaximumIsRejectedBeforeBuffering() throws {
        // Only the header has arrived; the decoder must fail now rather than wait for 3491 bytes.
        var decoder3 = PacketDecoder<CMPP3>()
        var header = ByteBuffer(bytes: hexBytes("00 00 0d a3 00 00 00 04 00 00 00 01")) // 3491
        let error = #expect(throws: WireError.self) { _ = try decoder3.decode(buffer: &header) }
        #expect(error?.code == .lengthTooLarge)
        #expect(error?.commandID == CMPP.CommandID.submit.rawValue)
        #expect(error?.headerHex == "00000da3 00000004 00000001")
        var decoder2 = PacketDecoder<CMPP2>()
        var header2 = ByteBuffer(bytes: hexBytes("00 00 09 49 00 00 00 04 00 00 00 01")) // 2377
        expectWireError(.lengthTooLarge) { _ = try decoder2.decode(buffer: &header2) }
        var atLimit = ByteBuffer(bytes: hexBytes("00 00 09 48 00 00 00 04 00 00 00 01")) // 2376: waits for more
        #expect(try decoder2.decode(buffer: &atLimit) == nil)
    }

    @Test func unknownCommandsAreRejected() {
        for command in ["00 00 00 03", "00 00 00 09", "80 00 00 09", "00 00 00 10", "ff ff ff ff"] {
            let bytes = hexBytes("00 00 00 0c \(command) 00 00 00 01")
            expectWireError(.unknownCommand) { _ = try CMPP3.decode(bytes: bytes) }
            expectWireError(.unknownCommand) { _ = try CMPP2.decode(bytes: bytes) }
        }
    }

    @Test func decodeFrameChecksTotalLengthAgainstTheFrame() {
        var longer = ByteBuffer(bytes: hexBytes(V.activeTestResponse + " 00"))
        expectWireError(.trailingBytes) { _ = try CMPP3.decode(frame: &longer) }
        var shorter = ByteBuffer(bytes: hexBytes("00 00 00 0d 80 00 00 08 00 00 00 03"))
        expectWireError(.truncated) { _ = try CMPP3.decode(frame: &shorter) }
        var tiny = ByteBuffer(bytes: hexBytes("00 00 00 0c 00 00"))
        expectWireError(.truncated) { _ = try CMPP3.decode(frame: &tiny) }
        var belowHeader = ByteBuffer(bytes: hexBytes("00 00 00 08 00 00 00 08 00 00 00 03"))
        expectWireError(.lengthTooSmall) { _ = try CMPP3.decode(frame: &belowHeader) }
    }

    @Test func errorsNeverCarryBodyBytes() {
        // A report whose Dest_terminal_Id is a phone number: the error must only show the header.
        var bytes = hexBytes(V.reportDeliver3)
        bytes[CMPP.headerLength + 76] = 70
        let error = #expect(throws: WireError.self) { _ = try CMPP3.decode(bytes: withFixedLength(Array(bytes.dropLast()))) }
        #expect(error?.code == .invalidField)
        #expect(error?.headerHex == "000000b3 00000005 00000010")
        #expect(error.map { !"\($0)".contains("13800138000") && !"\($0)".contains("3133") } == true)
    }

    @Test func randomGarbageNeverTraps() {
        var rng = SplitMix64(seed: 42)
        let seeds = (try? Self.v3Pairs().map { hexBytes($0.1) }) ?? []
        for _ in 0..<2000 {
            guard var bytes = seeds.randomElement(using: &rng) else { return }
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let index = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[index] = UInt8.random(in: 0...255, using: &rng)
            }
            if Bool.random(using: &rng) { bytes = withFixedLength(Array(bytes.prefix(Int.random(in: 12...bytes.count, using: &rng)))) }
            _ = try? CMPP3.decode(bytes: bytes)
            _ = try? CMPP2.decode(bytes: bytes)
        }
    }
}

import NIOCore
import NIOTestUtils
import Testing
@testable import CarrierWire

/// The NIO decoder for SMPP under arbitrary TCP splits.
@Suite struct SMPPDecoderTests {
    @Test func verifierByteByByteAndManyFrames() throws {
        let pairs = SMPPGolden.all.map { packet, dump in (ByteBuffer(bytes: SMPPFixture.bytes(dump)), [packet]) }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs, decoderFactory: { PacketDecoder<SMPP>() })
    }

    @Test func verifierWithAllVectorsInOneInput() throws {
        var stream = ByteBuffer()
        for (_, dump) in SMPPGolden.all { stream.writeBytes(SMPPFixture.bytes(dump)) }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: [(stream, SMPPGolden.all.map(\.0))],
                                                       decoderFactory: { PacketDecoder<SMPP>() })
    }

    @Test(arguments: [UInt64(1), 42, 0xC0FFEE])
    func randomizedSplitsOfAStreamOfManyPDUs(seed: UInt64) throws {
        var rng = SMPPSplitMix(seed: seed)
        var expected: [SMPP.Packet] = []
        var stream = ByteBuffer()
        var sequence = SMPP.SequenceNumberGenerator()
        for _ in 0..<300 {
            var packet = SMPPGolden.all.randomElement(using: &rng)!.0
            packet.sequenceNumber = sequence.next()
            expected.append(packet)
            try SMPP.encode(packet, into: &stream)
        }
        let bytes = Array(stream.readableBytesView)
        var decoder = PacketDecoder<SMPP>()
        var pending = ByteBuffer()
        var decoded: [SMPP.Packet] = []
        var offset = 0
        while offset < bytes.count {
            let chunk = min(bytes.count - offset, Int.random(in: 1...200, using: &rng))
            pending.writeBytes(bytes[offset..<(offset + chunk)])
            offset += chunk
            while let packet = try decoder.decode(buffer: &pending) { decoded.append(packet) }
            pending.discardReadBytes()
        }
        #expect(decoded == expected)
        #expect(pending.readableBytes == 0)
    }
}

import Testing
@testable import CarrierWire

/// The NIO decoder for SMPP under arbitrary TCP splits.
@Suite struct SMPPDecoderTests {
    @Test func verifierByteByByteAndManyFrames() throws {
        try verifyPacketDecoder(SMPP.self, SMPPGolden.all.map { packet, dump in (hexBytes(dump), packet) }, allInOneInput: false)
    }

    @Test func verifierWithAllVectorsInOneInput() throws {
        try verifyPacketDecoder(SMPP.self, SMPPGolden.all.map { packet, dump in (hexBytes(dump), packet) },
                                eachAlone: false, allInOneInput: true)
    }

    @Test(arguments: [UInt64(1), 42, 0xC0FFEE])
    func randomizedSplitsOfAStreamOfManyPDUs(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var expected: [SMPP.Packet] = []
        var sequence = SMPP.SequenceNumberGenerator()
        for _ in 0..<300 {
            var packet = SMPPGolden.all.randomElement(using: &rng)!.0
            packet.sequenceNumber = sequence.next()
            expected.append(packet)
        }
        try expectDecodesInRandomChunks(SMPP.self, expected, maxChunk: 200, using: &rng)
    }
}

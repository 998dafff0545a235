import NIOCore
import NIOEmbedded
import Testing
@testable import CarrierWire

/// The framing handler the simulators and the SGIP listener use (the links use its
/// `FrameAccumulator` inside their own handler). Chunked decoding of every protocol is covered by
/// the per-protocol `randomizedSplits` tests through `expectDecodesInRandomChunks`.
@Suite struct PDUFrameHandlerTests {
    /// Collects what the frame handler fires.
    final class Sink: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = SGIPPacket
        var packets: [SGIPPacket] = []
        var errors: [any Error] = []
        func channelRead(context: ChannelHandlerContext, data: NIOAny) { packets.append(unwrapInboundIn(data)) }
        func errorCaught(context: ChannelHandlerContext, error: any Error) { errors.append(error) }
    }

    private func channel() throws -> (EmbeddedChannel, Sink) {
        let sink = Sink()
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(PDUFrameHandler<SGIP>())
        try channel.pipeline.syncOperations.addHandler(sink)
        return (channel, sink)
    }

    @Test func packetsSplitAndJoinedAcrossReadsComeOutWholeAndInOrder() throws {
        let (channel, sink) = try channel()
        let packets = SGIPVectors.all.map(\.1)
        var stream = ByteBuffer()
        for p in packets { try SGIP.encode(p, into: &stream) }
        // Reads of 1, 2, … 37 bytes, repeating: PDUs are cut at every kind of position.
        var size = 1
        while stream.readableBytes > 0 {
            try channel.writeInbound(stream.readSlice(length: min(size, stream.readableBytes))!)
            size = size % 37 + 1
        }
        #expect(sink.packets == packets)
        #expect(sink.errors.isEmpty)
    }

    @Test func aBadLengthIsFiredOnceAndLaterBytesAreIgnored() throws {
        let (channel, sink) = try channel()
        var good = ByteBuffer()
        try SGIP.encode(SGIPVectors.all[0].1, into: &good)
        var bad = ByteBuffer(bytes: [0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0x00, 0x03])  // declares 2 049 bytes
        var stream = good
        stream.writeBuffer(&bad)
        try channel.writeInbound(stream)
        try channel.writeInbound(good)
        #expect(sink.packets == [SGIPVectors.all[0].1])
        #expect(sink.errors.count == 1)
        let error = try #require(sink.errors.first as? WireError)
        #expect(error.code == .lengthTooLarge)
        #expect(error.headerHex == "00000801 00000003")
    }

    @Test func aPartialPDUIsKeptUntilItsRestArrives() throws {
        var frames = FrameAccumulator<SGIP>()
        var bytes = ByteBuffer()
        try SGIP.encode(SGIPVectors.all[1].1, into: &bytes)
        let total = bytes.readableBytes
        var out: [SGIPPacket] = []
        try frames.consume(bytes.readSlice(length: 5)!, allocator: ByteBufferAllocator()) { out.append($0) }
        #expect(out.isEmpty)
        #expect(frames.pendingBytes == 5)
        try frames.consume(bytes, allocator: ByteBufferAllocator()) { out.append($0) }
        #expect(out == [SGIPVectors.all[1].1])
        #expect(frames.pendingBytes == 0)
        #expect(total > 5)
    }
}

import NIOCore

/// The bytes of one connection between socket reads: appends what arrived, hands out complete
/// PDUs of `P`, keeps a partial one for the next read. The framing rules are `Framing.nextFrame`'s.
///
/// Used by ``PDUFrameHandler`` and by the link's channel handler, which decode in the handler
/// that consumes the packets. NIO's `ByteToMessageHandler` did the same job, but as a generic
/// class reached through the pipeline's existential it ran unspecialised, and every packet was
/// boxed into `NIOAny` and unboxed again: together about a tenth of a link's CPU.
public struct FrameAccumulator<P: WireProtocol> {
    @usableFromInline var pending: ByteBuffer?

    public init() {}

    /// Runs `body` for each complete PDU in the bytes kept so far plus `incoming`, in order.
    /// A partial PDU at the end is copied out of `incoming` (so the channel's receive buffer can
    /// be reused) and completed by the next read.
    ///
    /// - Throws: the `WireError` of the first PDU that cannot be framed or decoded; the bytes
    ///   after it are dropped (the connection is closed anyway).
    @inlinable
    public mutating func consume(_ incoming: ByteBuffer, allocator: ByteBufferAllocator,
                                 _ body: (P.Packet) -> Void) throws(WireError) {
        var buffer: ByteBuffer
        if var kept = pending {
            pending = nil
            kept.writeImmutableBuffer(incoming)
            buffer = kept
        } else {
            buffer = incoming
        }
        do {
            while var frame = try Framing.nextFrame(in: &buffer, limits: P.frameLimits, protocolName: P.name) {
                body(try P.decode(frame: &frame))
            }
        } catch {
            pending = nil
            throw error
        }
        if buffer.readableBytes > 0 {
            var rest = allocator.buffer(capacity: Swift.max(buffer.readableBytes, 256))
            rest.writeImmutableBuffer(buffer)
            pending = rest
        }
    }

    /// Bytes of an incomplete PDU waiting for the next read.
    public var pendingBytes: Int { pending?.readableBytes ?? 0 }
}

/// A channel handler that frames and decodes the PDUs of `P` and fires each one; a frame or
/// decode error is fired as `errorCaught` and later bytes are ignored (the handlers after it close
/// the connection). Replaces `ByteToMessageHandler(PacketDecoder<P>())` in the simulators and the
/// SGIP report listener.
public final class PDUFrameHandler<P: WireProtocol>: ChannelInboundHandler {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = P.Packet

    private var frames = FrameAccumulator<P>()
    private var failed = false

    public init() {}

    // Specialised for the five protocols: NIO reaches this through an existential, so without
    // these the generic body (runtime metadata lookups per packet) is what runs.
    @_specialize(where P == CMPP2)
    @_specialize(where P == CMPP3)
    @_specialize(where P == SGIP)
    @_specialize(where P == SMGP)
    @_specialize(where P == SMPP)
    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        do {
            try frames.consume(unwrapInboundIn(data), allocator: context.channel.allocator) { packet in
                context.fireChannelRead(wrapInboundOut(packet))
            }
        } catch {
            failed = true
            context.fireErrorCaught(error)
        }
    }
}

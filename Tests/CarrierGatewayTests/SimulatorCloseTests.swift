import CarrierSimulator
import CarrierWire
import NIOCore
import NIOPosix
import Synchronization
import Testing

/// The simulators write once per loop tick; a connection they close must still carry what was
/// written before the close. An ESME that unbinds gets its unbind_resp, then the close (smpplib
/// raises an error otherwise; the bug was found by the smpplib interop in CI).
@Suite(.timeLimit(.minutes(1)))
struct SimulatorCloseTests {
    /// Collects the PDUs a raw client receives, and whether the connection closed.
    final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = SMPP.Packet
        let packets = Mutex<[SMPP.Packet]>([])
        let closed = Mutex(false)
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let packet = unwrapInboundIn(data)
            packets.withLock { $0.append(packet) }
        }
        func channelInactive(context: ChannelHandlerContext) { closed.withLock { $0 = true } }
    }

    @Test func anUnbindIsAnsweredBeforeTheSimulatorCloses() async throws {
        let (simulator, port) = try await Loopback.simulator()
        let collector = Collector()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(PDUFrameHandler<SMPP>())
                    try channel.pipeline.syncOperations.addHandler(collector)
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        let bind = SMPP.Packet(.bindTransceiver(SMPP.Bind(systemID: Loopback.account, password: Loopback.secret)), sequenceNumber: 1)
        try await channel.writeAndFlush(try SMPP.encode(bind)).get()
        try await Loopback.eventually { collector.packets.withLock { !$0.isEmpty } }
        // The simulator writes the answer and closes in the same tick of its loop.
        try await channel.writeAndFlush(try SMPP.encode(SMPP.Packet(.unbind, sequenceNumber: 2))).get()
        try await Loopback.eventually { collector.closed.withLock { $0 } }
        let received = collector.packets.withLock { $0 }
        #expect(received.count == 2)
        #expect(received.last?.sequenceNumber == 2)
        if case .unbindResponse = received.last?.body {} else { Issue.record("expected unbind_resp before the close, got \(String(describing: received.last))") }
        try await simulator.stop()
    }
}

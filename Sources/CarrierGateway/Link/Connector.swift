import CarrierWire
import NIOCore
import NIOPosix
import NIOSSL

/// Opens the TCP (optionally TLS) connection of a ``LinkDriver`` on the account's event loop and
/// builds its pipeline: [TLS] → ``LinkChannelHandler`` (framing, decoding, the driver). Writes are encoded by the
/// driver itself, so an unencodable submit fails alone instead of closing the connection.
struct Connector<A: ProtocolAdapter>: Sendable {
    let host: String
    let port: Int
    let connectTimeout: Duration
    let tls: NIOSSLContext?
    let serverName: String?

    /// - Throws: when TLS is on and the TLS context cannot be created.
    init(configuration: LinkConfiguration) throws {
        host = configuration.host
        port = configuration.port
        connectTimeout = configuration.session.connectTimeout
        serverName = configuration.tlsServerName ?? (Self.isIPAddress(configuration.host) ? nil : configuration.host)
        guard configuration.tls else { tls = nil; return }
        var settings = TLSConfiguration.makeClientConfiguration()
        settings.certificateVerification = .fullVerification
        if let file = configuration.tlsTrustRootsFile { settings.trustRoots = .file(file) }
        tls = try NIOSSLContext(configuration: settings)
    }

    /// Connects; the result is reported to `driver.connectCompleted` under the driver's current generation.
    func open(for driver: LinkDriver<A>) {
        driver.generation += 1
        let generation = driver.generation
        let bound = NIOLoopBound(driver, eventLoop: driver.eventLoop)
        let tls = self.tls
        let serverName = self.serverName
        ClientBootstrap(group: driver.eventLoop)
            .connectTimeout(.nanoseconds(connectTimeout.nanoseconds))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let tls {
                        try pipeline.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try pipeline.addHandler(LinkChannelHandler(driver: bound, generation: generation))
                }
            }
            .connect(host: host, port: port)
            .assumeIsolated()
            .whenComplete { result in bound.value.connectCompleted(result, generation: generation) }
    }

    private static func isIPAddress(_ host: String) -> Bool {
        host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
    }
}

/// The channel end of a ``LinkDriver``: frames and decodes what the socket read and hands the
/// packets to the driver in one batch (so the window is refilled and the socket flushed once per
/// read, not once per packet), and forwards closure and errors, tagged with the connection's
/// generation. It decides nothing.
final class LinkChannelHandler<A: ProtocolAdapter>: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let driver: NIOLoopBound<LinkDriver<A>>
    private let generation: Int
    private var frames = FrameAccumulator<A.Wire>()
    private var failed = false

    init(driver: NIOLoopBound<LinkDriver<A>>, generation: Int) {
        self.driver = driver
        self.generation = generation
    }

    // NIO calls this through an existential, which runs the generic body; these make it, and
    // everything the driver does for a packet, run specialised for each adapter.
    @_specialize(where A == CMPPAdapter<CMPP2>)
    @_specialize(where A == CMPPAdapter<CMPP3>)
    @_specialize(where A == SGIPAdapter)
    @_specialize(where A == SMGPAdapter)
    @_specialize(where A == SMPPAdapter)
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        let driver = self.driver.value, generation = self.generation
        let incoming = unwrapInboundIn(data)
        var failure: WireError?
        driver.batch {
            do throws(WireError) {
                try frames.consume(incoming, allocator: context.channel.allocator) { packet in
                    driver.received(packet, generation: generation)
                }
            } catch {
                failure = error
            }
        }
        if let failure {
            failed = true
            driver.channelFailed(failure, generation: generation)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        driver.value.channelClosed(generation: generation)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        driver.value.channelFailed(error, generation: generation)
    }
}

import CarrierWire
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// A simulated SMPP 3.4 SMSC (the carrier's side), for tests, the demo, benchmarks and
/// `tocsin simulate`. Checks logins, enforces its window and TPS like a real gateway (answering
/// ESME_RMSGQFUL 0x14 and ESME_RTHROTTLED 0x58), answers submits with hex or decimal message ids,
/// sends receipts after a delay with a configurable outcome mix (honouring relative validity
/// periods), sends its own enquire_links, delivers injected MO, and injects faults.
///
/// Everything runs on one event loop of `eventLoopGroup`. Typical use:
/// ```swift
/// let simulator = SMPPSimulator(configuration: .init(accounts: ["esme01": "pwd12345"]))
/// let port = try await simulator.start()          // 127.0.0.1, a free port
/// …
/// let counters = await simulator.counters()
/// try await simulator.stop()
/// ```
public final class SMPPSimulator: Sendable {
    private let eventLoop: EventLoop
    private let box: NIOLoopBoundBox<SimulatorCore?>
    private let server: NIOLoopBoundBox<(any Channel)?>
    private let configuration: SimulatorConfiguration
    private let tls: NIOSSLContext?
    private let logger: Logger

    /// - Parameter tls: serve SMPP over TLS with this server context (an SMSC that requires TLS);
    ///   nil for plain TCP.
    public init(configuration: SimulatorConfiguration,
                eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                tls: NIOSSLContext? = nil,
                logger: Logger = Logger(label: "tocsin.simulator")) {
        self.configuration = configuration
        self.tls = tls
        self.logger = logger
        self.eventLoop = eventLoopGroup.next()
        self.box = .makeEmptyBox(valueType: SimulatorCore.self, eventLoop: eventLoop)
        self.server = .makeEmptyBox(valueType: (any Channel).self, eventLoop: eventLoop)
    }

    /// Listens on `host`:`port` (port 0 = any free port) and returns the port bound.
    /// - Throws: when the address cannot be bound.
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> Int {
        let tls = self.tls
        let channel = try await ServerBootstrap(group: eventLoop, childGroup: eventLoop)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let core = NIOLoopBound(self.core(), eventLoop: channel.eventLoop)
                    let id = core.value.opened(channel)
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.addHandler(PDUFrameHandler<SMPP>())
                    try channel.pipeline.syncOperations.addHandler(SimulatorChannelHandler(core: core, sessionID: id))
                }
            }
            .bind(host: host, port: port).get()
        let server = self.server
        try await eventLoop.submit { server.value = channel }.get()
        return channel.localAddress?.port ?? port
    }

    /// Stops listening and closes every connection.
    public func stop() async throws {
        let server = self.server
        let closing = try await onLoop { core -> EventLoopFuture<Void>? in
            core.closeAll()
            defer { server.value = nil }
            return server.value?.close()
        }
        try await closing?.get()
    }

    /// A snapshot of the counters.
    public func counters() async -> SimulatorCounters {
        (try? await onLoop { $0.counters }) ?? SimulatorCounters()
    }

    /// Sends an MO message from `source` to `destination` to a receiver bound for `account`
    /// (the first configured account when nil); it waits in order until one is bound.
    public func injectMO(from source: String, to destination: String, content: [UInt8],
                         dataCoding: UInt8 = 8, account: String? = nil) async {
        _ = try? await onLoop { $0.injectMO(from: source, to: destination, content: content, dataCoding: dataCoding, account: account) }
    }

    /// Holds every submit response (and keep-alive answer) for `duration` from now.
    public func stallResponses(for duration: Duration) async {
        _ = try? await onLoop { $0.stalledUntil = ContinuousClock.now.advanced(by: duration) }
    }

    /// Replaces the fault plan from now on.
    public func setFaults(_ faults: FaultPlan) async {
        _ = try? await onLoop { $0.faults = faults }
    }

    /// Closes every client connection now (counted as drops).
    public func dropAllConnections() async {
        _ = try? await onLoop { core in for session in core.sessions.values { core.drop(session) } }
    }

    /// Writes garbage bytes on every connection.
    public func sendGarbage() async {
        _ = try? await onLoop { core in for session in core.sessions.values { core.sendGarbage(to: session) } }
    }

    /// The core, created on first use; call on the loop.
    private func core() -> SimulatorCore {
        if let core = box.value { return core }
        let core = SimulatorCore(configuration: configuration, eventLoop: eventLoop, logger: logger)
        box.value = core
        return core
    }

    private func onLoop<T: Sendable>(_ body: @escaping @Sendable (SimulatorCore) -> T) async throws -> T {
        try await eventLoop.submit { body(self.core()) }.get()
    }
}

/// Forwards one connection's packets and closure to the core.
final class SimulatorChannelHandler: ChannelInboundHandler {
    typealias InboundIn = SMPP.Packet
    private let core: NIOLoopBound<SimulatorCore>
    private let sessionID: Int

    init(core: NIOLoopBound<SimulatorCore>, sessionID: Int) {
        self.core = core
        self.sessionID = sessionID
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        core.value.received(unwrapInboundIn(data), on: sessionID)
    }

    func channelInactive(context: ChannelHandlerContext) {
        core.value.closed(sessionID)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.flush()  // answers already written go out first
        context.close(promise: nil)  // a client sending undecodable bytes loses its connection, as on a real gateway
    }
}

import CarrierWire
import Logging
import NIOCore
import NIOPosix

/// A simulated China Unicom SMG speaking SGIP 1.2 (the carrier's side), for tests, the demo and
/// benchmarks. Like a real SMG it plays two roles (sgip.md §8):
/// - it accepts the SP's connections: checks the Bind (LoginType 1, name/password), enforces its
///   window (Result 11) and the account's TPS (Result 88 by default), answers Submits (SGIP has
///   no message id: the Submit's own SequenceNumber is the key; a resend under the same
///   SequenceNumber is answered but not taken twice), reassembles long messages from their UDH,
///   drops idle connections, answers Unbind, and injects faults;
/// - it connects back to the SP's **listener** (``Options/reportHost``/``Options/reportPort``,
///   or ``setReportTarget(host:port:)``), binds with LoginType 2, and sends Reports after a delay
///   with the configured outcome mix — honouring ReportFlag (1 always, 0 failures only, 2 never)
///   and ExpireTime (State 2 with ``Options/expiredError`` at expiry instead of a late delivery) —
///   and injected MO Delivers; it Unbinds that connection when idle.
///
/// SGIP has no heartbeat, so the SMG sends no keep-alives. Everything runs on one event loop.
/// ```swift
/// let simulator = SGIPSimulator(configuration: .init(accounts: ["sp01": "secret"]))
/// let port = try await simulator.start()
/// await simulator.setReportTarget(host: "127.0.0.1", port: listenerPort)
/// ```
public final class SGIPSimulator: Sendable {
    private let eventLoop: EventLoop
    private let box: NIOLoopBoundBox<SGIPGatewayCore?>
    private let server: NIOLoopBoundBox<(any Channel)?>
    private let configuration: SimulatorConfiguration
    private let options: Options
    private let logger: Logger

    public init(configuration: SimulatorConfiguration, options: Options = Options(),
                eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                logger: Logger = Logger(label: "tocsin.simulator.sgip")) {
        self.configuration = configuration
        self.options = options
        self.logger = logger
        self.eventLoop = eventLoopGroup.next()
        self.box = .makeEmptyBox(valueType: SGIPGatewayCore.self, eventLoop: eventLoop)
        self.server = .makeEmptyBox(valueType: (any Channel).self, eventLoop: eventLoop)
    }

    /// Listens for SP connections on `host`:`port` (port 0 = any free port); returns the port.
    /// - Throws: when the address cannot be bound.
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> Int {
        let idle = options.idleTimeout.map { TimeAmount.nanoseconds($0.components.seconds * 1_000_000_000 + $0.components.attoseconds / 1_000_000_000) }
        let channel = try await ServerBootstrap(group: eventLoop, childGroup: eventLoop)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let core = NIOLoopBound(self.core(), eventLoop: channel.eventLoop)
                    let id = core.value.shared.opened(channel)
                    let pipeline = channel.pipeline.syncOperations
                    if let idle { try pipeline.addHandler(IdleStateHandler(readTimeout: idle)) }
                    try pipeline.addHandler(PDUFrameHandler<SGIP>())
                    try pipeline.addHandler(SGIPSimulatorHandler(core: core, sessionID: id))
                }
            }
            .bind(host: host, port: port).get()
        let server = self.server
        try await eventLoop.submit { server.value = channel }.get()
        return channel.localAddress?.port ?? port
    }

    /// Stops listening and closes every connection, the callback connection included.
    public func stop() async throws {
        let server = self.server
        let closing = try await onLoop { core -> EventLoopFuture<Void>? in
            core.closeAll()
            defer { server.value = nil }
            return server.value?.close()
        }
        try await closing?.get()
    }

    /// Where the SP's listener is; Reports and MO queued so far are sent once it is set.
    public func setReportTarget(host: String, port: Int) async {
        _ = try? await onLoop { core in
            core.options.reportHost = host
            core.options.reportPort = port
            core.pumpCallback()
        }
    }

    /// A snapshot of the shared counters (logins, submits, segments, duplicates, reports …).
    public func counters() async -> SimulatorCounters {
        (try? await onLoop { $0.shared.counters }) ?? SimulatorCounters()
    }

    /// A snapshot of the SGIP-only counters (idle drops, resends, callback connection, long messages).
    public func sgipCounters() async -> Counters {
        (try? await onLoop { $0.counters }) ?? Counters()
    }

    /// The long messages reassembled so far, in completion order.
    public func longMessages() async -> [LongMessage] {
        (try? await onLoop { $0.longMessages }) ?? []
    }

    /// Sends an MO Deliver from `source` (`86…`) to `destination` (the SP number) to the SP listener.
    public func injectMO(from source: String, to destination: String, content: [UInt8],
                         dataCoding: UInt8 = 8, hasUDH: Bool = false) async {
        let deliver = SGIPDeliver(userNumber: source, spNumber: destination, tpUdhi: hasUDH ? 1 : 0,
                                  messageCoding: dataCoding, content: content)
        _ = try? await onLoop { $0.enqueue(.mo(deliver)) }
    }

    /// Holds every Submit_Resp for `duration` from now.
    public func stallResponses(for duration: Duration) async {
        _ = try? await onLoop { $0.shared.stalledUntil = ContinuousClock.now.advanced(by: duration) }
    }

    /// Replaces the fault plan from now on.
    public func setFaults(_ faults: FaultPlan) async {
        _ = try? await onLoop { $0.shared.faults = faults }
    }

    /// Closes every SP connection now (counted as drops).
    public func dropAllConnections() async {
        _ = try? await onLoop { core in for session in core.shared.sessions.values { core.shared.drop(session) } }
    }

    /// The core, created on first use; call on the loop.
    private func core() -> SGIPGatewayCore {
        if let core = box.value { return core }
        let shared = SimulatorCore(configuration: configuration, eventLoop: eventLoop, logger: logger)
        let core = SGIPGatewayCore(shared: shared, options: options)
        box.value = core
        return core
    }

    private func onLoop<T: Sendable>(_ body: @escaping @Sendable (SGIPGatewayCore) -> T) async throws -> T {
        try await eventLoop.submit { body(self.core()) }.get()
    }
}

/// Forwards one SP connection's packets, idleness and closure to the core.
final class SGIPSimulatorHandler: ChannelInboundHandler {
    typealias InboundIn = SGIPPacket
    private let core: NIOLoopBound<SGIPGatewayCore>
    private let sessionID: Int

    init(core: NIOLoopBound<SGIPGatewayCore>, sessionID: Int) {
        self.core = core
        self.sessionID = sessionID
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        core.value.received(unwrapInboundIn(data), on: sessionID)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            core.value.idle(sessionID)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        core.value.shared.closed(sessionID)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.flush()  // answers already written go out first
        context.close(promise: nil)  // sgip.md §8: an invalid command closes the connection
    }
}

import CarrierWire
import Logging
import NIOCore
import NIOPosix

/// A simulated CMPP 2.0 or 3.0 ISMG (China Mobile's gateway), for tests, the demo, benchmarks
/// and `tocsin simulate`. Checks CONNECT (MD5 authenticator; status 2 for an unknown SP_Id, 3 for
/// a wrong secret, 4 for a version it does not speak), enforces its window and TPS like a real
/// gateway (answering SUBMIT_RESP Result 8, flow control), assigns Msg_Ids in the spec's bit
/// layout, reassembles long messages from their UDH and Pk_total/Pk_number, sends status reports
/// as DELIVER with Registered_Delivery = 1 after a delay with a configurable outcome mix
/// (`EXPIRED` at the end of ValId_Time instead of a late delivery), sends its own ACTIVE_TEST,
/// delivers injected MO, and injects faults.
///
/// Everything runs on one event loop of `eventLoopGroup`. Typical use:
/// ```swift
/// let simulator = CMPPSimulator(configuration: .init(accounts: ["901234": "secret"]))
/// let port = try await simulator.start()          // 127.0.0.1, a free port
/// …
/// let counters = await simulator.counters()
/// try await simulator.stop()
/// ```
/// `SimulatorConfiguration.messageIDStyle` does not apply (Msg_Ids are binary); choose a CMPP
/// Result for `FaultPlan.errorStatus` (its SMPP default 8 would read as flow control here).
public final class CMPPSimulator: Sendable {
    /// CMPP-specific settings beside the shared ``SimulatorConfiguration``.
    public struct Options: Sendable {
        /// The version spoken (and required in CONNECT).
        public var version: CMPP.Layout
        /// ISMG code (网关代码) in every Msg_Id, 22 bits.
        public var gatewayID: Int
        /// The gateway's wall clock in Unix seconds: Msg_Id time fields and absolute ValId_Time.
        public var unixTime: @Sendable () -> Int64
        /// The zone of that clock (Beijing, UTC+8).
        public var utcOffsetMinutes: Int
        /// How the authenticator of a short Source_Addr is checked (cmpp.md §4.1).
        public var sourceAddrHashing: CMPP.Authenticator.SourceAddrHashing
        /// How long an incomplete long message waits for its missing segments.
        public var reassemblyTimeout: Duration

        /// The system's wall clock in Unix seconds (the default `unixTime`).
        public static func systemUnixTime() -> Int64 { CMPPWallTime.systemUnixTime() }

        /// Creates options; see each property.
        public init(version: CMPP.Layout = .v3, gatewayID: Int = 10001,
                    unixTime: @escaping @Sendable () -> Int64 = { Options.systemUnixTime() },
                    utcOffsetMinutes: Int = 480, sourceAddrHashing: CMPP.Authenticator.SourceAddrHashing = .padded,
                    reassemblyTimeout: Duration = .seconds(60)) {
            self.version = version
            self.gatewayID = gatewayID
            self.unixTime = unixTime
            self.utcOffsetMinutes = utcOffsetMinutes
            self.sourceAddrHashing = sourceAddrHashing
            self.reassemblyTimeout = reassemblyTimeout
        }
    }

    private let eventLoop: EventLoop
    private let box: NIOLoopBoundBox<CMPPSimulatorCore?>
    private let server: NIOLoopBoundBox<(any Channel)?>
    private let configuration: SimulatorConfiguration
    private let options: Options
    private let logger: Logger

    /// Creates a stopped simulator; `configuration.accounts` maps SP_Id (Source_Addr) → secret.
    public init(configuration: SimulatorConfiguration, options: Options = Options(),
                eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                logger: Logger = Logger(label: "tocsin.simulator.cmpp")) {
        self.configuration = configuration
        self.options = options
        self.logger = logger
        self.eventLoop = eventLoopGroup.next()
        self.box = .makeEmptyBox(valueType: CMPPSimulatorCore.self, eventLoop: eventLoop)
        self.server = .makeEmptyBox(valueType: (any Channel).self, eventLoop: eventLoop)
    }

    /// Listens on `host`:`port` (port 0 = any free port) and returns the port bound.
    /// - Throws: when the address cannot be bound.
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> Int {
        let version = options.version
        let channel = try await ServerBootstrap(group: eventLoop, childGroup: eventLoop)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let core = NIOLoopBound(self.core(), eventLoop: channel.eventLoop)
                    let id = core.value.opened(channel)
                    let pipeline = channel.pipeline.syncOperations
                    switch version {
                    case .v2: try pipeline.addHandler(PDUFrameHandler<CMPP2>())
                    case .v3: try pipeline.addHandler(PDUFrameHandler<CMPP3>())
                    }
                    try pipeline.addHandler(CMPPSimulatorChannelHandler(core: core, sessionID: id))
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

    /// A snapshot of the counters (`segments` counts accepted segments of long messages).
    public func counters() async -> SimulatorCounters {
        (try? await onLoop { $0.counters }) ?? SimulatorCounters()
    }

    /// The long messages reassembled from accepted segments, oldest first (the newest 1000).
    public func longMessages() async -> [ReassembledMessage] {
        (try? await onLoop { $0.longMessages }) ?? []
    }

    /// Sends an MO DELIVER from `source` to `destination` on a connection of `account` (the
    /// first configured account when nil); it waits in order until one is bound.
    public func injectMO(from source: String, to destination: String, content: [UInt8],
                         dataCoding: UInt8 = 8, account: String? = nil) async {
        _ = try? await onLoop { $0.injectMO(from: source, to: destination, content: content, dataCoding: dataCoding, account: account) }
    }

    /// Holds every submit response (and ACTIVE_TEST answer) for `duration` from now.
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

    /// Sends TERMINATE on every bound connection; clients answer and close.
    public func terminateAll() async {
        _ = try? await onLoop { $0.terminateAll() }
    }

    /// Writes garbage bytes on every connection.
    public func sendGarbage() async {
        _ = try? await onLoop { core in for session in core.sessions.values { core.sendGarbage(to: session) } }
    }

    /// The core, created on first use; call on the loop.
    private func core() -> CMPPSimulatorCore {
        if let core = box.value { return core }
        let core = CMPPSimulatorCore(configuration: configuration, options: options, eventLoop: eventLoop, logger: logger)
        box.value = core
        return core
    }

    private func onLoop<T: Sendable>(_ body: @escaping @Sendable (CMPPSimulatorCore) -> T) async throws -> T {
        try await eventLoop.submit { body(self.core()) }.get()
    }
}

/// Forwards one connection's packets and closure to the CMPP core.
final class CMPPSimulatorChannelHandler: ChannelInboundHandler {
    typealias InboundIn = CMPP.Packet
    private let core: NIOLoopBound<CMPPSimulatorCore>
    private let sessionID: Int

    init(core: NIOLoopBound<CMPPSimulatorCore>, sessionID: Int) {
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
        context.close(promise: nil)  // undecodable bytes cost the client its connection, as on a real ISMG
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CarrierWire
import Logging
import NIOCore
import NIOPosix

/// A simulated China Telecom SMGW speaking SMGP 3.0 (smgp.md), for tests, the demo and
/// benchmarks. Checks Login authenticators (Status 21 for a wrong secret or unknown ClientID,
/// 22 for a version above its own), enforces its window and TPS answering Status 1 "system busy"
/// (SMGP's de-facto throttle), answers submits with 10-byte MsgIDs, checks and reassembles long
/// messages (TP_udhi + UDH + PkTotal/PkNumber), sends status reports as Deliver with IsReport = 1
/// after a delay with an outcome mix (honouring relative and absolute ValidTime: expired instead
/// of late), sends its own Active_Test, delivers injected MO and injects faults.
///
/// Same shape as ``SMPPSimulator``; the shared ``SimulatorConfiguration`` applies, with
/// ``MessageIDStyle/decimal`` giving spec BCD MsgIDs and ``MessageIDStyle/hexadecimal`` raw
/// non-BCD ones (smgp.md pitfall 4). ``FaultPlan/errorStatus`` and ``FaultPlan/refuseStatus`` are
/// SMGP Status values here.
/// ```swift
/// let simulator = SMGPSimulator(configuration: .init(accounts: ["12345678": "secret"], messageIDStyle: .decimal))
/// let port = try await simulator.start()          // 127.0.0.1, a free port
/// …
/// try await simulator.stop()
/// ```
public final class SMGPSimulator: Sendable {
    /// SMGP-specific settings beside the shared ``SimulatorConfiguration``.
    public struct Options: Sendable {
        /// The SMGW code in BCD MsgIDs (§5.5: area code + `06` + index, e.g. 010061).
        public var gatewayCode: Int
        /// ServerVersion; a Login with a higher ClientVersion gets Status 22.
        public var serverVersion: UInt8
        /// Authenticator variants accepted for short ClientIDs (smgp.md §3.1).
        public var acceptedClientIDForms: [SMGPAuthenticator.ClientIDForm]
        /// Wall clock (seconds since 1970 UTC) against which absolute ValidTimes are read.
        public var unixSeconds: @Sendable () -> Int64
        /// How long a long message may wait for its missing segments.
        public var reassemblyTimeout: Duration

        public init(gatewayCode: Int = 10061, serverVersion: UInt8 = SMGPLogin.version30,
                    acceptedClientIDForms: [SMGPAuthenticator.ClientIDForm] = SMGPAuthenticator.ClientIDForm.allCases,
                    unixSeconds: @escaping @Sendable () -> Int64 = { Int64(time(nil)) },
                    reassemblyTimeout: Duration = .seconds(300)) {
            self.gatewayCode = gatewayCode
            self.serverVersion = serverVersion
            self.acceptedClientIDForms = acceptedClientIDForms
            self.unixSeconds = unixSeconds
            self.reassemblyTimeout = reassemblyTimeout
        }
    }

    private let eventLoop: EventLoop
    private let box: NIOLoopBoundBox<SMGPSimulatorCore?>
    private let server: NIOLoopBoundBox<(any Channel)?>
    private let configuration: SimulatorConfiguration
    private let options: Options
    private let logger: Logger

    public init(configuration: SimulatorConfiguration, options: Options = Options(),
                eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                logger: Logger = Logger(label: "tocsin.simulator")) {
        self.configuration = configuration
        self.options = options
        self.logger = logger
        self.eventLoop = eventLoopGroup.next()
        self.box = .makeEmptyBox(valueType: SMGPSimulatorCore.self, eventLoop: eventLoop)
        self.server = .makeEmptyBox(valueType: (any Channel).self, eventLoop: eventLoop)
    }

    /// Listens on `host`:`port` (port 0 = any free port) and returns the port bound.
    /// - Throws: when the address cannot be bound.
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> Int {
        let channel = try await ServerBootstrap(group: eventLoop, childGroup: eventLoop)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let core = NIOLoopBound(self.core(), eventLoop: channel.eventLoop)
                    let id = core.value.opened(channel)
                    try channel.pipeline.syncOperations.addHandler(PDUFrameHandler<SMGP>())
                    try channel.pipeline.syncOperations.addHandler(SMGPSimulatorChannelHandler(core: core, sessionID: id))
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

    /// A snapshot of the shared counters (`segments` counts accepted Submits that are one part of a long message).
    public func counters() async -> SimulatorCounters {
        (try? await onLoop { $0.counters }) ?? SimulatorCounters()
    }

    /// A snapshot of what only an SMGW sees: reassembled long messages, refused logins by status.
    public func observations() async -> SMGPObservations {
        (try? await onLoop { $0.observations }) ?? SMGPObservations()
    }

    /// Sends an MO (Deliver with IsReport = 0) from `source` to `destination` to a receiver logged
    /// in for `account` (the first configured account when nil); it waits in order until one is logged in.
    public func injectMO(from source: String, to destination: String, content: [UInt8], msgFormat: UInt8 = 8,
                         hasUDH: Bool = false, account: String? = nil) async {
        _ = try? await onLoop {
            $0.injectMO(from: source, to: destination, content: content, msgFormat: msgFormat, hasUDH: hasUDH, account: account)
        }
    }

    /// Holds every submit response (and Active_Test answer) for `duration` from now.
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
    private func core() -> SMGPSimulatorCore {
        if let core = box.value { return core }
        let core = SMGPSimulatorCore(configuration: configuration, options: options, eventLoop: eventLoop, logger: logger)
        box.value = core
        return core
    }

    private func onLoop<T: Sendable>(_ body: @escaping @Sendable (SMGPSimulatorCore) -> T) async throws -> T {
        try await eventLoop.submit { body(self.core()) }.get()
    }
}

/// What a simulated SMGW observed beyond the shared ``SimulatorCounters``.
public struct SMGPObservations: Sendable, Hashable {
    /// Long messages whose every segment was accepted, in completion order.
    public var longMessages: [SMGPLongMessage] = []
    /// Long-message sets given up on (timeout or eviction) before they were complete.
    public var incompleteLongMessages = 0
    /// Submits refused with Status 10 because TP_udhi, the UDH and PkTotal/PkNumber disagreed.
    public var malformedSegments = 0
    /// Refused logins by the Status answered (21 authentication, 22 version …).
    public var loginRefusals: [UInt32: Int] = [:]

    public init() {}
}

/// One long message the simulator put back together from its segments.
public struct SMGPLongMessage: Sendable, Hashable {
    /// The recipient (personal data; test use).
    public var destination: String
    /// The decoded text.
    public var text: String
    /// How many segments it arrived in.
    public var segments: Int

    public init(destination: String, text: String, segments: Int) {
        self.destination = destination
        self.text = text
        self.segments = segments
    }
}

/// Forwards one connection's packets and closure to the core.
final class SMGPSimulatorChannelHandler: ChannelInboundHandler {
    typealias InboundIn = SMGPPacket
    private let core: NIOLoopBound<SMGPSimulatorCore>
    private let sessionID: Int

    init(core: NIOLoopBound<SMGPSimulatorCore>, sessionID: Int) {
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
        context.close(promise: nil)  // a client sending undecodable bytes loses its connection, as on a real SMGW
    }
}

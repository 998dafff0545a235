import Foundation
import CarrierWire
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// The SP's inbound SGIP listener (sgip.md §8, pitfall §10.1 "no reverse listener → no Reports,
/// no MO"): the SMG opens its own TCP connection to the SP, binds with LoginType 2, and pushes
/// Report, Deliver (MO) and UserRpt, then Unbinds. This service accepts those connections,
/// checks the SMG's Bind against ``SGIPSettings/smgLoginName``/``SGIPSettings/smgPassword``,
/// answers every request with its `_Resp`, and feeds Reports and MO into the **same** bounded
/// report buffer as the account's ``LinkGroup``, so `group.reports` yields them.
///
/// A swift-service-lifecycle `Service`; run it beside the group:
/// ```swift
/// let group = try LinkGroup(configuration: config)        // config.sgip set
/// let listener = try SGIPListener(group: group)
/// // ServiceGroup(services: [group, listener], …)
/// ```
/// Bind refusals: wrong LoginType → Result 4, wrong name or password → 1, more than
/// ``SGIPSettings/maxSMGConnections`` bound → 3, a second Bind on a connection → 2; a refused
/// connection is closed. When the report buffer is full the SMG gets Result 11 ("node busy") and
/// redelivers later. Everything runs on the account's event loop.
public final class SGIPListener: Service, Sendable {
    private let eventLoop: EventLoop
    private let settings: SGIPSettings
    private let box: NIOLoopBoundBox<SGIPListenerCore?>
    private let makeCore: @Sendable () -> SGIPListenerCore

    /// Creates the listener for `group`'s account (reads ``LinkConfiguration/sgip``).
    /// - Throws: ``LinkConfigurationError`` when the group has no SGIP settings.
    public init(group: LinkGroup, clock: SGIPWallClock = .system,
                logger: Logger = Logger(label: "tocsin.gateway.sgip-listener")) throws(LinkConfigurationError) {
        let configuration = group.configuration
        guard let settings = configuration.sgip else {
            throw LinkConfigurationError(detail: "SGIP listener for \(configuration.name) needs `sgip` settings")
        }
        let adapter = try SGIPAdapter(configuration: configuration, clock: clock)
        let handle = group.handle
        self.eventLoop = handle.eventLoop
        self.settings = settings
        self.box = .makeEmptyBox(valueType: SGIPListenerCore.self, eventLoop: handle.eventLoop)
        var logger = logger
        logger[metadataKey: "gw.account"] = "\(configuration.name)"
        self.makeCore = { [logger] in
            SGIPListenerCore(configuration: configuration, settings: settings, adapter: adapter,
                             reports: handle.reports, eventLoop: handle.eventLoop, logger: logger)
        }
    }

    /// Binds ``SGIPSettings/listenHost``:``SGIPSettings/listenPort`` (port 0 = any free port) and
    /// returns the port bound. Calling it again returns the same port.
    /// - Throws: when the address cannot be bound, or after ``stop()``.
    public func start() async throws -> Int {
        if let port = try await onLoop({ $0.server?.localAddress?.port }) { return port }
        let channel = try await ServerBootstrap(group: eventLoop, childGroup: eventLoop)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    let core = NIOLoopBound(self.core(), eventLoop: channel.eventLoop)
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(IdleStateHandler(readTimeout: .nanoseconds(self.settings.smgIdleTimeout.nanoseconds)))
                    try pipeline.addHandler(PDUFrameHandler<SGIP>())
                    try pipeline.addHandler(SGIPListenerHandler(core: core))
                }
            }
            .bind(host: settings.listenHost, port: settings.listenPort).get()
        let accepted = try await onLoop { core -> Bool in
            guard !core.isStopping, core.server == nil else { return false }
            core.server = channel
            return true
        }
        guard accepted else {
            try? await channel.close()
            if let port = try await onLoop({ $0.server?.localAddress?.port }) { return port }
            throw LinkConfigurationError(detail: "SGIP listener already stopped")
        }
        return channel.localAddress?.port ?? settings.listenPort
    }

    /// Starts (if needed) and serves until graceful shutdown or cancellation, then sends Unbind on
    /// every bound SMG connection, waits briefly for Unbind_Resp and closes. - Throws: as ``start()``.
    public func run() async throws {
        _ = try await start()
        let stopped = try await onLoop { $0.stopped.futureResult }
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                try? await stopped.get()
            } onCancel: {
                self.beginStop()
            }
        } onGracefulShutdown: {
            self.beginStop()
        }
    }

    /// Stops listening, unbinds and closes every SMG connection; returns when all are closed.
    public func stop() async {
        beginStop()
        if let stopped = try? await onLoop({ $0.stopped.futureResult }) { try? await stopped.get() }
    }

    /// A snapshot of the listener's counters.
    public func counters() async -> SGIPListenerCounters {
        (try? await onLoop { $0.counters }) ?? SGIPListenerCounters()
    }

    private func beginStop() {
        let box = self.box
        let makeCore = self.makeCore
        eventLoop.execute {
            let core = box.value ?? makeCore()
            box.value = core
            core.stop()
        }
    }

    /// The core, created on first use; call on the loop.
    private func core() -> SGIPListenerCore {
        if let core = box.value { return core }
        let core = makeCore()
        box.value = core
        return core
    }

    private func onLoop<T: Sendable>(_ body: @escaping @Sendable (SGIPListenerCore) -> T) async throws -> T {
        try await eventLoop.submit { body(self.core()) }.get()
    }
}

/// What an ``SGIPListener`` has seen, as a snapshot value.
public struct SGIPListenerCounters: Sendable, Hashable {
    public var connectionsAccepted = 0
    public var bindsAccepted = 0
    /// Binds answered with a non-zero Result (wrong credentials or LoginType, too many, repeated).
    public var bindsRefused = 0
    /// Result of the last refused Bind.
    public var lastRefusal: UInt8?
    /// Reports passed to the account's report stream.
    public var reportsReceived = 0
    /// When the last of them arrived.
    public var lastReportAt: Date?
    /// MO Delivers passed to the account's report stream.
    public var moReceived = 0
    /// Reports/MO answered 11 "node busy" because the report buffer was full (the SMG redelivers).
    public var deferred = 0
    /// Acknowledgements given after the report's connection had closed (not sent; the SMG
    /// delivers those reports again).
    public var acknowledgementsDropped = 0
    /// Requests refused because the connection had not bound first.
    public var beforeBind = 0
    /// UserRpt PDUs acknowledged (not acted on).
    public var userReports = 0
    public var unbindsReceived = 0
    /// Connections closed after ``SGIPSettings/smgIdleTimeout`` of silence.
    public var idleClosed = 0

    public init() {}
}

import CarrierWire
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// All connections of one carrier account: N links (``LinkConfiguration/connections``) sharing
/// one submit queue, one TPS token bucket and one report stream. A swift-service-lifecycle
/// `Service`: ``run()`` connects, logs in, keeps alive and reconnects until graceful shutdown,
/// then drains every window and unbinds.
///
/// This is what the dispatcher calls:
/// ```swift
/// let group = try LinkGroup(configuration: config, logger: logger)
/// // in a ServiceGroup, or: Task { try await group.run() }
/// let outcome = try await group.submit(message)   // suspends while the windows are full
/// for await report in group.reports { … }        // one consumer
/// ```
/// Every submit ends exactly once: with the carrier's answer (``SubmitOutcome``), or by throwing
/// ``SubmitError`` (its `retry` says whether resubmitting may duplicate) — never silently dropped.
public final class LinkGroup: Service, Sendable {
    let handle: AccountHandle

    /// The account's configuration.
    public var configuration: LinkConfiguration { handle.configuration }
    /// Status reports and MO messages of every connection, bounded (see ``ReportStream``).
    public var reports: ReportStream { ReportStream(base: handle.reports.sequence) }
    /// Connection state changes (bounded: the newest 64 are kept if nobody reads).
    public var stateChanges: AsyncStream<LinkStateChange> { handle.stateChanges }

    /// Creates the group for `configuration` with the protocol's built-in adapter.
    /// - Throws: ``LinkConfigurationError`` when the protocol has no adapter yet or TLS cannot be set up.
    public convenience init(
        configuration: LinkConfiguration, smppOptions: SMPPAdapter.Options = .init(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "tocsin.gateway")
    ) throws {
        switch configuration.wireProtocol {
        case .smpp:
            try self.init(configuration: configuration, adapter: SMPPAdapter(configuration: configuration, options: smppOptions),
                          eventLoopGroup: eventLoopGroup, logger: logger)
        case .smgp:
            try self.init(configuration: configuration, adapter: SMGPAdapter(configuration: configuration),
                          eventLoopGroup: eventLoopGroup, logger: logger)
        case .sgip:
            try self.init(configuration: configuration, adapter: SGIPAdapter(configuration: configuration),
                          eventLoopGroup: eventLoopGroup, logger: logger)
        case .cmpp2, .cmpp3:
            try self.init(cmpp: configuration, eventLoopGroup: eventLoopGroup, logger: logger)
        }
    }

    /// Creates the group with an explicit adapter (every connection starts from a copy of it).
    public init<A: ProtocolAdapter>(
        configuration: LinkConfiguration, adapter: A,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "tocsin.gateway")
    ) throws {
        let connector: Connector<A>
        do {
            connector = try Connector<A>(configuration: configuration)
        } catch {
            throw LinkConfigurationError(detail: "TLS setup failed: \(error)")
        }
        let count = configuration.connections
        handle = AccountHandle(configuration: configuration, eventLoop: eventLoopGroup.next(), logger: logger) { account, logger in
            (0..<count).map { LinkDriver(index: $0, adapter: adapter, account: account, connector: connector, logger: logger) as any LinkDriving }
        }
    }

    /// Runs the connections until graceful shutdown (drain, unbind) or cancellation (close at once;
    /// in-flight submits fail as `.connectionLost`, may duplicate). Returns when every connection is closed.
    public func run() async throws {
        let handle = self.handle
        handle.withCore { $0.start() }
        let stopped = handle.eventLoop.flatSubmit { handle.core().stopped.futureResult }
        try await withGracefulShutdownHandler {
            try await withTaskCancellationHandler {
                try await stopped.get()
            } onCancel: {
                handle.withCore { $0.stop(immediate: true) }
            }
        } onGracefulShutdown: {
            handle.withCore { $0.stop(immediate: false) }
        }
    }

    /// Starts a graceful shutdown without swift-service-lifecycle (tests, tools): queued submits
    /// are handed back, in-flight ones drain, then each connection unbinds; ``run()`` returns.
    public func shutdownGracefully() {
        handle.withCore { $0.stop(immediate: false) }
    }

    /// Submits one message and waits for the carrier's answer.
    ///
    /// Suspends while every window is full, the TPS bucket is empty or the account is paused after
    /// a throttle answer (at most ``LinkConfiguration/maxQueuedSubmits`` callers wait).
    /// - Returns: the carrier's answer: accepted with its message id, or refused with a status and
    ///   retry class. Throttle answers are retried by the link itself up to
    ///   ``LinkConfiguration/throttleRetries`` times before being returned.
    /// - Throws: ``SubmitError`` (`.backlogFull`, `.linkDown`, `.shuttingDown` and `.invalidMessage`
    ///   before sending — safe to retry; `.connectionLost`, `.timedOut`, `.linkDead`,
    ///   `.peerTerminated`, `.drainTimedOut` after — may duplicate), or `CancellationError` when the
    ///   task is cancelled before the submit was sent.
    public func submit(_ message: OutboundMessage) async throws -> SubmitOutcome {
        try Task.checkCancellation()
        let handle = self.handle
        let promise = handle.eventLoop.makePromise(of: SubmitOutcome.self)
        return try await withTaskCancellationHandler {
            handle.submit(message, promise: promise)
            return try await promise.futureResult.get()
        } onCancel: {
            handle.cancel(promise)
        }
    }

    /// `submit(_:)` without a task, for callers that run on callbacks: `answered` runs on the
    /// account's event loop with the carrier's answer or the error `submit(_:)` would throw.
    /// - Returns: withdraws the submit while it is not yet written to a socket (`answered` then
    ///   gets `CancellationError`); does nothing once it is.
    public func submit(_ message: OutboundMessage, answered: @escaping @Sendable (Result<SubmitOutcome, any Error>) -> Void) -> @Sendable () -> Void {
        let handle = self.handle
        let promise = handle.eventLoop.makePromise(of: SubmitOutcome.self)
        promise.futureResult.whenComplete(answered)
        handle.submit(message, promise: promise)
        return { handle.cancel(promise) }
    }

    /// The account's health: each connection's state and counters, queue length, throttle pauses.
    public func health() async -> AccountHealth {
        let handle = self.handle
        // The submitted closure cannot fail; `try?` only bridges the future's error type.
        return (try? await handle.eventLoop.submit { handle.core().health() }.get())
            ?? AccountHealth(name: handle.configuration.name, carrier: handle.configuration.carrier,
                             isTestLink: handle.configuration.isTestLink, tps: handle.configuration.tps,
                             queued: 0, throttlePauses: 0, links: [])
    }
}

/// A link configuration that cannot be used.
public struct LinkConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong (never contains the secret).
    public var detail: String
    public var description: String { "LinkConfigurationError: \(detail)" }
}

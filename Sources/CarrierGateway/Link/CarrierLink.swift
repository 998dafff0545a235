import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// One connection to a carrier gateway — a ``LinkGroup`` of one. Same API: `run()` as a
/// swift-service-lifecycle `Service`, `submit`, `reports`, `stateChanges`, `health()`.
/// ``LinkConfiguration/connections`` is ignored (always 1); use ``LinkGroup`` for more.
public final class CarrierLink: Service, Sendable {
    /// The group of one that does the work.
    public let group: LinkGroup

    /// Creates the link with the protocol's built-in adapter. - Throws: ``LinkConfigurationError``.
    public init(
        configuration: LinkConfiguration, smppOptions: SMPPAdapter.Options = .init(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "tocsin.gateway")
    ) throws {
        var single = configuration
        single.connections = 1
        group = try LinkGroup(configuration: single, smppOptions: smppOptions, eventLoopGroup: eventLoopGroup, logger: logger)
    }

    public var configuration: LinkConfiguration { group.configuration }
    public var reports: ReportStream { group.reports }
    public var stateChanges: AsyncStream<LinkStateChange> { group.stateChanges }
    public func run() async throws { try await group.run() }
    public func shutdownGracefully() { group.shutdownGracefully() }
    /// See ``LinkGroup/submit(_:)``.
    public func submit(_ message: OutboundMessage) async throws -> SubmitOutcome { try await group.submit(message) }
    /// The connection's health.
    public func health() async -> LinkHealth? { await group.health().links.first }
}

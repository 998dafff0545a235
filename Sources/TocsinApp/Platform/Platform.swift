import CarrierGateway
import Foundation
import Logging
import ServiceLifecycle
import TocsinCore
import TocsinDispatch
import TocsinSecurity
import TocsinStorage
import TocsinWeb

/// The running platform as `tocsin serve` and `tocsin demo` start it — the composition root:
/// the carrier accounts (link groups, SGIP report listeners), the dispatcher, the warning service
/// and the HTTP server (API and console), in one `ServiceGroup` that SIGINT/SIGTERM stop
/// gracefully in reverse order: the web server first, then the expiry sweep, dispatch (which
/// commits its last outcomes and hands back its claims), and the links last (their windows drain).
struct Platform {
    var store: Store
    var links: [LinkConfiguration]
    var web: WebConfiguration
    var expiryEvery: Duration = .seconds(60)
    var dispatch = DispatcherConfiguration()
    var logger: Logger

    /// What is up once the links' listeners are bound, for the caller's banner.
    struct Started: Sendable {
        var links: [LinkGroup]
        /// The bound port of each SGIP account's report listener, by link name.
        var sgipListenerPorts: [String: Int]
        var services: WebServices
    }

    /// Builds everything, binds the SGIP listeners, calls `started` (print the banner, point the
    /// demo simulators at the listeners), then runs until a signal stops it.
    func run(started: @Sendable (Started) async throws -> Void) async throws {
        var linkLogger = logger
        linkLogger.logLevel = max(logger.logLevel, .notice)
        // Every link feeds the dispatcher: reports are answered once recorded (a crash loses none).
        let groups = try links.map { link in
            var c = link
            c.reportAcknowledgement = .whenRecorded
            return try LinkGroup(configuration: c, logger: linkLogger)
        }
        // One report listener per SGIP account, by account name.
        var listeners: [String: SGIPListener] = [:]
        var ports: [String: Int] = [:]
        for group in groups where group.configuration.sgip != nil {
            let listener = try SGIPListener(group: group, logger: linkLogger)
            ports[group.configuration.name] = try await listener.start()
            listeners[group.configuration.name] = listener
        }

        // Reach, ETA and planning answer from the in-memory targeting snapshot while it is
        // current (docs/targeting.md); it is built now, in the background, and again after changes.
        store.targetingSnapshotPolicy = .background
        try await store.warmTargetingSnapshot()

        // Without carrier links there is nothing to dispatch through: approvals then answer
        // "dispatch not configured" and /healthz says so.
        let relay = DispatchObserverRelay()
        let dispatcher = groups.isEmpty ? nil : Dispatcher(store: store, accounts: groups, configuration: dispatch, observer: relay, logger: logger)
        let accounts = AccountService(store: store)
        let warnings = WarningService(store: store, accounts: accounts, dispatcher: dispatcher, logger: logger)
        relay.connect(warnings)
        let services = WebServices(store: store, accounts: accounts, warnings: warnings,
                                   links: groups.isEmpty ? nil : LinkGroupStatus(groups: groups, listeners: listeners),
                                   contactImport: ConsoleContactImport(store: store))
        let app = buildApplication(services: services, configuration: web, logger: logger)
        let sweep = ExpirySweepService(warnings: warnings, interval: expiryEvery, logger: logger)

        // Started in this order, stopped in the reverse one.
        var all: [any Service] = groups
        all += groups.compactMap { listeners[$0.configuration.name] } as [any Service]
        if let dispatcher { all.append(dispatcher) }
        all += [sweep, app] as [any Service]
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: all.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await started(Started(links: groups, sgipListenerPorts: ports, services: services))
        try await group.run()
    }
}

/// Hands dispatch's "started / finished" to the warning service, which is created after the
/// dispatcher (each needs the other). Set once, before the service group runs.
final class DispatchObserverRelay: DispatchObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var target: (any DispatchObserver)?

    func connect(_ observer: any DispatchObserver) { lock.withLock { target = observer } }

    func dispatchStarted(_ id: WarningIdentifier, at: Date) async {
        await lock.withLock { target }?.dispatchStarted(id, at: at)
    }

    func dispatchFinished(_ id: WarningIdentifier, at: Date) async {
        await lock.withLock { target }?.dispatchFinished(id, at: at)
    }
}

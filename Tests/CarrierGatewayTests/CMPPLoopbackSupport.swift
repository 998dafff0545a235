import CarrierGateway
import CarrierSession
import CarrierSimulator
import CarrierWire

/// Shared set-up for the CMPP loopback tests: a `CMPPSimulator` on 127.0.0.1 (free port) and
/// links with short timers, so every test stops by itself within seconds. The generic helpers
/// (`running`, `eventually`, `submitAll`) are ``Loopback``'s.
enum CMPPLoopback {
    /// SP_Id and secret of the published CONNECT vector's style (cmpp.md §13.1).
    static let account = "901234"
    static let secret = "888888"

    /// Both versions, for parameterised tests.
    static let versions: [CarrierProtocol] = [.cmpp3, .cmpp2]

    static func simulator(_ version: CarrierProtocol = .cmpp3, _ configure: (inout SimulatorConfiguration) -> Void = { _ in })
        async throws -> (CMPPSimulator, Int)
    {
        // No reports unless a test asks for them: unconsumed reports would fill the buffer and bounce.
        var configuration = SimulatorConfiguration(accounts: [account: secret], reportDelay: .milliseconds(50),
                                                   outcomes: OutcomeMix(delivered: 0, none: 1))
        configure(&configuration)
        let simulator = CMPPSimulator(configuration: configuration,
                                      options: CMPPSimulator.Options(version: version == .cmpp2 ? .v2 : .v3))
        let port = try await simulator.start()
        return (simulator, port)
    }

    static func configuration(_ version: CarrierProtocol = .cmpp3, port: Int, account: String = CMPPLoopback.account,
                              secret: String = CMPPLoopback.secret, window: Int = 16,
                              _ configure: (inout LinkConfiguration) -> Void = { _ in }) -> LinkConfiguration {
        let fast = BackoffPolicy(initial: .milliseconds(50), multiplier: 2, maximum: .milliseconds(200), jitter: 0.2)
        var configuration = LinkConfiguration(
            name: "sim-cmpp", carrier: "simulated", wireProtocol: version, host: "127.0.0.1", port: port,
            account: account, secret: secret, sourceAddress: "12379", serviceID: "ALERT", window: window,
            session: SessionParameters(
                windowSize: window, responseTimeout: .seconds(5), maxAttempts: 1,
                keepAlive: KeepAliveParameters(interval: .seconds(30), timeout: .seconds(5), maxAttempts: 3),
                connectTimeout: .seconds(2), loginTimeout: .seconds(2), drainTimeout: .seconds(3),
                terminateTimeout: .seconds(1)),
            reconnectBackoff: fast, loginFailureBackoff: fast, throttlePause: .milliseconds(200))
        configure(&configuration)
        return configuration
    }

    /// A group for `configuration` (its wireProtocol picks the CMPP version).
    static func group(_ configuration: LinkConfiguration) throws -> LinkGroup {
        try LinkGroup(configuration: configuration)
    }

    /// Waits until the link is down after a refused login whose text contains `status`.
    static func refused(_ group: LinkGroup, status: String) async throws {
        try await Loopback.eventually {
            guard let link = await group.health().links.first, case .down = link.state else { return false }
            return link.lastError?.contains(status) == true
        }
    }
}

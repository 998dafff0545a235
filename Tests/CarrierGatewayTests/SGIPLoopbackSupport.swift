import CarrierGateway
import CarrierSession
import CarrierSimulator
import CarrierWire
import NIOPosix

/// Shared set-up for the SGIP loopback tests: an SGIP simulator (SMG) on 127.0.0.1, a link group
/// with short timers, and the SP's listener the simulator connects back to — all on free ports,
/// with one fixed wall clock on both sides (20 Nov 20:32:25 Beijing, the spec's example instant).
enum SGIPLoopback {
    static let account = "sp01"
    static let secret = "sgippass"
    static let smgName = "smguser"
    static let smgPassword = "smgpass"
    static let nodeID: UInt32 = 3_075_512_345
    static let now: Int64 = 1_732_105_945
    static let clock = SGIPWallClock.fixed(now)
    /// The SGIP tests' own event loops, so that their floods of PDUs do not queue behind (or
    /// delay) the timing-sensitive SMPP tests on `MultiThreadedEventLoopGroup.singleton`.
    static let loops = MultiThreadedEventLoopGroup(numberOfThreads: 2)

    /// A started simulator; no reports unless a test asks for them.
    static func simulator(
        _ configure: (inout SimulatorConfiguration, inout SGIPSimulator.Options) -> Void = { _, _ in }
    ) async throws -> (SGIPSimulator, Int) {
        var configuration = SimulatorConfiguration(accounts: [account: secret], windowSize: 32,
                                                   reportDelay: .milliseconds(50), outcomes: OutcomeMix(delivered: 0, none: 1))
        var options = SGIPSimulator.Options(loginName: smgName, loginPassword: smgPassword, callbackIdleClose: .seconds(5),
                                            idleTimeout: .seconds(5), clock: { SGIPLoopback.now })
        configure(&configuration, &options)
        let simulator = SGIPSimulator(configuration: configuration, options: options, eventLoopGroup: loops)
        return (simulator, try await simulator.start())
    }

    static func configuration(port: Int, account: String = SGIPLoopback.account, secret: String = SGIPLoopback.secret,
                              window: Int = 16, _ configure: (inout LinkConfiguration) -> Void = { _ in }) -> LinkConfiguration {
        let fast = BackoffPolicy(initial: .milliseconds(50), multiplier: 2, maximum: .milliseconds(200), jitter: 0.2)
        var configuration = LinkConfiguration(
            name: "sgip-sim", carrier: "unicom", wireProtocol: .sgip, host: "127.0.0.1", port: port,
            account: account, secret: secret, sourceAddress: "10612379", serviceID: "ALERT", window: window,
            session: SessionParameters(
                windowSize: window, responseTimeout: .seconds(5), maxAttempts: 2, keepAlive: nil, idleClose: nil,
                connectTimeout: .seconds(2), loginTimeout: .seconds(2), drainTimeout: .seconds(3), terminateTimeout: .seconds(1)),
            reconnectBackoff: fast, loginFailureBackoff: fast, throttlePause: .milliseconds(200))
        configuration.sgip = SGIPSettings(nodeID: nodeID, corpID: "12345", listenHost: "127.0.0.1", listenPort: 0,
                                          smgLoginName: smgName, smgPassword: smgPassword, smgIdleTimeout: .seconds(5))
        configure(&configuration)
        return configuration
    }

    /// The group with the fixed clock, and its listener.
    static func link(_ configuration: LinkConfiguration) throws -> (LinkGroup, SGIPListener) {
        let group = try LinkGroup(configuration: configuration, adapter: SGIPAdapter(configuration: configuration, clock: clock),
                                  eventLoopGroup: loops)
        return (group, try SGIPListener(group: group, clock: clock))
    }

    /// Message `index` to `8613900000000 + index`, UCS-2 text.
    static func message(_ index: Int, validity: Duration? = nil, requestReport: Bool = true) -> OutboundMessage {
        let text = Array("预警 #\(index)".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        return OutboundMessage(destination: "86139\(String(10_000_000 + index))", content: text, validity: validity,
                               requestReport: requestReport)
    }

    /// Starts the listener and points the simulator at it, runs the group while `body` runs, then
    /// shuts the group down gracefully, stops the listener and waits for both.
    static func running<T: Sendable>(_ group: LinkGroup, _ listener: SGIPListener, _ simulator: SGIPSimulator,
                                     _ body: () async throws -> T) async throws -> T {
        let listenerPort = try await listener.start()
        await simulator.setReportTarget(host: "127.0.0.1", port: listenerPort)
        let runner = Task { try await group.run() }
        do {
            let result = try await body()
            group.shutdownGracefully()
            try await runner.value
            await listener.stop()
            return result
        } catch {
            runner.cancel()
            _ = try? await runner.value
            await listener.stop()
            throw error
        }
    }
}

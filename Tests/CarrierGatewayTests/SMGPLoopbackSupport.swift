import CarrierGateway
import CarrierSession
import CarrierSimulator
import CarrierWire

/// Shared set-up for the SMGP loopback tests: an SMGW simulator on 127.0.0.1 (free port) and
/// links with the short timers of ``Loopback/configuration(port:secret:window:_:)``.
enum SMGPLoopback {
    /// An 8-character ClientID, so both authenticator variants agree (smgp.md §3.1).
    static let account = "12345678"
    static let secret = "secret"
    /// 2025-03-01 00:00:00 +08:00 — the spec's TimeStamp example `0301000000`.
    static let marchFirst: Int64 = 1_740_758_400

    /// A simulator with BCD MsgIDs and no reports unless a test asks for them.
    static func simulator(options: SMGPSimulator.Options = SMGPSimulator.Options(),
                          _ configure: (inout SimulatorConfiguration) -> Void = { _ in }) async throws -> (SMGPSimulator, Int) {
        var configuration = SimulatorConfiguration(accounts: [account: secret], reportDelay: .milliseconds(50),
                                                   outcomes: OutcomeMix(delivered: 0, none: 1), messageIDStyle: .decimal)
        configure(&configuration)
        let simulator = SMGPSimulator(configuration: configuration, options: options)
        let port = try await simulator.start()
        return (simulator, port)
    }

    static func configuration(port: Int, account: String = SMGPLoopback.account, secret: String = SMGPLoopback.secret,
                              window: Int = 16, _ configure: (inout LinkConfiguration) -> Void = { _ in }) -> LinkConfiguration {
        var configuration = Loopback.configuration(port: port, secret: secret, window: window)
        configuration.wireProtocol = .smgp
        configuration.account = account
        configuration.serviceID = "ALERT"
        configuration.sourceAddress = "10612379"
        configure(&configuration)
        return configuration
    }

    /// A group with an explicit adapter (injected clock, version, ValidTime form).
    static func group(_ configuration: LinkConfiguration, options: SMGPAdapter.Options = SMGPAdapter.Options()) throws -> LinkGroup {
        try LinkGroup(configuration: configuration, adapter: SMGPAdapter(configuration: configuration, options: options))
    }

    /// Waits until the only link is down with a login refusal, and returns its last error.
    static func loginRefusal(_ group: LinkGroup) async throws -> String {
        var text = ""
        try await Loopback.eventually {
            guard let link = await group.health().links.first, case .down = link.state,
                  let error = link.lastError, error.hasPrefix("login refused") else { return false }
            text = error
            return true
        }
        return text
    }
}

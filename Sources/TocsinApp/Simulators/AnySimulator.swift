import CarrierGateway
import CarrierSimulator
import Foundation
import NIOPosix
import NIOCore

/// One of the carrier simulators behind one small interface, for `tocsin simulate`, the
/// benchmarks and (later) the demo.
public enum AnySimulator: Sendable {
    case smpp(SMPPSimulator)
    case cmpp(CMPPSimulator)
    case sgip(SGIPSimulator)
    case smgp(SMGPSimulator)

    /// The simulator for `wire`, reading the real wall clock (validity times, message ids).
    /// SGIP: reports go to the SP's listener at `reportHost`:`reportPort` (settable later with
    /// `setReportTarget`), at most `sgipCallbackWindow` unanswered on its one callback connection
    /// (the simulator's default, 32, when nil).
    public static func make(_ wire: CarrierProtocol, configuration: SimulatorConfiguration,
                            reportHost: String? = nil, reportPort: Int? = nil, sgipCallbackWindow: Int? = nil,
                            eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) -> AnySimulator {
        let now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
        switch wire {
        case .smpp: return .smpp(SMPPSimulator(configuration: configuration, eventLoopGroup: eventLoopGroup))
        case .cmpp2: return .cmpp(CMPPSimulator(configuration: configuration, options: .init(version: .v2, unixTime: now), eventLoopGroup: eventLoopGroup))
        case .cmpp3: return .cmpp(CMPPSimulator(configuration: configuration, options: .init(version: .v3, unixTime: now), eventLoopGroup: eventLoopGroup))
        case .smgp: return .smgp(SMGPSimulator(configuration: configuration, options: .init(unixSeconds: now), eventLoopGroup: eventLoopGroup))
        case .sgip:
            var options = SGIPSimulator.Options(reportHost: reportHost, reportPort: reportPort, clock: now)
            if let sgipCallbackWindow { options.callbackWindow = max(1, sgipCallbackWindow) }
            return .sgip(SGIPSimulator(configuration: configuration, options: options, eventLoopGroup: eventLoopGroup))
        }
    }

    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> Int {
        switch self {
        case .smpp(let s): try await s.start(host: host, port: port)
        case .cmpp(let s): try await s.start(host: host, port: port)
        case .sgip(let s): try await s.start(host: host, port: port)
        case .smgp(let s): try await s.start(host: host, port: port)
        }
    }

    public func stop() async throws {
        switch self {
        case .smpp(let s): try await s.stop()
        case .cmpp(let s): try await s.stop()
        case .sgip(let s): try await s.stop()
        case .smgp(let s): try await s.stop()
        }
    }

    public func counters() async -> SimulatorCounters {
        switch self {
        case .smpp(let s): await s.counters()
        case .cmpp(let s): await s.counters()
        case .sgip(let s): await s.counters()
        case .smgp(let s): await s.counters()
        }
    }

    /// SGIP only: where the simulated SMG connects back to deliver reports and MO.
    public func setReportTarget(host: String, port: Int) async {
        if case .sgip(let s) = self { await s.setReportTarget(host: host, port: port) }
    }
}

/// What Tocsin's side needs to reach the in-process simulators.
enum SimulatedGateways {
    /// The three carriers as the demo and the dispatch benchmark simulate them: China Mobile's ISMG
    /// (CMPP 3.0), China Unicom's SMG (SGIP 1.2), China Telecom's SMGW (SMGP 3.0).
    static let china: [(carrier: String, wire: CarrierProtocol)] = [("mobile", .cmpp3), ("unicom", .sgip), ("telecom", .smgp)]

    /// SGIP settings for a link to the SGIP simulator: the report listener on 127.0.0.1 (any free
    /// port) accepting the login the simulated SMG presents when it connects back (the
    /// simulator's defaults, `SGIPSimulator.Options`).
    static func sgip(nodeID: UInt32 = 3_075_512_345) -> SGIPSettings {
        let smg = SGIPSimulator.Options()
        return SGIPSettings(nodeID: nodeID, corpID: "12379", listenHost: "127.0.0.1", listenPort: 0,
                            smgLoginName: smg.loginName, smgPassword: smg.loginPassword)
    }
}

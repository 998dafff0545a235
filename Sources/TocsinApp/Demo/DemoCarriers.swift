import CarrierGateway
import CarrierSimulator
import Foundation
import TocsinCore

/// The carriers of `tocsin demo`, simulated in-process on 127.0.0.1: China Mobile's ISMG
/// (CMPP 3.0), China Unicom's SMG (SGIP 1.2) and China Telecom's SMGW (SMGP 3.0). Each carrier has
/// a production account (two connections) and a test account (drills and tests go only to test
/// links, DESIGN.md), each on its own simulator. Reports come 1–2 s after the submit, and a small
/// share fails (2 % UNDELIV, 1 % EXPIRED), as a real night looks on the console.
final class DemoCarriers: Sendable {
    struct Entry: Sendable {
        var link: LinkConfiguration
        var simulator: AnySimulator
    }

    let entries: [Entry]
    var links: [LinkConfiguration] { entries.map(\.link) }

    private init(entries: [Entry]) { self.entries = entries }

    /// Accounts fit each protocol's login field: CMPP's Source_Addr is a 6-digit SP id, SMGP's
    /// ClientID 8 characters.
    static let carriers: [(carrier: String, wire: CarrierProtocol, label: String, source: String, accounts: (String, String))] = [
        ("mobile", .cmpp3, "cmcc", "1065712379", ("912379", "912380")),
        ("unicom", .sgip, "cucc", "1065512379", ("cuccdemo", "cucctest")),
        ("telecom", .smgp, "ctcc", "1065912379", ("ctccdemo", "ctcctest")),
    ]

    /// Starts the six simulators on free ports and returns the links that reach them.
    static func start() async throws -> DemoCarriers {
        var entries: [Entry] = []
        for (index, c) in carriers.enumerated() {
            for test in [false, true] {
                let account = test ? c.accounts.1 : c.accounts.0
                let secret = "demo-\(account)"
                let simulator = AnySimulator.make(c.wire, configuration: SimulatorConfiguration(
                    accounts: [account: secret], windowSize: 32, reportDelay: .milliseconds(1_000 + 400 * index),
                    outcomes: OutcomeMix(delivered: 97, undeliverable: 2, expired: 1), keepAliveInterval: .seconds(30),
                    seed: UInt64(12_379 + index * 2 + (test ? 1 : 0)), dateStamp: CarrierDateStamp.now))
                let port = try await simulator.start()
                var link = LinkConfiguration(
                    name: test ? "\(c.label)-test" : "\(c.label)-1", carrier: c.carrier, wireProtocol: c.wire, host: "127.0.0.1", port: port,
                    account: account, secret: secret, sourceAddress: c.source, serviceID: "ALERT", window: 16,
                    connections: test ? 1 : 2, isTestLink: test, maxQueuedSubmits: 4096, reportBufferSize: 8192)
                if c.wire == .sgip {
                    link.sgip = SimulatedGateways.sgip(nodeID: test ? 3_075_512_346 : 3_075_512_345)
                }
                entries.append(Entry(link: link, simulator: simulator))
            }
        }
        return DemoCarriers(entries: entries)
    }

    /// Points each SGIP simulator at the report listener of its account.
    func connectReports(listenerPorts: [String: Int]) async {
        for entry in entries {
            if let port = listenerPorts[entry.link.name] { await entry.simulator.setReportTarget(host: "127.0.0.1", port: port) }
        }
    }

    func stop() async {
        for entry in entries { try? await entry.simulator.stop() }
    }
}

/// `YYMMDDhhmm` in Beijing time, the stamp carriers write in status reports.
enum CarrierDateStamp {
    @Sendable static func now() -> String {
        String(BeijingTime.format(Date()).filter(\.isNumber).dropFirst(2))
    }
}

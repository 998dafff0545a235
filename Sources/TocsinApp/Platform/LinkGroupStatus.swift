import CarrierGateway
import Foundation
import TocsinWeb

/// The console's link page and dashboard read the running link groups through this
/// (`LinkStatusSource`, defined in TocsinWeb, which does not know CarrierGateway). One row per
/// connection. The TPS shown is the accepted submits per second between two readings. SGIP reports
/// do not come over the account's connections but to its report listener (the SMG connects back),
/// so an SGIP account's rows show the listener's last report.
final class LinkGroupStatus: LinkStatusSource, @unchecked Sendable {
    private struct Sample {
        var at: Date
        var accepted: Int
    }

    private let groups: [LinkGroup]
    /// The SGIP report listener of each SGIP account, by account (link group) name.
    private let listeners: [String: SGIPListener]
    private let lock = NSLock()
    private var samples: [String: Sample] = [:]

    init(groups: [LinkGroup], listeners: [String: SGIPListener] = [:]) {
        self.groups = groups
        self.listeners = listeners
    }

    func linkStatuses() async -> [LinkStatus] {
        var rows: [LinkStatus] = []
        let now = Date()
        for group in groups {
            let account = await group.health()
            let configuration = group.configuration
            let perLinkLimit = account.tps > 0 ? Double(account.tps) / Double(max(1, account.links.count)) : 0
            let listener = await listeners[configuration.name]?.counters()
            for link in account.links {
                let tps = rate(link, now: now)
                let lastReport = listener.map(\.lastReportAt) ?? link.counters.lastReportAt
                rows.append(LinkStatus(
                    name: link.name, carrier: account.carrier, protocolName: Self.protocolName(configuration.wireProtocol),
                    state: Self.state(link.state), isTest: account.isTestLink, tps: tps, tpsLimit: perLinkLimit,
                    windowInUse: link.inFlight, windowSize: link.window,
                    errors: link.counters.rejected + link.counters.failed + link.counters.reconnects + link.counters.loginFailures,
                    lastError: link.lastError, lastReportAt: lastReport))
            }
        }
        return rows
    }

    /// Accepted submits per second since the previous reading of this link.
    private func rate(_ link: LinkHealth, now: Date) -> Double {
        lock.withLock {
            let previous = samples[link.name]
            samples[link.name] = Sample(at: now, accepted: link.counters.accepted)
            guard let previous, now.timeIntervalSince(previous.at) > 0.2 else { return 0 }
            return Double(max(0, link.counters.accepted - previous.accepted)) / now.timeIntervalSince(previous.at)
        }
    }

    static func state(_ state: LinkState) -> LinkStatus.State {
        switch state {
        case .bound: .bound
        case .degraded: .throttled
        case .idle, .connecting: .connecting
        case .down: .down
        case .draining, .stopped: .disabled
        }
    }

    static func protocolName(_ wire: CarrierProtocol) -> String {
        switch wire {
        case .cmpp2: "CMPP 2.0"
        case .cmpp3: "CMPP 3.0"
        case .sgip: "SGIP 1.2"
        case .smgp: "SMGP 3.0"
        case .smpp: "SMPP 3.4"
        }
    }
}

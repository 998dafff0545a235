import CarrierGateway
import Foundation
import TocsinWeb

/// The console's link page and dashboard read the running link groups through this
/// (`LinkStatusSource`, defined in TocsinWeb, which does not know CarrierGateway). One row per
/// connection. The TPS shown is the accepted submits per second between two readings; the time of
/// the last report is when the report counter last moved between readings.
final class LinkGroupStatus: LinkStatusSource, @unchecked Sendable {
    private struct Sample {
        var at: Date
        var accepted: Int
        var reports: Int
        var lastReportAt: Date?
    }

    private let groups: [LinkGroup]
    private let lock = NSLock()
    private var samples: [String: Sample] = [:]

    init(groups: [LinkGroup]) { self.groups = groups }

    func linkStatuses() async -> [LinkStatus] {
        var rows: [LinkStatus] = []
        let now = Date()
        for group in groups {
            let account = await group.health()
            let configuration = group.configuration
            let perLinkLimit = account.tps > 0 ? Double(account.tps) / Double(max(1, account.links.count)) : 0
            for link in account.links {
                let (tps, lastReport) = sample(link, now: now)
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

    /// Accepted submits per second since the previous reading of this link, and the last time its
    /// report counter moved.
    private func sample(_ link: LinkHealth, now: Date) -> (Double, Date?) {
        lock.withLock {
            let previous = samples[link.name]
            var next = Sample(at: now, accepted: link.counters.accepted, reports: link.counters.reportsReceived, lastReportAt: previous?.lastReportAt)
            if let previous, link.counters.reportsReceived > previous.reports { next.lastReportAt = now }
            if previous == nil, link.counters.reportsReceived > 0 { next.lastReportAt = now }
            samples[link.name] = next
            guard let previous, now.timeIntervalSince(previous.at) > 0.2 else { return (0, next.lastReportAt) }
            let rate = Double(max(0, link.counters.accepted - previous.accepted)) / now.timeIntervalSince(previous.at)
            return (rate, next.lastReportAt)
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

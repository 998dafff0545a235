import ArgumentParser
import CarrierGateway
import CarrierSimulator
import Foundation
import Logging
import NIOPosix
import SQLKit
import TocsinCore
import TocsinStorage

/// The benchmark's address book and warnings.
enum BenchBook {
    /// The shared kit's 39-character text, so SMPP runs compare with Kannel's.
    static let text = "Emergency alert test message 0123456789"

    /// `count` contacts in `region` with one number each, written by two set-based statements
    /// (seconds for a million). Numbers cycle 138/186/189 (mobile, unicom, telecom) with `mixed`.
    static func seed(_ store: Store, count: Int, region: String, mixed: Bool) async throws {
        let start = try await store.sql.raw("SELECT COALESCE(MAX(id), 0) AS m FROM contacts").first()?.decode(column: "m", as: Int.self) ?? 0
        let number = mixed
            ? "CAST((CASE id % 3 WHEN 0 THEN 13800000000 WHEN 1 THEN 18600000000 ELSE 18900000000 END) + id AS TEXT)"
            : "CAST(13800000000 + id AS TEXT)"
        try await store.transaction { db in
            try await db.raw("""
                WITH RECURSIVE s(i) AS (SELECT \(literal: start + 1) UNION ALL SELECT i + 1 FROM s WHERE i < \(literal: start + count))
                INSERT INTO contacts (id, name, region_code, row_hash, created_at, updated_at)
                SELECT i, 'c' || i, \(bind: region), '', 0, 0 FROM s
                """).run()
            try await db.raw("""
                INSERT INTO contact_numbers (number, contact_id, position) SELECT \(unsafeRaw: number), id, 0 FROM contacts WHERE id > \(bind: start)
                """).run()
        }
    }

    /// A warning to the contacts of `region`, valid for two hours, signature-free so the SMS is
    /// exactly `text`.
    static func warning(_ n: Int, region: String, level: WarningLevel, text: String) throws -> Warning {
        let unit = try IssuingUnitCode(regionCode: "110000", agencyCode: "001")
        let now = Date()
        let id = try WarningIdentifier(unit: unit, enteredAt: now.addingTimeInterval(TimeInterval(n)), sequence: n % 10)
        var w = Warning(id: id, hazardCode: "11B03", level: level, category: .natural, regionCodes: [region], headline: "bench \(n)",
                        smsText: text, signature: "", issuer: "bench", effective: now, expires: now.addingTimeInterval(7200),
                        targeting: TargetingRule(useHazardSubscriptions: false, regionCodes: [region]), author: "bench")
        w.state = .approved
        return w
    }
}

/// The benchmark's carrier accounts: in-process CMPP 3.0 / SGIP / SMGP simulators (one per
/// carrier, reports after 5 ms) with one link group each, or SMPP links to an external SMSC.
final class BenchCarriers: @unchecked Sendable {
    let groups: [LinkGroup]
    private let simulators: [(String, AnySimulator)]
    private let listeners: [SGIPListener]
    private let tasks: [Task<Void, any Error>]

    /// The simulators' own event loops (nil with an external SMSC).
    private let simulatorLoops: MultiThreadedEventLoopGroup?

    private init(groups: [LinkGroup], simulators: [(String, AnySimulator)], listeners: [SGIPListener], simulatorLoops: MultiThreadedEventLoopGroup? = nil) {
        self.simulatorLoops = simulatorLoops
        self.groups = groups
        self.simulators = simulators
        self.listeners = listeners
        tasks = groups.map { g in Task { try await g.run() } }
    }

    /// `tps` > 0 caps every account (the link's token bucket) and makes each simulator enforce the
    /// same cap, answering its flow-control code past it (counted as `throttled`).
    static func start(smpp: String?, links: Int, window: Int, tps: Int = 0,
                      acknowledgement: ReportAcknowledgementPolicy = .whenRecorded) async throws -> BenchCarriers {
        var logger = Logger(label: "tocsin.bench.links")
        logger.logLevel = .error
        func config(_ name: String, _ wire: CarrierProtocol, host: String, port: Int) -> LinkConfiguration {
            var c = LinkConfiguration(name: name, carrier: name, wireProtocol: wire, host: host, port: port, account: BenchAccount.account,
                                      secret: BenchAccount.secret, sourceAddress: "12379", tps: tps, window: window, connections: links,
                                      maxQueuedSubmits: 4096, reportBufferSize: 8192)
            c.reportAcknowledgement = acknowledgement // `tocsin serve` runs its links .whenRecorded
            return c
        }
        if let smpp {
            guard let colon = smpp.lastIndex(of: ":"), let port = Int(smpp[smpp.index(after: colon)...]) else {
                throw ValidationError("--smpp wants host:port, e.g. 127.0.0.1:2775")
            }
            let group = try LinkGroup(configuration: config("mobile", .smpp, host: String(smpp[..<colon]), port: port), logger: logger)
            return BenchCarriers(groups: [group], simulators: [], listeners: [])
        }
        var groups: [LinkGroup] = [], simulators: [(String, AnySimulator)] = [], listeners: [SGIPListener] = []
        // The carriers' side runs on event loops of its own, as it would in other processes: on
        // the shared two loops, three accounts and three simulators split unevenly, and the
        // account sharing its loop with two others' work fell behind and set the total time.
        let simulatorLoops = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        for (carrier, wire) in SimulatedGateways.china {
            let simulated = SimulatorConfiguration(
                accounts: [BenchAccount.account: BenchAccount.secret], windowSize: window, tps: tps,
                tpsBurst: tps > 0 ? max(1, tps / 10) : nil, reportDelay: .milliseconds(5))
            // Every carrier gets the same number of unanswered reports in flight: CMPP and SMGP
            // allow `reportWindow` per connection; the SGIP SMG has one callback connection, so
            // its window is the sum (with its default 32 the Unicom reports, answered only after
            // their commit, fell seconds behind the submits and set the total time).
            let sim = AnySimulator.make(wire, configuration: simulated, sgipCallbackWindow: simulated.reportWindow * links,
                                        eventLoopGroup: simulatorLoops)
            let port = try await sim.start()
            var c = config(carrier, wire, host: "127.0.0.1", port: port)
            if wire == .sgip {
                c.sgip = SimulatedGateways.sgip()
            }
            let group = try LinkGroup(configuration: c, logger: logger)
            if wire == .sgip {
                let listener = try SGIPListener(group: group, logger: logger)
                await sim.setReportTarget(host: "127.0.0.1", port: try await listener.start())
                listeners.append(listener)
            }
            groups.append(group)
            simulators.append((carrier, sim))
        }
        return BenchCarriers(groups: groups, simulators: simulators, listeners: listeners, simulatorLoops: simulatorLoops)
    }

    /// Waits until every connection is bound, so log-in is not in the figures.
    func waitBound(seconds: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        for g in groups {
            while await g.health().links.contains(where: { $0.state != .bound }) {
                guard ContinuousClock.now < deadline else { throw ValidationError("the links to \(g.configuration.host):\(g.configuration.port) did not bind within \(seconds) s") }
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    func describe() async -> String {
        guard !simulators.isEmpty else { return "external SMSC: its own summary has the counts" }
        var parts: [String] = []
        for (carrier, sim) in simulators {
            let c = await sim.counters()
            parts.append("\(carrier) accepted \(c.accepted) duplicates \(c.duplicates) reports \(c.reportsAcked) throttled \(c.throttled) window_exceeded \(c.windowExceeded)")
        }
        return "simulators: " + parts.joined(separator: "; ")
    }

    func stop() async {
        for g in groups { g.shutdownGracefully() }
        for t in tasks { _ = try? await t.value }
        for l in listeners { await l.stop() }
        for (_, s) in simulators { try? await s.stop() }
        try? await simulatorLoops?.shutdownGracefully()
    }
}

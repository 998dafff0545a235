import ArgumentParser
import CarrierGateway
import Foundation
import Logging
import TocsinCore
import TocsinDispatch
import TocsinStorage

/// `tocsin bench dispatch`: an approved warning to N recipients through the dispatcher on SQLite,
/// to the in-process CMPP 3.0, SGIP and SMGP simulators (reports on, several links per carrier,
/// no TPS cap) — or, with `--smpp HOST:PORT`, over SMPP links to an external SMSC such as the
/// shared kit's `sink_for_product.sh`. Prints SMS/s sustained, approval → first submit, total
/// time and peak RSS (docs/dispatch.md "Benchmark").
struct DispatchBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dispatch", abstract: "Dispatch one warning to N recipients end to end; print SMS/s, first-submit latency, total time, peak RSS.")
    @Option(help: "Recipients of the large warning.") var recipients = 1_000_000
    @Option(help: "Connections per carrier account.") var links = 4
    @Option(help: "Window per connection.") var window = 16
    @Option(help: "Small warnings (100 recipients each) dispatched one after another to measure approval → first submit.") var smallWarnings = 10
    @Option(help: "Send everything over SMPP links to this external SMSC (host:port) instead of the simulators; no small warnings.") var smpp: String?
    @Option(help: "SQLite file to use (default: a fresh file in a temporary folder, removed after).") var database: String?
    @Option(help: "Deliveries per claim.") var claimBatch = 500
    @Option(help: "Recipients per planning transaction (default: the dispatcher's, 2 000).") var planBatch: Int?
    @Option(help: "Group commit: how long a small batch waits to grow, in ms (default: the dispatcher's choice for the store, 0 on SQLite).") var gatherMs: Int?
    @Option(help: "Senders per window slot (1: a crash resends at most the windows; more: up to that many windows).") var workersPerSlot = 1
    @Flag(help: "Answer reports when they arrive instead of after their commit (faster, but a crash loses the reports in flight; for comparison only).") var ackOnReceipt = false
    @Option(help: "TPS cap per carrier account, enforced by the simulators too (0 = none); prints the rate achieved against the sum of the caps.") var tps = 0

    func run() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-bench-dispatch-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let options = DatabaseOptions(database: "sqlite:" + (database ?? (dir as NSString).appendingPathComponent("bench.sqlite")), auditKeyFile: nil)
        print("load average before: \(TargetBench.loadAverage())")
        try await withStore(options, requireSchema: false) { store in
            try await store.migrate()
            let seedStart = ContinuousClock.now
            try await BenchBook.seed(store, count: recipients, region: "110105", mixed: smpp == nil)
            if smpp == nil { try await BenchBook.seed(store, count: 100, region: "110108", mixed: true) }
            print("seeded \(recipients) contacts in \((ContinuousClock.now - seedStart).seconds.formatted2) s (\(options.database!))")
            // As `tocsin serve` does at start: targeting answers from the in-memory snapshot
            // (docs/targeting.md), built before the clock starts.
            store.targetingSnapshotPolicy = .background
            let snapshotStart = ContinuousClock.now
            try await store.prepareTargetingSnapshot()
            print("targeting snapshot built in \((ContinuousClock.now - snapshotStart).seconds.formatted2) s (as serve does at start)")
            let carriers = try await BenchCarriers.start(smpp: smpp, links: links, window: window, tps: tps,
                                                         acknowledgement: ackOnReceipt ? .onReceipt : .whenRecorded)
            try await carriers.waitBound(seconds: smpp == nil ? 10 : 120)
            var logger = Logger(label: "tocsin.bench.dispatch")
            logger.logLevel = .error
            var config = DispatcherConfiguration(claimBatch: claimBatch, groupCommitGather: gatherMs.map { .milliseconds($0) },
                                                 workersPerWindowSlot: workersPerSlot)
            if let planBatch { config.planBatch = max(1, planBatch) }
            let dispatcher = Dispatcher(store: store, accounts: carriers.groups, configuration: config, logger: logger)
            let runner = Task { try await dispatcher.run() }
            let rssBefore = PeakMemory.residentKiB()

            if smpp == nil, smallWarnings > 0 {
                var latencies: [Double] = []
                for k in 0..<smallWarnings {
                    let w = try BenchBook.warning(k + 1, region: "110108", level: .yellow, text: BenchBook.text)
                    let approved = Date()
                    try await dispatcher.dispatch(w, approvedAt: approved)
                    let p = try await waitFinished(dispatcher, w, report: false)
                    if let first = p.firstSubmitAt { latencies.append(first.timeIntervalSince(approved) * 1000) }
                }
                latencies.sort()
                print(String(format: "approval → first submit over %d small warnings of 100: p50 %.1f ms, p99 %.1f ms, max %.1f ms (target ≤ 20 ms)",
                             latencies.count, percentile(latencies, 0.5), percentile(latencies, 0.99), latencies.last ?? 0))
            }

            let big = try BenchBook.warning(0, region: "110105", level: .red, text: BenchBook.text)
            let approved = Date()
            let start = ContinuousClock.now
            try await dispatcher.dispatch(big, approvedAt: approved)
            let p = try await waitFinished(dispatcher, big, report: true)
            let total = (ContinuousClock.now - start).seconds
            dispatcher.shutdownGracefully()
            _ = try? await runner.value
            print(summary(p, approved: approved, total: total, rssBefore: rssBefore, accounts: carriers.groups.count))
            print(await carriers.describe())
            await carriers.stop()
            print("load average after: \(TargetBench.loadAverage())")
        }
    }

    private func waitFinished(_ dispatcher: Dispatcher, _ w: Warning, report: Bool) async throws -> DispatchProgress {
        var lastPrint = ContinuousClock.now
        while true {
            if let p = try await dispatcher.progress(of: w.id), p.isFinished { return p }
            try await Task.sleep(for: .milliseconds(report ? 50 : 1))
            if report, ContinuousClock.now - lastPrint >= .seconds(1), let p = try await dispatcher.progress(of: w.id) {
                lastPrint = ContinuousClock.now
                // Per carrier: still to send + submitted with the report not recorded yet (a growing
                // second figure means reports are recorded slower than submits are made; a carrier
                // whose first figure lags the others' will set the total time).
                let waiting = p.byCarrier.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.pending)+\($0.value.submitted)" }.joined(separator: ", ")
                FileHandle.standardError.write(Data("  planned \(p.total.planned) pending \(p.total.pending) submitted \(p.total.submitted) (\(waiting)) delivered \(p.total.delivered) failed \(p.total.failed)\n".utf8))
            }
        }
    }

    private func summary(_ p: DispatchProgress, approved: Date, total: Double, rssBefore: Int, accounts: Int) -> String {
        let first = p.firstSubmitAt.map { $0.timeIntervalSince(approved) } ?? .nan
        let last = p.lastSubmitAt.map { $0.timeIntervalSince(approved) } ?? .nan
        let sustained = Double(p.total.planned) / max(0.001, last - first)
        var lines = [
            "large warning: \(p.total.planned) recipients \(p.byCarrier.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.planned)" }.joined(separator: ", ")); " +
                "delivered \(p.total.delivered), failed \(p.total.failed), expired \(p.total.expired)",
            String(format: "  first submit %.0f ms after approval, last submit at %.2f s: %.0f SMS/s sustained (target ≥ 20 000)", first * 1000, last, sustained),
            String(format: "  total (approval → every report recorded) %.2f s (target ≤ 50 s for 1 000 000)", total),
        ]
        if tps > 0 {
            // Between the first and the last submit the accounts were never idle: the rate the caps allowed.
            let caps = tps * accounts
            lines.append(String(format: "  TPS caps: %d per account, %d in all: achieved %.1f%% of the caps (target ≥ 98%%; the simulators' throttled counts below must be 0)",
                                tps, caps, sustained / Double(caps) * 100))
        }
        if let d99 = p.delivered99At { lines.append(String(format: "  99 %% delivered at %.2f s", d99.timeIntervalSince(approved))) }
        lines.append("peak RSS \(PeakMemory.peakKiB() / 1024) MiB (resident before dispatching \(rssBefore / 1024) MiB; target ≤ 300 MB)")
        return lines.joined(separator: "\n")
    }

    private func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))]
    }
}

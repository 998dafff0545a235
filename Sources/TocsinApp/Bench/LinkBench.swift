import ArgumentParser
import CarrierGateway
import CarrierSimulator
import Foundation
import Logging

/// `tocsin bench link`: submits/s through one link and through several, against the in-process
/// carrier simulator on 127.0.0.1, with status reports on; or, with `--tps`, how close a capped
/// link gets to its configured rate without drawing a flow-control answer.
struct LinkBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "link", abstract: "Submits/s through 1 and N links against the in-process simulator.")
    @Option(help: "Protocol: smpp, cmpp2, cmpp3, sgip or smgp.") var proto = "smpp"
    @Option(help: "Messages per run.") var messages = 200_000
    @Option(help: "Link counts to measure, comma separated.") var links = "1,4"
    @Option(help: "Window per link.") var window = 16
    @Option(help: "TPS cap for the account (0 = none). With a cap, the run lasts --seconds.") var tps = 0
    @Option(help: "Duration of a TPS-capped run.") var seconds = 30
    @Flag(inversion: .prefixedNo, help: "Ask for status reports and wait for all of them.") var reports = true
    @Option(help: "SMPP only: an external SMSC host:port instead of the in-process simulator (e.g. ../shared/bench/sink_for_product.sh).") var target: String?

    func run() async throws {
        let linkCounts = links.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        guard !linkCounts.isEmpty else { throw ValidationError("--links wants counts like 1,4") }
        guard let wire = CarrierProtocol(rawValue: proto) else { throw ValidationError("unknown protocol \(proto)") }
        for count in linkCounts {
            let result = try await measure(wire, links: count)
            print(result)
        }
    }

    func measure(_ wire: CarrierProtocol, links count: Int) async throws -> String {
        // With a TPS cap the simulator enforces the same cap, so "no flow-control answer" means something.
        let simulator = AnySimulator.make(wire, configuration: SimulatorConfiguration(
            accounts: [BenchAccount.account: BenchAccount.secret], windowSize: window, tps: tps,
            tpsBurst: tps > 0 ? max(1, tps / 10) : nil, reportDelay: .milliseconds(5)))
        var host = "127.0.0.1"
        let port: Int
        if let target {
            guard wire == .smpp, let colon = target.lastIndex(of: ":"), let p = Int(target[target.index(after: colon)...]) else {
                throw ValidationError("--target wants host:port and --proto smpp")
            }
            host = String(target[..<colon])
            port = p
        } else {
            port = try await simulator.start()
        }
        var logger = Logger(label: "tocsin.bench")
        logger.logLevel = .error
        var config = LinkConfiguration(name: "bench", carrier: "sim", wireProtocol: wire, host: host, port: port,
                                       account: BenchAccount.account, secret: BenchAccount.secret, sourceAddress: "12379",
                                       tps: tps, window: window, connections: count, maxQueuedSubmits: 4096, reportBufferSize: 8192)
        if wire == .sgip {
            config.sgip = SimulatedGateways.sgip()
        }
        let group = try LinkGroup(configuration: config, logger: logger)
        let runner = Task { try await group.run() }
        defer { runner.cancel() }
        var listener: SGIPListener?
        if wire == .sgip {
            let l = try SGIPListener(group: group, logger: logger)
            await simulator.setReportTarget(host: "127.0.0.1", port: try await l.start())
            listener = l
        }

        let total = tps > 0 ? tps * seconds : messages
        let content = Array("Emergency alert test message 0123456789".utf8)
        let counter = Counter()
        let workers = max(8, count * window * 2)
        let reportsWanted = reports ? total : 0
        let reportTask = Task { () -> Int in
            var n = 0
            guard reportsWanted > 0 else { return 0 }
            for await report in group.reports {
                if case .status = report { n += 1 }
                if n >= reportsWanted { break }
            }
            return n
        }
        // Wait until every connection is bound, so start-up is not in the figure.
        let bindDeadline = ContinuousClock.now + .seconds(10)
        while await group.health().links.filter({ $0.state == .bound }).count < count, ContinuousClock.now < bindDeadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let start = ContinuousClock.now
        let (accepted, failed) = try await withThrowingTaskGroup(of: (Int, Int).self) { tasks in
            for _ in 0..<workers {
                tasks.addTask {
                    var ok = 0, bad = 0
                    while let i = counter.next(limit: total) {
                        let message = OutboundMessage(destination: String(format: "86138%08d", i), content: content, dataCoding: 0,
                                                      requestReport: reportsWanted > 0)
                        do {
                            if case .accepted = try await group.submit(message) { ok += 1 } else { bad += 1 }
                        } catch { bad += 1 }
                    }
                    return (ok, bad)
                }
            }
            var sum = (0, 0)
            for try await r in tasks { sum.0 += r.0; sum.1 += r.1 }
            return sum
        }
        let submitted = ContinuousClock.now - start
        let reportTimeout = Task { try await Task.sleep(for: .seconds(60)); reportTask.cancel() }
        let received = await reportTask.value
        reportTimeout.cancel()
        let all = ContinuousClock.now - start
        let counters = await simulator.counters()
        group.shutdownGracefully()
        _ = try? await runner.value
        await listener?.stop()
        if target == nil { try await simulator.stop() }

        let rate = Double(accepted) / submitted.seconds
        var line = "\(wire.rawValue) links=\(count) window=\(window) messages=\(total): accepted=\(accepted) failed=\(failed) "
            + "in \(submitted.seconds.formatted2) s = \(Int(rate)) submits/s"
        if reportsWanted > 0 { line += "; reports \(received)/\(reportsWanted) by \(all.seconds.formatted2) s" }
        if target == nil {
            line += "; simulator: throttled=\(counters.throttled) window_exceeded=\(counters.windowExceeded) duplicates=\(counters.duplicates)"
        } else {
            line += "; external SMSC \(host):\(port) (its own summary has the counts)"
        }
        if tps > 0 {
            let pct = rate / Double(tps) * 100
            line += String(format: "; %.1f%% of the %d TPS cap (target ≥ 98%%, 0 throttled)", pct, tps)
        }
        return line
    }
}

/// Hands out message numbers 0..<limit to concurrent workers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next(limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// Credentials of the benchmark's simulated account.
enum BenchAccount {
    static let account = "bench"
    static let secret = "bench123"
}

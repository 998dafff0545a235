import ArgumentParser
import CarrierGateway
import CarrierSimulator
import Foundation

/// `tocsin simulate PROTO`: a carrier gateway on this machine, for demos, interop and load tests.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a simulated carrier gateway: SMPP SMSC, China Mobile CMPP 2.0/3.0 ISMG, China Unicom SGIP SMG, China Telecom SMGP SMGW.",
        discussion: "Prints its counters every --report-every seconds and when it stops (Ctrl-C or --duration)."
    )

    @Argument(help: "smpp, cmpp2, cmpp3, sgip or smgp") var proto: String
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port (0 = any free port; printed).") var port = 2775
    @Option(help: "Accounts as id:secret, comma separated.") var accounts = "tocsin:s3cret79"
    @Option(help: "Window (outstanding submits per connection) before flow-control answers.") var window = 16
    @Option(help: "Reports/MO unanswered per connection before the rest wait (CMPP, SMGP, SMPP; SGIP has its own callback window).") var reportWindow = 64
    @Option(help: "Submits per second per account before throttle answers (0 = unlimited).") var tps = 0
    @Option(help: "Delay before each status report, milliseconds.") var reportDelayMs = 200
    @Option(help: "Outcome weights delivered,undeliverable,expired,none.") var outcomes = "100,0,0,0"
    @Option(help: "Drop each connection after this many PDUs (fault injection).") var dropEvery: Int?
    @Option(help: "Answer this fraction of submits with an error (0…1).") var errorRate = 0.0
    @Option(help: "Refuse logins for this many seconds from the first login attempt.") var refuseLoginsFor: Int?
    @Option(help: "Send own keep-alives every this many seconds.") var keepAlive: Int?
    @Option(help: "Message ids: hex or decimal.") var ids = "hex"
    @Option(help: "SGIP: host of the SP's report listener the SMG connects back to.") var reportHost = "127.0.0.1"
    @Option(help: "SGIP: port of the SP's report listener.") var reportPort: Int?
    @Option(help: "Stop by itself after this many seconds (0 = run until Ctrl-C).") var duration = 0
    @Option(help: "Print counters every this many seconds (0 = only at the end).") var reportEvery = 5

    func run() async throws {
        guard let wire = CarrierProtocol(rawValue: proto) else {
            throw ValidationError("unknown protocol '\(proto)'; use smpp, cmpp2, cmpp3, sgip or smgp")
        }
        var accountMap: [String: String] = [:]
        for pair in accounts.split(separator: ",") {
            let parts = pair.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { throw ValidationError("--accounts wants id:secret pairs, got '\(pair)'") }
            accountMap[String(parts[0])] = String(parts[1])
        }
        let weights = outcomes.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) ?? -1 }
        guard weights.count == 4, weights.allSatisfy({ $0 >= 0 }), weights.reduce(0, +) > 0 else {
            throw ValidationError("--outcomes wants four non-negative weights: delivered,undeliverable,expired,none")
        }
        let config = SimulatorConfiguration(
            accounts: accountMap, windowSize: window, reportWindow: reportWindow, tps: tps, reportDelay: .milliseconds(reportDelayMs),
            outcomes: OutcomeMix(delivered: weights[0], undeliverable: weights[1], expired: weights[2], none: weights[3]),
            keepAliveInterval: keepAlive.map { .seconds($0) }, messageIDStyle: ids == "decimal" ? .decimal : .hexadecimal,
            faults: FaultPlan(dropEvery: dropEvery, errorRate: errorRate, refuseLoginsFor: refuseLoginsFor.map { .seconds($0) }),
            dateStamp: { SimulateCommand.dateStamp() })
        let simulator = AnySimulator.make(wire, configuration: config, reportHost: reportHost, reportPort: reportPort)
        let bound = try await simulator.start(host: host, port: port)
        print("simulating \(proto) on \(host):\(bound) for \(accountMap.count) account(s); Ctrl-C stops")
        flushStandardOutput()

        let signals = SignalWaiter([SIGINT, SIGTERM])
        let started = ContinuousClock.now
        while true {
            let stop = await signals.wait(timeout: .seconds(reportEvery > 0 ? reportEvery : 1))
            let elapsed = ContinuousClock.now - started
            let timeUp = duration > 0 && elapsed >= .seconds(duration)
            if stop || timeUp { break }
            if reportEvery > 0 { print(Self.describe(await simulator.counters())); flushStandardOutput() }
        }
        let final = await simulator.counters()
        try await simulator.stop()
        print("final: " + Self.describe(final))
    }

    static func describe(_ c: SimulatorCounters) -> String {
        "logins ok=\(c.loginsOK) failed=\(c.loginsFailed) submits=\(c.submitsReceived) accepted=\(c.accepted) segments=\(c.segments) "
            + "duplicates=\(c.duplicates) throttled=\(c.throttled) reports sent=\(c.reportsSent) acked=\(c.reportsAcked) "
            + "held=\(c.reportsHeldByWindow) "
            + "mo=\(c.mosSent) drops=\(c.connectionsDropped)"
    }

    /// YYMMDDhhmm in Beijing time, for receipt texts.
    static func dateStamp() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "yyMMddHHmm"
        return f.string(from: Date())
    }
}

/// Waits for POSIX signals without a global handler: the signals are blocked and polled with
/// sigtimedwait-like behaviour through a DispatchSource.
final class SignalWaiter: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var sources: [DispatchSourceSignal] = []

    init(_ signals: [Int32]) {
        for s in signals {
            signal(s, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: s, queue: .global())
            source.setEventHandler { [weak self] in self?.markFired() }
            source.resume()
            sources.append(source)
        }
    }

    /// True once a signal arrived; otherwise sleeps up to `timeout` polling every 100 ms.
    func wait(timeout: Duration) async -> Bool {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if isFired() { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return isFired()
    }

    private func markFired() { lock.withLock { fired = true } }
    private func isFired() -> Bool { lock.withLock { fired } }
}

/// Flushes stdout so progress lines show up in pipes and logs right away.
func flushStandardOutput() {
    fflush(nil)
}

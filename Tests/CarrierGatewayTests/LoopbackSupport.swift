import CarrierGateway
import CarrierSession
import CarrierSimulator
import CarrierWire

/// Shared set-up for the SMPP loopback tests: a simulator on 127.0.0.1 (free port) and links with
/// short timers, so every test stops by itself within seconds.
enum Loopback {
    static let account = "esme01"
    static let secret = "pwd12345"

    static func simulator(_ configure: (inout SimulatorConfiguration) -> Void = { _ in }) async throws -> (SMPPSimulator, Int) {
        // No reports unless a test asks for them: unconsumed reports would fill the buffer and bounce.
        var configuration = SimulatorConfiguration(accounts: [account: secret], reportDelay: .milliseconds(50),
                                                   outcomes: OutcomeMix(delivered: 0, none: 1))
        configure(&configuration)
        let simulator = SMPPSimulator(configuration: configuration)
        let port = try await simulator.start()
        return (simulator, port)
    }

    static func configuration(port: Int, secret: String = Loopback.secret, window: Int = 16,
                              _ configure: (inout LinkConfiguration) -> Void = { _ in }) -> LinkConfiguration {
        let fast = BackoffPolicy(initial: .milliseconds(50), multiplier: 2, maximum: .milliseconds(200), jitter: 0.2)
        var configuration = LinkConfiguration(
            name: "sim", carrier: "simulated", wireProtocol: .smpp, host: "127.0.0.1", port: port,
            account: account, secret: secret, sourceAddress: "12379", window: window,
            session: SessionParameters(
                windowSize: window, responseTimeout: .seconds(5), maxAttempts: 1,
                keepAlive: KeepAliveParameters(interval: .seconds(30), timeout: .seconds(5), maxAttempts: 3),
                connectTimeout: .seconds(2), loginTimeout: .seconds(2), drainTimeout: .seconds(3),
                terminateTimeout: .seconds(1)),
            reconnectBackoff: fast, loginFailureBackoff: fast, throttlePause: .milliseconds(200))
        configure(&configuration)
        return configuration
    }

    static func message(_ index: Int, validity: Duration? = nil) -> OutboundMessage {
        let text = Array("warning #\(index)".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        return OutboundMessage(destination: "86138\(String(10_000_000 + index))", content: text, validity: validity)
    }

    /// Runs `group` while `body` runs, then shuts it down gracefully and waits for `run()` to return.
    static func running<T: Sendable>(_ group: LinkGroup, _ body: () async throws -> T) async throws -> T {
        let runner = Task { try await group.run() }
        do {
            let result = try await body()
            group.shutdownGracefully()
            try await runner.value
            return result
        } catch {
            runner.cancel()
            _ = try? await runner.value
            throw error
        }
    }

    /// Samples the first link every 25 ms until cancelled: how often its window was full while
    /// callers were waiting (submits queued in the account). A sample with nobody waiting says
    /// nothing about the link — on a loaded machine the test's own callers may lag — and is not
    /// counted.
    static func windowSampler(_ group: LinkGroup) -> Task<(full: Int, taken: Int), Never> {
        Task {
            var full = 0, taken = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(25))
                let health = await group.health()
                guard let link = health.links.first, health.queued > 0 else { continue }
                taken += 1
                if link.inFlight == link.window { full += 1 }
            }
            return (full, taken)
        }
    }

    /// Polls `condition` every 20 ms until it holds or `timeout` passes. - Throws: `TimedOut`.
    static func eventually(_ timeout: Duration = .seconds(10), _ condition: () async -> Bool) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TimedOut()
    }

    struct TimedOut: Error {}

    /// Reads status reports (MO is skipped) until `count` have come or the stream ends; `each`
    /// runs on every one as it arrives (to acknowledge it, say).
    static func statusReports(_ count: Int, from reports: inout ReportStream.AsyncIterator,
                              _ each: (StatusReport) -> Void = { _ in }) async -> [StatusReport] {
        var read: [StatusReport] = []
        while read.count < count, let item = await reports.next() {
            guard case .status(let report) = item else { continue }
            each(report)
            read.append(report)
        }
        return read
    }

    /// `statusReports(_:from:_:)` on a fresh iterator of `group`'s report stream.
    static func statusReports(_ count: Int, from group: LinkGroup, _ each: (StatusReport) -> Void = { _ in }) async -> [StatusReport] {
        var iterator = group.reports.makeAsyncIterator()
        return await statusReports(count, from: &iterator, each)
    }

    /// Submits `indices` with `workers` concurrent callers; returns each index's result.
    static func submitAll(_ group: LinkGroup, _ indices: [Int], workers: Int,
                          message: @escaping @Sendable (Int) -> OutboundMessage = { Loopback.message($0) })
        async -> [Int: Result<SubmitOutcome, Error>]
    {
        await withTaskGroup(of: [(Int, Result<SubmitOutcome, Error>)].self) { tasks in
            for worker in 0..<workers {
                let mine = indices.enumerated().filter { $0.offset % workers == worker }.map(\.element)
                tasks.addTask {
                    var results: [(Int, Result<SubmitOutcome, Error>)] = []
                    for index in mine {
                        do { results.append((index, .success(try await group.submit(message(index))))) }
                        catch { results.append((index, .failure(error))) }
                    }
                    return results
                }
            }
            var all: [Int: Result<SubmitOutcome, Error>] = [:]
            for await part in tasks { for (index, result) in part { all[index] = result } }
            return all
        }
    }

    /// The `SubmitError`s among `results`.
    static func submitErrors(_ results: [Int: Result<SubmitOutcome, Error>]) -> [SubmitError] {
        results.values.compactMap { result in
            guard case .failure(let error) = result else { return nil }
            return error as? SubmitError
        }
    }
}

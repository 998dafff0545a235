import CarrierGateway
import CarrierSimulator
import Foundation
import Logging
import TocsinCore
import TocsinStorage
@testable import TocsinDispatch

/// One in-process SMPP carrier account on 127.0.0.1: a simulator and a link group to it.
final class SimulatedAccount: @unchecked Sendable {
    let simulator: SMPPSimulator
    let port: Int
    let carrier: String
    let isTestLink: Bool
    let connections: Int
    let window: Int
    private(set) var group: LinkGroup
    private(set) var account: RecordingAccount
    private var task: Task<Void, any Error>

    init(carrier: String = "mobile", name: String? = nil, isTestLink: Bool = false, connections: Int = 1, window: Int = 8,
         simulator configuration: SimulatorConfiguration? = nil) async throws {
        let config = configuration ?? SimulatorConfiguration(accounts: [DispatchFixture.account: DispatchFixture.secret], reportDelay: .milliseconds(5))
        simulator = SMPPSimulator(configuration: config)
        port = try await simulator.start(host: "127.0.0.1", port: 0)
        self.carrier = carrier
        self.isTestLink = isTestLink
        self.connections = connections
        self.window = window
        let link = Self.configuration(name: name ?? "\(carrier)\(isTestLink ? "-test" : "")", carrier: carrier, port: port,
                                      isTestLink: isTestLink, connections: connections, window: window)
        group = try LinkGroup(configuration: link, logger: DispatchFixture.quietLogger)
        account = RecordingAccount(group)
        let g = group
        task = Task { try await g.run() }
    }

    static func configuration(name: String, carrier: String, port: Int, isTestLink: Bool, connections: Int, window: Int) -> LinkConfiguration {
        var c = LinkConfiguration(name: name, carrier: carrier, wireProtocol: .smpp, host: "127.0.0.1", port: port,
                                  account: DispatchFixture.account, secret: DispatchFixture.secret, sourceAddress: "12379",
                                  window: window, connections: connections, isTestLink: isTestLink, throttlePause: .milliseconds(20),
                                  maxQueuedSubmits: 4096, reportBufferSize: 4096)
        c.reconnectBackoff = .init(initial: .milliseconds(20), multiplier: 2, maximum: .milliseconds(200), jitter: 0.1)
        c.reportAcknowledgement = .whenRecorded
        return c
    }

    /// Abandons the link group at once (in-flight submits fail) and connects a new one.
    func reconnect() async throws {
        task.cancel()
        _ = try? await task.value
        let link = group.configuration
        group = try LinkGroup(configuration: link, logger: DispatchFixture.quietLogger)
        account = RecordingAccount(group)
        let g = group
        task = Task { try await g.run() }
    }

    func shutdown() async {
        group.shutdownGracefully()
        _ = try? await task.value
        try? await simulator.stop()
    }
}

/// A dispatcher over some simulated accounts, run in a task.
final class DispatchRun: @unchecked Sendable {
    let dispatcher: Dispatcher
    let observer = RecordingObserver()
    private let task: Task<Void, any Error>

    init(store: Store, accounts: [any CarrierAccount], clock: any WallClock = ShiftedClock(),
         configuration: DispatcherConfiguration = DispatchRun.fast) {
        dispatcher = Dispatcher(store: store, accounts: accounts, configuration: configuration, clock: clock, observer: observer,
                                logger: DispatchFixture.quietLogger)
        let d = dispatcher
        task = Task { try await d.run() }
    }

    /// Short timers for tests.
    static var fast: DispatcherConfiguration {
        DispatcherConfiguration(claimBatch: 100, planBatch: 500, firstPlanBatch: 50, leaseDuration: .seconds(3),
                                retryBackoff: [.milliseconds(20), .milliseconds(50)], unmatchedReportTTL: .seconds(30),
                                sweepInterval: .milliseconds(50), idlePoll: .milliseconds(50))
    }

    func stop() async {
        dispatcher.shutdownGracefully()
        _ = try? await task.value
    }

    /// Like a crash: the run is cancelled where it is, nothing more is written.
    func abandon() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Waits until `condition` holds (polling), at most `seconds`; false on timeout.
    func wait(seconds: Double = 30, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }

    func progress(_ w: Warning) async throws -> DispatchProgress? { try await dispatcher.progress(of: w.id) }

    /// Waits until the warning's dispatch has finished.
    func finished(_ w: Warning, seconds: Double = 60) async throws -> DispatchProgress? {
        _ = try await wait(seconds: seconds) { try await progress(w)?.isFinished == true }
        return try await progress(w)
    }

    func ledger(_ w: Warning) async throws -> [DeliveryLedgerEntry] {
        try await dispatcher.ledger(of: w.id, after: nil, limit: 1_000_000)
    }
}

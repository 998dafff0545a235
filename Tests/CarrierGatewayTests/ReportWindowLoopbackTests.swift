import CarrierGateway
import CarrierSimulator
import Testing

/// The CMPP, SMGP and SMPP simulators' report window (``SimulatorConfiguration/reportWindow``)
/// against links that answer reports only when told (`.whenRecorded`): a client that answers
/// nothing gets exactly the window's worth, the rest follow its answers, and what it left
/// unanswered comes again on its next connection.
@Suite(.timeLimit(.minutes(1)))
struct ReportWindowLoopbackTests {
    /// The protocols whose simulators share the window, set up alike.
    enum Windowed: String, CaseIterable, Sendable {
        case smpp, cmpp, smgp

        /// A started simulator on 127.0.0.1 whose every submit gets a report 20 ms later, at most
        /// `reportWindow` unanswered per connection; its counters and its stop.
        func simulator(reportWindow: Int) async throws -> (port: Int, counters: @Sendable () async -> SimulatorCounters,
                                                            stop: @Sendable () async throws -> Void) {
            let configure: (inout SimulatorConfiguration) -> Void = {
                $0.reportDelay = .milliseconds(20)
                $0.outcomes = OutcomeMix(delivered: 1)
                $0.reportWindow = reportWindow
            }
            switch self {
            case .smpp:
                let (simulator, port) = try await Loopback.simulator(configure)
                return (port, { await simulator.counters() }, { try await simulator.stop() })
            case .cmpp:
                let (simulator, port) = try await CMPPLoopback.simulator(.cmpp3, configure)
                return (port, { await simulator.counters() }, { try await simulator.stop() })
            case .smgp:
                let (simulator, port) = try await SMGPLoopback.simulator(configure)
                return (port, { await simulator.counters() }, { try await simulator.stop() })
            }
        }

        /// One link to the simulator on `port`, answering reports only when they are acknowledged.
        func group(port: Int) throws -> LinkGroup {
            let recorded: (inout LinkConfiguration) -> Void = { $0.reportAcknowledgement = .whenRecorded }
            return switch self {
            case .smpp: try LinkGroup(configuration: Loopback.configuration(port: port, recorded))
            case .cmpp: try CMPPLoopback.group(CMPPLoopback.configuration(.cmpp3, port: port, recorded))
            case .smgp: try SMGPLoopback.group(SMGPLoopback.configuration(port: port, recorded))
            }
        }
    }

    static let window = 4
    static let total = 13

    /// Submits `total` messages on `group` and returns their ids.
    private func submitAll(_ group: LinkGroup) async -> Set<String> {
        let results = await Loopback.submitAll(group, Array(0..<Self.total), workers: 4)
        return Set(results.values.compactMap { try? $0.get().messageID })
    }

    /// Waits until every report is due: the window's worth written, the others held for room.
    /// Nothing can be written beyond the window meanwhile, since nothing has been answered.
    private func waitForTheWindowToHoldTheRest(_ counters: @Sendable () async -> SimulatorCounters) async throws {
        try await Loopback.eventually(.seconds(20)) {
            await counters().reportsHeldByWindow == Self.total - Self.window
        }
        let snapshot = await counters()
        #expect(snapshot.reportsSent == Self.window, "only the window's worth written while nothing is answered")
        #expect(snapshot.reportsAcked == 0)
    }

    @Test(.serialized, arguments: Windowed.allCases)  // one protocol at a time: the machine is shared
    func unansweredReportsStopAtTheWindowAndTheRestFollowTheAnswers(_ windowed: Windowed) async throws {
        let simulator = try await windowed.simulator(reportWindow: Self.window)
        let group = try windowed.group(port: simulator.port)
        let (ids, reports) = try await Loopback.running(group) {
            let ids = await submitAll(group)
            var iterator = group.reports.makeAsyncIterator()
            let first = await Loopback.statusReports(Self.window, from: &iterator)
            try await waitForTheWindowToHoldTheRest(simulator.counters)
            for report in first { report.acknowledgement?.acknowledge() }
            let rest = await Loopback.statusReports(Self.total - Self.window, from: &iterator) { $0.acknowledgement?.acknowledge() }
            try await Loopback.eventually(.seconds(20)) { await simulator.counters().reportsAcked == Self.total }
            return (ids, first + rest)
        }
        #expect(ids.count == Self.total)
        #expect(reports.count == Self.total)
        #expect(Set(reports.map(\.messageID)) == ids, "every submit's report, none twice")
        let counters = await simulator.counters()
        #expect(counters.reportsSent == Self.total)
        #expect(counters.reportsAcked == Self.total)
        #expect(counters.reportsHeldByWindow == Self.total - Self.window)
        try await simulator.stop()
    }

    @Test(.serialized, arguments: Windowed.allCases)
    func unansweredReportsComeAgainInOrderAfterAReconnect(_ windowed: Windowed) async throws {
        let simulator = try await windowed.simulator(reportWindow: Self.window)
        let first = try windowed.group(port: simulator.port)
        let runner = Task { try await first.run() }
        let ids = await submitAll(first)
        var iterator = first.reports.makeAsyncIterator()
        let unanswered = await Loopback.statusReports(Self.window, from: &iterator)
        try await waitForTheWindowToHoldTheRest(simulator.counters)
        // A crash: the link goes away with its window of reports unanswered.
        runner.cancel()
        _ = try? await runner.value

        let second = try windowed.group(port: simulator.port)
        let again = try await Loopback.running(second) {
            var iterator = second.reports.makeAsyncIterator()
            let again = await Loopback.statusReports(Self.total, from: &iterator) { $0.acknowledgement?.acknowledge() }
            try await Loopback.eventually(.seconds(20)) { await simulator.counters().reportsAcked == Self.total }
            return again
        }
        #expect(ids.count == Self.total)
        #expect(Set(again.map(\.messageID)) == ids, "every report on the new connection, none twice")
        #expect(again.count == Self.total)
        let firstIDs = unanswered.map(\.messageID)
        #expect(again.map(\.messageID).filter(firstIDs.contains) == firstIDs, "the unanswered ones again, in their order")
        let counters = await simulator.counters()
        #expect(counters.reportsSent == Self.total + Self.window)
        #expect(counters.reportsAcked == Self.total)
        try await simulator.stop()
    }
}

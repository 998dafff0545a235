import CarrierGateway
import CarrierSimulator
import Testing

/// `reportAcknowledgement: .whenRecorded`: the carrier hears about a report only when the
/// consumer acknowledges it, and a report left unanswered when the link goes away (a crash) is
/// delivered again on the next connection.
@Suite(.timeLimit(.minutes(1)))
struct ReportAcknowledgementTests {
    @Test func smppReportsAreAnsweredWhenRecordedAndComeAgainAfterACrash() async throws {
        let (simulator, port) = try await Loopback.simulator {
            $0.reportDelay = .milliseconds(20)
            $0.outcomes = OutcomeMix(delivered: 1)
        }
        let configuration = Loopback.configuration(port: port) { $0.reportAcknowledgement = .whenRecorded }
        let total = 20, answeredCount = 8
        let first = try LinkGroup(configuration: configuration)
        let runner = Task { try await first.run() }
        let results = await Loopback.submitAll(first, Array(0..<total), workers: 4)
        let ids = Set(results.values.compactMap { try? $0.get().messageID })
        #expect(ids.count == total)
        let reports = await Loopback.statusReports(total, from: first)
        #expect(reports.allSatisfy { $0.acknowledgement != nil })
        for report in reports.prefix(answeredCount) { report.acknowledgement?.acknowledge() }
        try await Loopback.eventually { await simulator.counters().reportsAcked >= answeredCount }
        #expect(await simulator.counters().reportsAcked == answeredCount, "only the acknowledged reports were answered")
        // A crash: the link goes away with the rest unanswered.
        runner.cancel()
        _ = try? await runner.value
        reports.last?.acknowledgement?.acknowledge() // too late: its connection is gone, nothing is sent

        let second = try LinkGroup(configuration: configuration)
        let again = try await Loopback.running(second) {
            let again = await Loopback.statusReports(total - answeredCount, from: second) { $0.acknowledgement?.acknowledge() }
            try await Loopback.eventually { await simulator.counters().reportsAcked == total }
            return again
        }
        let answered = Set(reports.prefix(answeredCount).map(\.messageID))
        #expect(Set(again.map(\.messageID)) == ids.subtracting(answered))
        let counters = await simulator.counters()
        #expect(counters.reportsSent == total + (total - answeredCount))
        #expect(counters.reportsAcked == total)
        try await simulator.stop()
    }

    @Test func sgipListenerAnswersWhenRecorded() async throws {
        let (simulator, port) = try await SGIPLoopback.simulator { configuration, _ in
            configuration.reportDelay = .milliseconds(20)
            configuration.outcomes = OutcomeMix(delivered: 1)
        }
        let configuration = SGIPLoopback.configuration(port: port) { $0.reportAcknowledgement = .whenRecorded }
        let total = 12, answeredCount = 5
        let (group, listener) = try SGIPLoopback.link(configuration)
        let reports = try await SGIPLoopback.running(group, listener, simulator) {
            let results = await Loopback.submitAll(group, Array(0..<total), workers: 4) { SGIPLoopback.message($0) }
            #expect(results.values.allSatisfy { (try? $0.get().messageID) != nil })
            let reports = await Loopback.statusReports(total, from: group)
            for report in reports.prefix(answeredCount) { report.acknowledgement?.acknowledge() }
            try await Loopback.eventually { await simulator.counters().reportsAcked >= answeredCount }
            #expect(await simulator.counters().reportsAcked == answeredCount, "only the acknowledged reports were answered")
            return reports
        }
        // The listener stopped with the rest unanswered: a new one gets them again.
        let (next, nextListener) = try SGIPLoopback.link(configuration)
        let again = try await SGIPLoopback.running(next, nextListener, simulator) {
            let again = await Loopback.statusReports(total - answeredCount, from: next) { $0.acknowledgement?.acknowledge() }
            try await Loopback.eventually { await simulator.counters().reportsAcked == total }
            return again
        }
        #expect(Set(again.map(\.messageID)) == Set(reports.dropFirst(answeredCount).map(\.messageID)))
        #expect(await simulator.counters().reportsAcked == total)
        try await simulator.stop()
    }
}

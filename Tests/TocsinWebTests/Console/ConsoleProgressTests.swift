import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
import TocsinStorage
import TocsinTestSupport
@testable import TocsinWeb

/// A dispatcher that "sent" every approved warning: fixed counters (finished) and a ledger of
/// three recipients, one failed.
final class FinishedDispatcher: WarningDispatcher, @unchecked Sendable {
    private let lock = NSLock()
    private var dispatched: Set<WarningIdentifier> = []

    func dispatch(_ warning: Warning, approvedAt: Date) async throws { _ = lock.withLock { dispatched.insert(warning.id) } }
    func stop(_ id: WarningIdentifier, reason: String, at: Date) async throws {}

    func progress(of id: WarningIdentifier) async throws -> DispatchProgress? {
        guard lock.withLock({ dispatched.contains(id) }) else { return nil }
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        return DispatchProgress(warningID: id, total: .init(planned: 3, delivered: 2, failed: 1, acknowledged: 1),
                                byCarrier: ["mobile": .init(planned: 2, delivered: 2, acknowledged: 1), "telecom": .init(planned: 1, failed: 1)],
                                approvedAt: t0, firstSubmitAt: t0.addingTimeInterval(1), lastSubmitAt: t0.addingTimeInterval(2),
                                delivered50At: t0.addingTimeInterval(3), isFinished: true)
    }

    func ledger(of id: WarningIdentifier, after: Int64?, limit: Int) async throws -> [DeliveryLedgerEntry] {
        let all = [
            DeliveryLedgerEntry(seq: 1, number: "13800138000", carrier: "mobile", contactID: 1, state: "delivered", attempts: 1, statusCode: "DELIVRD"),
            DeliveryLedgerEntry(seq: 2, number: "13900139000", carrier: "mobile", contactID: 2, state: "delivered", attempts: 1, statusCode: "DELIVRD"),
            DeliveryLedgerEntry(seq: 3, number: "18900189000", carrier: "telecom", contactID: 3, state: "failed", attempts: 3, statusCode: "UNDELIV",
                                reason: "handset unreachable"),
        ]
        return Array(all.filter { $0.seq > (after ?? 0) }.prefix(limit))
    }
}

@Suite struct ConsoleProgressTests {
    @Test(arguments: TestEngine.available)
    func detailShowsBarsCurveLedgerAndEventsStream(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine, dispatcher: FinishedDispatcher()) { h, client in
            let author = try await h.login(client, "author")
            let id = try await h.submittedWarning(client, by: author)
            let reviewer = try await h.login(client, "reviewer")
            let version = try #require(try await h.store.warning(id: id)).version
            let approve = try await h.post(client, "/console/review/\(id)/approve", reviewer, [("version", "\(version)")], csrf: reviewer.csrf)
            #expect(approve.headers[.location]?.contains("done=approved_started") == true)

            let html = String(buffer: try await h.get(client, "/console/warnings/\(id)", author).body)
            #expect(html.contains("<progress data-bar=\"total\" max=\"3\" value=\"2\""))
            #expect(html.contains("data-bar=\"mobile\"") && html.contains("data-bar=\"telecom\""))
            #expect(html.contains("<svg id=\"curve\""))
            #expect(html.contains("189****9000") && !html.contains("18900189000"))
            #expect(html.contains("UNDELIV · handset unreachable"))
            #expect(html.contains("/console/warnings/\(id)/ledger.csv"))

            let events = try await h.get(client, "/console/warnings/\(id)/events", author)
            #expect(events.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            let stream = String(buffer: events.body)
            #expect(stream.contains("event: progress") && stream.contains("event: finished"))
            #expect(!stream.contains("13800138000"))

            let csv = String(buffer: try await h.get(client, "/console/warnings/\(id)/ledger.csv", author).body)
            #expect(csv.split(separator: "\r\n").count == 4)
            #expect(csv.contains("138****8000") && !csv.contains("13800138000"))
            #expect(try await h.get(client, "/console/warnings/\(id)/events", try await h.login(client, "operator")).status == .forbidden)
        }
    }

    @Test func dashboardShowsProgressAndLinkAlerts() async throws {
        try await ConsoleHarness.run(.sqlite, dispatcher: FinishedDispatcher(), links: FixedLinks()) { h, client in
            let author = try await h.login(client, "author")
            let id = try await h.submittedWarning(client, by: author)
            let reviewer = try await h.login(client, "reviewer")
            let version = try #require(try await h.store.warning(id: id)).version
            _ = try await h.post(client, "/console/review/\(id)/approve", reviewer, [("version", "\(version)")], csrf: reviewer.csrf)
            let html = String(buffer: try await h.get(client, "/console", author).body)
            #expect(html.contains("data-bar=\"total\""))
            #expect(html.contains("通道 ctcc-1 已断开"))
            #expect(html.contains("发送失败或过期"))
            #expect(html.contains("CMPP 3.0"))
        }
    }
}

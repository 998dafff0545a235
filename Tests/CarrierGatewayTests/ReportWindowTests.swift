@testable import CarrierSimulator
import Testing

/// ``ReportWindow`` without sockets: at most `limit` unanswered per connection, the rest in order
/// behind them, a closed connection's unanswered ones first on the next.
@Suite struct ReportWindowTests {
    /// Plays the core's part (`ReportDelivering`): numbers per connection, records what is written.
    /// A class, so the numbering closure can read it while the window is being changed.
    final class Shell {
        var window: ReportWindow<String>
        var sequences: [Int: UInt32] = [:]
        var written: [(session: Int, sequence: UInt32, delivery: String)] = []
        var held = 0

        init(limit: Int, receivers: [Int: String] = [:]) {
            window = ReportWindow(limit: limit)
            for (session, account) in receivers.sorted(by: { $0.key < $1.key }) { bind(session, account) }
        }

        func deliver(_ delivery: String, account: String = "a") {
            if window.enqueue(delivery, for: account) { held += 1 }
            pump(account)
        }

        func bind(_ session: Int, _ account: String = "a") {
            sequences[session] = 0
            window.receiverBound(session, account: account)
            pump(account)
        }

        func close(_ session: Int) {
            sequences[session] = nil
            if let account = window.receiverClosed(session) { pump(account) }
        }

        /// Answers what was written as `delivery`; false when the window did not know it.
        @discardableResult
        func answer(_ delivery: String) -> Bool {
            guard let last = written.last(where: { $0.delivery == delivery }),
                  let (account, answered) = window.answered(last.sequence, on: last.session) else { return false }
            #expect(answered == delivery)
            pump(account)
            return true
        }

        var deliveries: [String] { written.map(\.delivery) }

        private func pump(_ account: String) {
            while let write = window.next(for: account, numbering: { session in
                guard let last = self.sequences[session] else { return nil }
                self.sequences[session] = last + 1
                return last + 1
            }) {
                written.append((write.session, write.sequence, write.delivery))
            }
        }
    }

    @Test func aConnectionGetsAtMostTheLimitAndTheRestAsAnswersArrive() {
        let shell = Shell(limit: 2, receivers: [1: "a"])
        for index in 1...5 { shell.deliver("r\(index)") }
        #expect(shell.deliveries == ["r1", "r2"])
        #expect(shell.held == 3)
        #expect(shell.window.queued(for: "a") == 3)
        shell.answer("r2")
        #expect(shell.deliveries == ["r1", "r2", "r3"])
        #expect(!shell.answer("r2"), "a repeated answer frees nothing")
        #expect(shell.deliveries.count == 3)
        for delivery in ["r1", "r3", "r4"] { shell.answer(delivery) }
        #expect(shell.deliveries == ["r1", "r2", "r3", "r4", "r5"])
        #expect(shell.window.unanswered(on: 1) == 1)
        #expect(shell.window.queued(for: "a") == 0)
    }

    @Test func aClosedConnectionsUnansweredGoFirstToTheNextInOrder() {
        let shell = Shell(limit: 3, receivers: [1: "a"])
        for index in 1...6 { shell.deliver("r\(index)") }
        shell.answer("r2")  // r4 takes its slot: r1, r3, r4 unanswered; r5, r6 queued
        shell.close(1)
        #expect(shell.window.queued(for: "a") == 5)
        shell.deliver("r7")
        #expect(shell.held == 3, "nothing is held by the window while no receiver is bound")
        shell.bind(2)
        #expect(shell.written.filter { $0.session == 2 }.map(\.delivery) == ["r1", "r3", "r4"])
        #expect(shell.window.queued(for: "a") == 3)
    }

    @Test func deliveriesTakeTheirAccountsReceiversWithRoomInTurn() {
        let shell = Shell(limit: 1, receivers: [1: "a", 2: "a", 3: "b"])
        for index in 1...3 { shell.deliver("a\(index)") }
        let sessions = shell.written.map(\.session)
        #expect(Set(sessions) == [1, 2], "one per receiver of a, none on b's")
        #expect(shell.held == 1)
        shell.deliver("b1", account: "b")
        #expect(shell.written.last?.session == 3)
        #expect(shell.held == 1)
    }

    @Test func aReceiverTheCoreNoLongerKnowsIsTreatedAsClosed() {
        let shell = Shell(limit: 2, receivers: [1: "a", 2: "a"])
        shell.deliver("r1")
        let first = shell.written[0].session
        shell.sequences[first] = nil  // its connection is gone, unannounced
        for index in 2...3 { shell.deliver("r\(index)") }
        let other = first == 1 ? 2 : 1
        let onOther = shell.written.filter { $0.session == other }.map(\.delivery)
        #expect(onOther.count == 2 && onOther.contains("r1"), "r1 is written again, on the other receiver: \(onOther)")
        #expect(shell.written.filter { $0.session == first }.count == 1)
        #expect(shell.window.unanswered(on: first) == 0)
        #expect(shell.window.queued(for: "a") == 1)
    }
}

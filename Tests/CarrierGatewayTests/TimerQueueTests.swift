@testable import CarrierSimulator
import Testing

/// The simulators' job queue: jobs come out in due order (ties in insertion order) whether they
/// were pushed in due order (the FIFO path) or not (the heap path), and never before they are due.
struct TimerQueueTests {
    let t0 = ContinuousClock.now

    func at(_ ms: Int) -> ContinuousClock.Instant { t0.advanced(by: .milliseconds(ms)) }

    func drain(_ q: inout TimerQueue<String>, now: ContinuousClock.Instant) -> [String] {
        var out: [String] = []
        while let job = q.popDue(now: now) { out.append(job) }
        return out
    }

    @Test func inOrderPushesComeOutInOrderAndOnlyWhenDue() {
        var q = TimerQueue<String>()
        for i in 0..<5 { q.push("r\(i)", due: at(5 + i)) }
        #expect(q.nextDue == at(5))
        #expect(q.popDue(now: at(4)) == nil)
        #expect(drain(&q, now: at(7)) == ["r0", "r1", "r2"])
        #expect(q.count == 2)
        #expect(drain(&q, now: at(100)) == ["r3", "r4"])
        #expect(q.isEmpty && q.nextDue == nil)
    }

    @Test func anEarlierJobOvertakesTheQueuedOnes() {
        var q = TimerQueue<String>()
        q.push("report-a", due: at(10))
        q.push("report-b", due: at(20))
        q.push("response", due: at(0))      // due before the FIFO's tail: the heap path
        q.push("report-c", due: at(20))     // a tie with report-b: after it
        q.push("stalled", due: at(15))
        #expect(q.nextDue == at(0))
        #expect(q.count == 5)
        #expect(drain(&q, now: at(100)) == ["response", "report-a", "stalled", "report-b", "report-c"])
    }

    @Test func manyInterleavedJobsKeepDueOrderAndTies() {
        var q = TimerQueue<String>()
        var expected: [(Int, Int, String)] = []
        var rng = SeededGenerator(seed: 7)
        for i in 0..<3_000 {
            let due = Int.random(in: 0..<200, using: &rng) + (i / 10)
            q.push("j\(i)", due: at(due))
            expected.append((due, i, "j\(i)"))
            if i % 500 == 499 {
                // Pop what is due so far, interleaved with pushes.
                let now = i / 20
                let due = expected.filter { $0.0 <= now }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                #expect(drain(&q, now: at(now)) == due.map(\.2))
                expected.removeAll { $0.0 <= now }
            }
        }
        #expect(drain(&q, now: at(10_000)) == expected.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2))
        #expect(q.isEmpty)
    }
}

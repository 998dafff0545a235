import NIOCore

/// Jobs by due instant, so a simulator needs one event-loop timer for all delayed responses and
/// status reports instead of one per message. Ties keep insertion order.
///
/// A simulator's delays are mostly constant (every report 5 ms after its submit), so jobs
/// usually arrive in due order: those go to a FIFO, O(1) each way with no reordering of the
/// (large) job values. A job due before the FIFO's last one goes to a min-heap; `popDue` takes
/// the earlier of the two heads.
struct TimerQueue<Job> {
    private struct Entry {
        let due: ContinuousClock.Instant
        let order: UInt64
        let job: Job
        func precedes(_ other: Entry) -> Bool { due < other.due || (due == other.due && order < other.order) }
    }

    /// In due order; `fifo[fifoHead...]` are live.
    private var fifo: [Entry] = []
    private var fifoHead = 0
    private var heap: [Entry] = []
    private var nextOrder: UInt64 = 0

    var count: Int { fifo.count - fifoHead + heap.count }
    var isEmpty: Bool { count == 0 }
    /// The earliest due instant.
    var nextDue: ContinuousClock.Instant? {
        switch (fifoHead < fifo.count ? fifo[fifoHead].due : nil, heap.first?.due) {
        case (let f?, let h?): min(f, h)
        case (let f?, nil): f
        case (nil, let h): h
        }
    }

    mutating func push(_ job: Job, due: ContinuousClock.Instant) {
        let entry = Entry(due: due, order: nextOrder, job: job)
        nextOrder &+= 1
        if fifoHead == fifo.count || fifo[fifo.count - 1].due <= due {
            fifo.append(entry)
            return
        }
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest job if it is due at `now`.
    mutating func popDue(now: ContinuousClock.Instant) -> Job? {
        let fromFIFO: Bool
        switch (fifoHead < fifo.count, heap.isEmpty) {
        case (true, true): fromFIFO = true
        case (true, false): fromFIFO = fifo[fifoHead].precedes(heap[0])
        case (false, false): fromFIFO = false
        case (false, true): return nil
        }
        if fromFIFO {
            guard fifo[fifoHead].due <= now else { return nil }
            let job = fifo[fifoHead].job
            fifoHead += 1
            if fifoHead == fifo.count {
                fifo.removeAll(keepingCapacity: true)
                fifoHead = 0
            } else if fifoHead >= 1024, fifoHead * 2 >= fifo.count {
                fifo.removeFirst(fifoHead)
                fifoHead = 0
            }
            return job
        }
        guard heap[0].due <= now else { return nil }
        let first = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, heap[left].precedes(heap[smallest]) { smallest = left }
                if right < heap.count, heap[right].precedes(heap[smallest]) { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first.job
    }

    mutating func removeAll() {
        fifo.removeAll()
        fifoHead = 0
        heap.removeAll()
    }
}

/// A simulator core's delayed jobs and the one event-loop timer that runs them when due. Used
/// on the core's event loop only. `run` is called for each due job, in due order; jobs it
/// schedules that are already due run in the same pass.
final class JobTimer<Job> {
    private var jobs = TimerQueue<Job>()
    private let eventLoop: any EventLoop
    /// The armed timer and the instant it fires at.
    private var armedAt: ContinuousClock.Instant?
    private var task: Scheduled<Void>?
    /// Set once by the owning core (which holds this timer, so it captures itself weakly).
    var run: (Job) -> Void = { _ in }

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func schedule(_ job: Job, at due: ContinuousClock.Instant) {
        jobs.push(job, due: due)
        arm()
    }

    /// Drops every job and the timer (the simulator is closing).
    func cancelAll() {
        task?.cancel()
        task = nil
        armedAt = nil
        jobs.removeAll()
    }

    private func arm() {
        guard let next = jobs.nextDue else { return }
        if let armedAt, armedAt <= next { return }
        task?.cancel()
        armedAt = next
        // A due instant already past gives a negative amount: NIO runs such a task at once.
        task = eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(ContinuousClock.now.duration(to: next))) {
            self.armedAt = nil
            self.task = nil
            self.runDue()
        }
    }

    private func runDue() {
        let now = ContinuousClock.now
        while let job = jobs.popDue(now: now) { run(job) }
        arm()
    }
}

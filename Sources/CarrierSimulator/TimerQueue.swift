/// A min-heap of jobs by due instant, so the simulator needs one event-loop timer for all
/// delayed responses and status reports instead of one per message. Ties keep insertion order.
struct TimerQueue<Job> {
    private struct Entry {
        let due: ContinuousClock.Instant
        let order: UInt64
        let job: Job
        func precedes(_ other: Entry) -> Bool { due < other.due || (due == other.due && order < other.order) }
    }

    private var heap: [Entry] = []
    private var nextOrder: UInt64 = 0

    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }
    /// The earliest due instant.
    var nextDue: ContinuousClock.Instant? { heap.first?.due }

    mutating func push(_ job: Job, due: ContinuousClock.Instant) {
        heap.append(Entry(due: due, order: nextOrder, job: job))
        nextOrder &+= 1
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
        guard let first = heap.first, first.due <= now else { return nil }
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

    mutating func removeAll() { heap.removeAll() }
}


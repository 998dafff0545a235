/// A bounded memory of sequence keys whose submits failed, so that a response arriving later is
/// reported as late instead of unknown. Oldest keys are forgotten first (habit 8: bounded).
struct RecentKeys<Key: Hashable & Sendable>: Sendable {
    private var ring: [Key] = []
    private var members: Set<Key> = []
    private var oldest = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    func contains(_ key: Key) -> Bool { members.contains(key) }

    mutating func insert(_ key: Key) {
        guard capacity > 0, !members.contains(key) else { return }
        if ring.count < capacity {
            ring.append(key)
        } else {
            members.remove(ring[oldest])
            ring[oldest] = key
            oldest = (oldest + 1) % capacity
        }
        members.insert(key)
    }

    mutating func removeAll() {
        ring.removeAll()
        members.removeAll()
        oldest = 0
    }
}

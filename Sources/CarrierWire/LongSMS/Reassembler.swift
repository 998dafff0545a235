/// Collects the parts of long MO messages until each is complete (cmpp.md §8.3).
///
/// A value with no clock: every call takes `now` (any `InstantProtocol` — `ContinuousClock.Instant`
/// in production, a manual instant in tests); `now` must not go backwards. Sets are keyed by
/// ``ReassemblyKey``, expire `timeout` after their *first* part arrived, and are bounded in
/// number of sets and in buffered payload bytes; anything given up on is returned as an
/// ``IncompleteMessage`` so nothing vanishes silently. Single-node only: a multi-node deployment
/// must route a sender's parts to one node or share the buffer (README §3 pitfall 13).
public struct Reassembler<Instant: InstantProtocol>: Sendable {
    /// How long an incomplete set may wait for its missing parts.
    public var timeout: Instant.Duration
    /// Most incomplete sets held at once.
    public let maxEntries: Int
    /// Most payload bytes held across all sets.
    public let maxBytes: Int

    private struct Entry: Sendable {
        var serial: UInt64
        var firstReceived: Instant
        var parts: [UInt8: (coding: TextCoding, payload: [UInt8])] = [:]
        var bytes = 0
    }

    private var entries: [ReassemblyKey: Entry] = [:]
    /// Keys in arrival order of their first part; stale pairs (serial mismatch) are skipped.
    private var order: [(key: ReassemblyKey, serial: UInt64)] = []
    private var head = 0
    private var nextSerial: UInt64 = 0

    /// Payload bytes currently held.
    public private(set) var bufferedBytes = 0
    /// Incomplete sets currently held.
    public var pendingCount: Int { entries.count }

    /// - Parameters:
    ///   - timeout: wait for missing parts (e.g. `.seconds(300)`).
    ///   - maxEntries: at least 1.
    ///   - maxBytes: at least 1; a part larger than this is rejected.
    public init(timeout: Instant.Duration, maxEntries: Int = 1024, maxBytes: Int = 1 << 20) {
        self.timeout = timeout
        self.maxEntries = max(1, maxEntries)
        self.maxBytes = max(1, maxBytes)
    }

    /// Adds one part. Expires stale sets first, then evicts the oldest sets if the new part
    /// would break a bound.
    public mutating func receive(_ part: InboundPart, now: Instant) -> ReassemblyOutcome<Instant> {
        var dropped = expire(now: now)
        let total = part.key.total
        guard total > 0, part.number > 0, part.number <= total, part.payload.count <= maxBytes else {
            return ReassemblyOutcome(status: .rejected, dropped: dropped)
        }
        if total == 1 {
            let message = ReassembledMessage(key: part.key, text: part.coding.decode(part.payload), parts: [part.payload])
            return ReassemblyOutcome(status: .complete(message), dropped: dropped)
        }
        if entries[part.key]?.parts[part.number] != nil {
            return ReassemblyOutcome(status: .duplicate, dropped: dropped)
        }
        while bufferedBytes + part.payload.count > maxBytes || (entries[part.key] == nil && entries.count >= maxEntries),
              let oldest = popOldest() {
            dropped.append(oldest.incomplete(.evicted))
        }
        var entry = entries[part.key] ?? newEntry(part.key, now: now)
        entry.parts[part.number] = (part.coding, part.payload)
        entry.bytes += part.payload.count
        bufferedBytes += part.payload.count
        guard entry.parts.count == Int(total) else {
            entries[part.key] = entry
            return ReassemblyOutcome(status: .pending(received: entry.parts.count, total: Int(total)), dropped: dropped)
        }
        entries[part.key] = nil
        bufferedBytes -= entry.bytes
        compactOrderIfSparse()
        let ordered = (1...total).compactMap { entry.parts[$0] }
        let message = ReassembledMessage(key: part.key, text: Self.text(of: ordered), parts: ordered.map(\.payload))
        return ReassemblyOutcome(status: .complete(message), dropped: dropped)
    }

    /// Removes and returns every set whose first part arrived `timeout` or more before `now`.
    /// Call it periodically too, so sets whose last part never comes are reported without
    /// waiting for more traffic.
    public mutating func expire(now: Instant) -> [IncompleteMessage<Instant>] {
        var expired: [IncompleteMessage<Instant>] = []
        while let (key, entry) = peekOldest(), entry.firstReceived.advanced(by: timeout) <= now {
            expired.append(remove(key, entry).incomplete(.expired))
        }
        return expired
    }

    /// Completed sets leave stale slots in `order`; drop them once they outnumber live sets,
    /// so a long-waiting set at the head cannot let the queue grow with traffic.
    private mutating func compactOrderIfSparse() {
        guard order.count - head > 2 * entries.count + 64 else { return }
        order = order[head...].filter { entries[$0.key]?.serial == $0.serial }
        head = 0
    }

    /// Queue slots in use (live and stale), for tests of the bound.
    var queuedSlots: Int { order.count - head }

    private mutating func newEntry(_ key: ReassemblyKey, now: Instant) -> Entry {
        nextSerial &+= 1
        order.append((key, nextSerial))
        return Entry(serial: nextSerial, firstReceived: now)
    }

    /// The oldest live set, skipping stale queue slots (and compacting the queue now and then).
    private mutating func peekOldest() -> (ReassemblyKey, Entry)? {
        while head < order.count {
            let (key, serial) = order[head]
            if let entry = entries[key], entry.serial == serial { return (key, entry) }
            head += 1
        }
        order.removeAll(keepingCapacity: true)
        head = 0
        return nil
    }

    private mutating func popOldest() -> Removed? {
        guard let (key, entry) = peekOldest() else { return nil }
        return remove(key, entry)
    }

    private mutating func remove(_ key: ReassemblyKey, _ entry: Entry) -> Removed {
        entries[key] = nil
        bufferedBytes -= entry.bytes
        head += 1
        if head >= 64 && head * 2 >= order.count {
            order.removeFirst(head)
            head = 0
        }
        return Removed(key: key, entry: entry)
    }

    private struct Removed {
        var key: ReassemblyKey
        var entry: Entry

        func incomplete(_ reason: IncompleteMessage<Instant>.Reason) -> IncompleteMessage<Instant> {
            let slots = (1...max(1, key.total)).map { entry.parts[$0] }
            let partial = slots.map { $0.map { Reassembler.text(of: [$0]) } ?? "\u{FFFD}" }.joined()
            return IncompleteMessage(
                key: key, reason: reason, firstReceived: entry.firstReceived,
                parts: entry.parts.mapValues(\.payload), partialText: partial)
        }
    }

    /// Joins the payloads before decoding when all parts share a coding, so a character a
    /// sender split across parts (some handsets cut surrogate pairs) still decodes.
    static func text(of parts: [(coding: TextCoding, payload: [UInt8])]) -> String {
        guard let coding = parts.first?.coding else { return "" }
        if parts.allSatisfy({ $0.coding == coding }) {
            return coding.decode(parts.flatMap(\.payload))
        }
        return parts.map { $0.coding.decode($0.payload) }.joined()
    }
}

/// The sliding window of submits in flight on one connection, keyed by sequence key.
///
/// A value: it only records sends, responses and deadlines; ``SessionStateMachine`` turns its
/// answers into actions. `Key` is the protocol's sequence number (`UInt32` for CMPP/SMGP/SMPP,
/// ``SGIPSequenceNumber`` for SGIP).
public struct SubmitWindow<Key: Hashable & Sendable, Request: Sendable, Instant: InstantProtocol & Sendable>: Sendable
where Instant.Duration == Duration {
    /// One submit in flight.
    public struct Entry: Sendable {
        /// Its sequence key (the same for every send).
        public var key: Key
        /// What the caller submitted.
        public var request: Request
        /// Sends so far (1 after the first send).
        public var attempts: Int
        /// When the latest send times out.
        public var deadline: Instant
        /// Caller-defined mark taken at the first send (the machine stores its inbound-PDU count
        /// there to tell a dead link from a lost response).
        public var mark: UInt64
        /// Insertion order, so that answers come out in send order.
        var order: UInt64
    }

    /// The answer to ``insert(key:request:now:mark:)``.
    public enum InsertResult: Sendable, Hashable {
        /// Recorded as sent once; its deadline is `now + responseTimeout`.
        case inserted
        /// No slot free; nothing recorded.
        case full
        /// The key is already in flight; nothing recorded.
        case duplicateKey
    }

    /// What a deadline did to an entry (see ``expire(now:)``).
    public enum Expiry: Sendable {
        /// Send it again with the same key; `entry.attempts` is the number of this send.
        case resend(Entry)
        /// All sends used up; the entry has left the window.
        case exhausted(Entry)
    }

    /// Most entries at once (W).
    public let capacity: Int
    /// Wait per send (T).
    public let responseTimeout: Duration
    /// Sends per entry (N).
    public let maxAttempts: Int

    private var entries: [Key: Entry] = [:]
    private var nextOrder: UInt64 = 0
    /// At or before the earliest deadline: lowered by inserts, exact again after `expire`.
    private var deadlineFloor: Instant?

    /// Creates an empty window; `capacity` and `maxAttempts` below 1 become 1.
    public init(capacity: Int, responseTimeout: Duration, maxAttempts: Int) {
        self.capacity = max(1, capacity)
        self.responseTimeout = responseTimeout
        self.maxAttempts = max(1, maxAttempts)
    }

    /// Entries in flight.
    public var count: Int { entries.count }
    /// Whether nothing is in flight.
    public var isEmpty: Bool { entries.isEmpty }
    /// Free slots.
    public var availableSlots: Int { capacity - entries.count }
    /// Whether `key` is in flight.
    public func contains(_ key: Key) -> Bool { entries[key] != nil }

    /// Records a first send of `request` under `key` at `now`.
    public mutating func insert(key: Key, request: Request, now: Instant, mark: UInt64 = 0) -> InsertResult {
        guard entries[key] == nil else { return .duplicateKey }
        guard entries.count < capacity else { return .full }
        let deadline = now.advanced(by: responseTimeout)
        entries[key] = Entry(key: key, request: request, attempts: 1, deadline: deadline, mark: mark, order: nextOrder)
        nextOrder &+= 1
        deadlineFloor = min(deadlineFloor ?? deadline, deadline)
        return .inserted
    }

    /// Removes and returns the entry a response answers, or `nil` for a key not in flight.
    public mutating func remove(_ key: Key) -> Entry? {
        defer { if entries.isEmpty { deadlineFloor = nil } }
        return entries.removeValue(forKey: key)
    }

    /// Handles every entry whose deadline is at or before `now`, in send order: one with sends
    /// left is rescheduled and returned as `.resend`; one without is removed and returned as
    /// `.exhausted`.
    public mutating func expire(now: Instant) -> [Expiry] {
        let due = entries.values.filter { $0.deadline <= now }.sorted { $0.order < $1.order }
        var result: [Expiry] = []
        result.reserveCapacity(due.count)
        for var entry in due {
            if entry.attempts < maxAttempts {
                entry.attempts += 1
                entry.deadline = now.advanced(by: responseTimeout)
                entries[entry.key] = entry
                result.append(.resend(entry))
            } else {
                entries.removeValue(forKey: entry.key)
                result.append(.exhausted(entry))
            }
        }
        deadlineFloor = entries.values.lazy.map(\.deadline).min()
        return result
    }

    /// Empties the window and returns every entry, in send order.
    public mutating func removeAll() -> [Entry] {
        let all = entries.values.sorted { $0.order < $1.order }
        entries.removeAll()
        deadlineFloor = nil
        return all
    }

    /// When the window next needs a tick: at or before its earliest deadline, nil when empty.
    /// Answers do not move it later (that would scan every entry and reschedule a timer per
    /// response); a tick that finds nothing due calls ``expire(now:)``, which makes it exact.
    public var nextDeadline: Instant? { deadlineFloor }
}

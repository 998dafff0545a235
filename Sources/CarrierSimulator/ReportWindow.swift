import NIOCore  // CircularBuffer only: a plain ring buffer, no I/O

/// The status reports and MO a simulated gateway owes its clients' receivers (CMPP, SMGP, SMPP),
/// as a value: at most `limit` written and unanswered per connection, like a real gateway's
/// sliding window for its own requests; the rest wait per account, in order, and go out as answers
/// free room. A closed connection's unanswered ones go back to the front of its account's queue,
/// in the order they were written, for the account's next (or another) receiver. Deliveries of an
/// account without a receiver wait in the same queue until one binds.
///
/// Events in, what to write out; ``ReportDelivering`` is the shell that numbers, writes and counts.
struct ReportWindow<Delivery> {
    /// One delivery to write: the receiver chosen and the sequence number it was given there.
    struct Write {
        let session: Int
        let sequence: UInt32
        let delivery: Delivery
    }

    private struct Receiver {
        let account: String
        /// Written and unanswered, by sequence number, with the order they were written in.
        var unanswered: [UInt32: (order: UInt64, delivery: Delivery)] = [:]
    }

    /// Most unanswered deliveries per connection (at least 1).
    let limit: Int
    private var queues: [String: CircularBuffer<Delivery>] = [:]
    private var receivers: [Int: Receiver] = [:]
    /// Each account's receivers, ascending (kept with `receivers`, so a delivery does not scan
    /// every connection of the simulator).
    private var receiversByAccount: [String: [Int]] = [:]
    private var rotation = 0
    private var written: UInt64 = 0

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Deliveries waiting in `account`'s queue.
    func queued(for account: String) -> Int { queues[account]?.count ?? 0 }

    /// Deliveries written on `session` and not answered yet.
    func unanswered(on session: Int) -> Int { receivers[session]?.unanswered.count ?? 0 }

    /// Queues a due delivery behind the others of its account. Returns true when the window holds
    /// it: the account has receivers, but each has `limit` unanswered or others wait before it.
    mutating func enqueue(_ delivery: Delivery, for account: String) -> Bool {
        let othersWaiting = queued(for: account) > 0
        queues[account, default: []].append(delivery)
        let mine = receiversByAccount[account] ?? []
        return !mine.isEmpty && (othersWaiting || mine.allSatisfy { (receivers[$0]?.unanswered.count ?? 0) >= limit })
    }

    /// Connection `session` of `account` may now receive reports and MO (call after its login answer).
    mutating func receiverBound(_ session: Int, account: String) {
        receiverClosed(session)
        receivers[session] = Receiver(account: account)
        receiversByAccount[account, default: []].append(session)
        receiversByAccount[account]?.sort()
    }

    /// Connection `session` closed: its unanswered deliveries go back to the front of its
    /// account's queue, in the order they were written. Returns that account, nil when the
    /// connection was no receiver.
    @discardableResult
    mutating func receiverClosed(_ session: Int) -> String? {
        guard let receiver = receivers.removeValue(forKey: session) else { return nil }
        receiversByAccount[receiver.account]?.removeAll { $0 == session }
        let unanswered = receiver.unanswered.values.sorted { $0.order < $1.order }
        for entry in unanswered.reversed() { queues[receiver.account, default: []].prepend(entry.delivery) }
        return receiver.account
    }

    /// Takes the next delivery of `account` when one of its receivers has room (round robin among
    /// those that do) and counts it unanswered there under the number `numbering` gives it on that
    /// receiver; nil when nothing waits or every receiver is full. A receiver `numbering` no
    /// longer knows (nil) is treated as closed.
    mutating func next(for account: String, numbering: (Int) -> UInt32?) -> Write? {
        while let delivery = queues[account]?.first {
            // The first receiver with room, starting one further round the account's receivers each time.
            let mine = receiversByAccount[account] ?? []
            rotation &+= 1
            var chosen: Int?
            for offset in mine.indices {
                let candidate = mine[(rotation &+ offset) % mine.count]
                if let receiver = receivers[candidate], receiver.unanswered.count < limit { chosen = candidate; break }
            }
            guard let session = chosen else { return nil }
            guard let sequence = numbering(session) else {
                receiverClosed(session)
                continue
            }
            queues[account]?.removeFirst()
            written += 1
            receivers[session]?.unanswered[sequence] = (written, delivery)
            return Write(session: session, sequence: sequence, delivery: delivery)
        }
        return nil
    }

    /// The receiver answered `sequence` on `session`: the delivery answered and its account, nil
    /// when nothing written there has that number (a late or repeated answer).
    mutating func answered(_ sequence: UInt32, on session: Int) -> (account: String, delivery: Delivery)? {
        guard let account = receivers[session]?.account,
              let entry = receivers[session]?.unanswered.removeValue(forKey: sequence) else { return nil }
        return (account, entry.delivery)
    }

    /// Forgets every queued and unanswered delivery (the simulator stops).
    mutating func removeAll() {
        queues.removeAll()
        receivers.removeAll()
        receiversByAccount.removeAll()
    }
}

import NIOCore
import Synchronization

/// Items posted from any thread, handled on the event loop in one pass: however many arrive
/// before the loop runs, it is woken once (one `execute`, one eventfd write) and does its work
/// once. Report answers use it (a group commit acknowledges hundreds, and the connection is
/// flushed once), and so do submits (the dispatcher's senders submit one message each, hundreds
/// per millisecond; one wake-up per submit was about 8 % of a dispatch's CPU).
final class LoopInbox<Item: Sendable>: Sendable {
    private let state = Mutex<(items: [Item], scheduled: Bool)>(([], false))
    private let loop: any EventLoop
    private let drain: @Sendable ([Item]) -> Void

    /// `drain` runs on `loop` with the items posted since its last run, in posting order.
    init(loop: any EventLoop, drain: @escaping @Sendable ([Item]) -> Void) {
        self.loop = loop
        self.drain = drain
    }

    /// Queues `item` for the next pass on the loop.
    func post(_ item: Item) {
        let schedule = state.withLock { s in
            s.items.append(item)
            defer { s.scheduled = true }
            return !s.scheduled
        }
        if schedule { loop.execute { self.run() } }
    }

    /// Takes back the first item still waiting that matches `predicate` (it will not be drained).
    func withdraw(where predicate: (Item) -> Bool) -> Item? {
        state.withLock { s in
            guard let i = s.items.firstIndex(where: predicate) else { return nil }
            return s.items.remove(at: i)
        }
    }

    private func run() {
        let items = state.withLock { s in
            defer { s.items = []; s.scheduled = false }
            return s.items
        }
        drain(items)
    }
}

/// A reference that does not keep its object alive (an outbox's drain must not keep its link).
struct WeakReference<Object: AnyObject> {
    weak var object: Object?
}

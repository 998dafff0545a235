import NIOCore
import Synchronization

/// Answers acknowledged from any thread, written on the event loop in one pass: however many a
/// consumer acknowledges at once (a group commit acknowledges hundreds), the loop is woken once
/// and the connection flushed once, not once per report.
final class AcknowledgementOutbox<Item: Sendable>: Sendable {
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

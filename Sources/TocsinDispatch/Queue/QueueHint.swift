/// The most urgent priority planned per route that a claim may not have taken yet: what lets a
/// sender holding a buffer of blue deliveries notice that red ones were planned, hand its buffer
/// back and claim again (priority overtaking). Self-correcting: a claim that returns fewer rows
/// than asked, or rows no better than the hint, resets it, unless planning happened meanwhile.
///
/// While a warning is being planned its priority is pinned on its routes: senders of those routes
/// then take nothing less urgent, so a red warning planned in several batches is sent whole
/// before the blue one it interrupted resumes.
final class QueueHint: @unchecked Sendable {
    private let state = Locked<(urgent: [Int: Int], generation: [Int: Int], pins: [Int64: (routes: Set<Int>, priority: Int)])>(([:], [:], [:]))

    /// A dispatch of `priority` is being planned on `routes`.
    func pin(_ dispatch: Int64, routes: Set<Int>, priority: Int) {
        state.withLock { $0.pins[dispatch] = (routes, priority) }
    }

    /// Planning of `dispatch` has ended.
    func unpin(_ dispatch: Int64) {
        _ = state.withLock { $0.pins.removeValue(forKey: dispatch) }
    }

    /// The most urgent priority being planned on `route` within `range`, if any.
    func ceiling(route: Int, within range: ClosedRange<Int>) -> Int? {
        state.withLock { s in
            var best: Int?
            for pin in s.pins.values where range.contains(pin.priority) && pin.routes.contains(route) {
                best = min(best ?? pin.priority, pin.priority)
            }
            return best
        }
    }

    /// New deliveries of `priority` are queued on `route`.
    func planned(route: Int, priority: Int) {
        state.withLock { s in
            s.urgent[route] = min(s.urgent[route] ?? .max, priority)
            s.generation[route, default: 0] += 1
        }
    }

    /// The generation to pass to `claimed` (taken before the claim statement).
    func generation(route: Int) -> Int { state.withLock { $0.generation[route] ?? 0 } }

    /// The best priority queued on `route`, if any is known.
    func urgent(route: Int) -> Int { state.withLock { $0.urgent[route] ?? .max } }

    /// A claim on `route` returned `count` of `limit` rows, the best of priority `best`.
    func claimed(route: Int, generation: Int, count: Int, limit: Int, best: Int?) {
        state.withLock { s in
            guard (s.generation[route] ?? 0) == generation else { return }
            if count < limit { s.urgent[route] = nil } else if let best { s.urgent[route] = best }
        }
    }
}

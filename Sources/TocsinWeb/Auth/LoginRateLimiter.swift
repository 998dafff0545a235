import Foundation
import TocsinCore

/// Throttles password attempts per client address: at most `limit` within a fixed window. It
/// complements the per-account lockout (which one address guessing many names would not hit).
/// Memory is bounded: windows that ran out are dropped when the table grows past `maxTracked`.
public actor LoginRateLimiter {
    let limit: Int
    let window: TimeInterval
    let clock: any WallClock
    let maxTracked: Int
    private var windows: [String: (start: Date, count: Int)] = [:]

    public init(limit: Int, window: Duration, clock: any WallClock, maxTracked: Int = 10_000) {
        self.limit = max(1, limit)
        self.window = Double(window.components.seconds)
        self.clock = clock
        self.maxTracked = maxTracked
    }

    /// Counts one attempt from `source`; returns nil when allowed, else the seconds until the
    /// window ends (for `Retry-After`).
    public func attempt(from source: String) -> Int? {
        let now = clock.now()
        if windows.count >= maxTracked {
            windows = windows.filter { now.timeIntervalSince($0.value.start) < window }
        }
        var entry = windows[source] ?? (now, 0)
        if now.timeIntervalSince(entry.start) >= window { entry = (now, 0) }
        guard entry.count < limit else {
            return max(1, Int((window - now.timeIntervalSince(entry.start)).rounded(.up)))
        }
        entry.count += 1
        windows[source] = entry
        return nil
    }
}

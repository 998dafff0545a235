import Foundation

/// Wall-clock time, injected wherever logic depends on "now" (validity windows, quiet hours,
/// change records) so tests can fix it.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The real clock.
public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always answers the same instant (tests, replays).
public struct FixedWallClock: WallClock {
    public var instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}

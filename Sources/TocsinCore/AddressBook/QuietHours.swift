import Foundation

/// A contact's quiet hours (免打扰时段), in local wall time, possibly crossing midnight
/// (22:00–07:00). Red warnings always override them; orange warnings do when `orangeOverrides`.
public struct QuietHours: Sendable, Hashable, Codable {
    /// Minutes after local midnight, 0..<1440.
    public var startMinute: Int
    public var endMinute: Int
    public var orangeOverrides: Bool

    public init(startMinute: Int, endMinute: Int, orangeOverrides: Bool = false) throws(DomainError) {
        guard (0..<1440).contains(startMinute), (0..<1440).contains(endMinute), startMinute != endMinute else {
            throw DomainError(.invalidValue, "quiet hours must be two different times of day between 00:00 and 23:59")
        }
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.orangeOverrides = orangeOverrides
    }

    /// Parses "22:00-07:00" (also with – or ~).
    public init(parsing text: String, orangeOverrides: Bool = false) throws(DomainError) {
        let parts = text.split(whereSeparator: { "-–~至".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let s = QuietHours.minutes(parts[0]), let e = QuietHours.minutes(parts[1]) else {
            throw DomainError(.invalidValue, "quiet hours '\(text)' must look like 22:00-07:00")
        }
        try self.init(startMinute: s, endMinute: e, orangeOverrides: orangeOverrides)
    }

    static func minutes(_ hhmm: String) -> Int? {
        let p = hhmm.split(separator: ":")
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    /// Whether `minuteOfDay` falls inside the quiet period.
    public func contains(minuteOfDay m: Int) -> Bool {
        startMinute < endMinute ? (m >= startMinute && m < endMinute) : (m >= startMinute || m < endMinute)
    }

    /// Whether a warning of `level` may be sent at `minuteOfDay`.
    public func allows(_ level: WarningLevel, atMinuteOfDay m: Int) -> Bool {
        if level == .red { return true }
        if level == .orange && orangeOverrides { return true }
        return !contains(minuteOfDay: m)
    }

    public var text: String {
        String(format: "%02d:%02d-%02d:%02d", startMinute / 60, startMinute % 60, endMinute / 60, endMinute % 60)
    }
}

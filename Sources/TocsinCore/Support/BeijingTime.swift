import Foundation

/// Beijing wall time (UTC+8, no daylight saving) by arithmetic: formatting and parsing the forms
/// spreadsheets hold, without a DateFormatter per value (those cost ~100 µs each).
public enum BeijingTime {
    static let offset: Int64 = 8 * 3600

    /// `2026-12-01 08:00` (minutes), or with `seconds: true` `2026-12-01 08:00:00`.
    public static func format(_ date: Date, seconds: Bool = false) -> String {
        let local = Int64((date.timeIntervalSince1970).rounded(.down)) + offset
        let days = floorDiv(local, 86_400)
        let secs = local - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        var s = "\(y)-\(pad(m))-\(pad(d)) \(pad(Int(secs / 3600))):\(pad(Int(secs % 3600 / 60)))"
        if seconds { s += ":\(pad(Int(secs % 60)))" }
        return s
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` (also `/` for `-`, `T` for the space), in
    /// Beijing time unless an offset follows (`Z`, `+08:00`, `+0800`). Nil when it is not such a
    /// date or a field is out of range.
    public static func parse(_ text: String) -> Date? {
        var u = Array(text.utf8)
        var offsetSeconds = offset
        // Trailing offset.
        if u.last == UInt8(ascii: "Z") { offsetSeconds = 0; u.removeLast() }
        else if u.count >= 16, let signIndex = u.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }), signIndex > 10 {
            let tail = u[(signIndex + 1)...].filter { $0 != UInt8(ascii: ":") }
            guard tail.count == 4, let hh = number(tail[...].prefix(2)), let mm = number(tail[...].suffix(2)), hh < 24, mm < 60 else { return nil }
            let sign: Int64 = u[signIndex] == UInt8(ascii: "+") ? 1 : -1
            offsetSeconds = sign * Int64(hh * 3600 + mm * 60)
            u.removeSubrange(signIndex...)
        }
        guard u.count == 10 || u.count == 16 || u.count == 19 else { return nil }
        func sep(_ i: Int, _ allowed: String) -> Bool { allowed.utf8.contains(u[i]) }
        guard sep(4, "-/"), sep(7, "-/"), u[4] == u[7],
              let y = number(u[0..<4]), let mo = number(u[5..<7]), let d = number(u[8..<10]),
              (1...12).contains(mo), (1...31).contains(d) else { return nil }
        var h = 0, mi = 0, s = 0
        if u.count >= 16 {
            guard sep(10, " T"), sep(13, ":"), let hh = number(u[11..<13]), let mm = number(u[14..<16]), hh < 24, mm < 60 else { return nil }
            h = hh
            mi = mm
        }
        if u.count == 19 {
            guard sep(16, ":"), let ss = number(u[17..<19]), ss < 60 else { return nil }
            s = ss
        }
        let days = days(fromCivil: y, mo, d)
        guard civil(fromDays: days) == (y, mo, d) else { return nil } // 2026-02-30
        let local = days * 86_400 + Int64(h * 3600 + mi * 60 + s)
        return Date(timeIntervalSince1970: TimeInterval(local - offsetSeconds))
    }

    private static func number<C: Collection<UInt8>>(_ digits: C) -> Int? {
        var n = 0
        for b in digits {
            guard b >= 48 && b <= 57 else { return nil }
            n = n * 10 + Int(b - 48)
        }
        return digits.isEmpty ? nil : n
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
    static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int64 {
        let y = Int64(m <= 2 ? y0 - 1 : y0)
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = Int64((m + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(d) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }
}

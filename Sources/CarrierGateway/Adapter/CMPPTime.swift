#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A wall-clock instant as a CMPP gateway reads it: civil time at a fixed UTC offset, Beijing
/// (UTC+8) by default — the spec names no time zone and implementations use local Beijing time
/// (cmpp.md §4.1).
///
/// Pure: built from Unix seconds that the caller reads from an injected clock
/// (``CMPPOptions/unixTime``), so CONNECT timestamps and validity strings are testable with a
/// fixed instant (STYLE.md habit 7).
public struct CMPPTime: Sendable, Hashable {
    /// Beijing time, UTC+8, in minutes.
    public static let beijingOffsetMinutes = 480

    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// The offset from UTC the fields are expressed in.
    public var utcOffsetMinutes: Int

    /// The civil time `unixTime` seconds after 1970-01-01T00:00:00Z, at `utcOffsetMinutes`.
    public init(unixTime: Int64, utcOffsetMinutes: Int = CMPPTime.beijingOffsetMinutes) {
        let local = unixTime + Int64(utcOffsetMinutes) * 60
        let days = Self.floorDivide(local, 86_400)
        let secondsOfDay = Int(local - days * 86_400)
        (year, month, day) = Self.civil(fromDays: days)
        hour = secondsOfDay / 3600
        minute = secondsOfDay % 3600 / 60
        second = secondsOfDay % 60
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// CONNECT.Timestamp: the decimal number `MMDDHHMMSS` (cmpp.md §4.1).
    public var connectTimestamp: UInt32 {
        UInt32((((month * 100 + day) * 100 + hour) * 100 + minute) * 100 + second)
    }

    /// The SMPP 3.3 absolute time string `YYMMDDhhmmsstnnp` of ValId_Time / At_Time
    /// (cmpp.md §6.1): tenths 0, `nn` the offset in quarter hours, `p` its sign — `…032+` in Beijing.
    public var absoluteTimeString: String {
        let quarters = abs(utcOffsetMinutes) / 15
        return [year % 100, month, day, hour, minute, second].map(Self.two).joined()
            + "0" + Self.two(quarters) + (utcOffsetMinutes < 0 ? "-" : "+")
    }

    /// The SMPP relative time string `YYMMDDhhmmss000R` for `duration` (years of 365 and months
    /// of 30 days, as SMSCs read it; at most 99 years).
    public static func relativeTimeString(_ duration: Duration) -> String {
        var rest = max(0, min(duration.components.seconds, 99 * 365 * 86_400))
        var parts: [Int64] = []
        for unit: Int64 in [365 * 86_400, 30 * 86_400, 86_400, 3600, 60, 1] {
            parts.append(rest / unit)
            rest %= unit
        }
        return parts.map { two(Int($0)) }.joined() + "000R"
    }

    /// The system's wall clock in Unix seconds: the default ``CMPPOptions/unixTime``.
    public static func systemUnixTime() -> Int64 { Int64(time(nil)) }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Year, month, day of the `days`-th day after 1970-01-01 (proleptic Gregorian; H. Hinnant's
    /// `civil_from_days`).
    private static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}

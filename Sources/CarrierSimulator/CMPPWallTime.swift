#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The simulated ISMG's wall-clock arithmetic: Unix seconds ↔ civil time at a fixed UTC offset
/// (Beijing by default), and reading ValId_Time (cmpp.md §6.1: the SMPP 3.3 time string
/// `YYMMDDhhmmsstnnp`; the SMPP 3.4 relative form `…R` is accepted too). Pure; the clock is
/// ``CMPPSimulator/Options/unixTime``.
struct CMPPWallTime: Hashable {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    init(unixTime: Int64, utcOffsetMinutes: Int) {
        let local = unixTime + Int64(utcOffsetMinutes) * 60
        let days = Self.floorDivide(local, 86_400)
        let secondsOfDay = Int(local - days * 86_400)
        (year, month, day) = Self.civil(fromDays: days)
        hour = secondsOfDay / 3600
        minute = secondsOfDay % 3600 / 60
        second = secondsOfDay % 60
    }

    /// The system's wall clock in Unix seconds.
    static func systemUnixTime() -> Int64 { Int64(time(nil)) }

    /// How long a message submitted at `now` (Unix seconds) may still be delivered, from its
    /// ValId_Time; nil for an empty (gateway default) or unreadable value. Absolute times
    /// already past give zero.
    static func remainingValidity(_ text: String, now: Int64) -> Duration? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16 else { return nil }
        var digits: [Int64] = []
        for byte in bytes[0..<15] {
            guard (0x30...0x39).contains(byte) else { return nil }
            digits.append(Int64(byte - 0x30))
        }
        let pairs = stride(from: 0, to: 12, by: 2).map { digits[$0] * 10 + digits[$0 + 1] }
        switch bytes[15] {
        case UInt8(ascii: "R"):
            let days = pairs[0] * 365 + pairs[1] * 30 + pairs[2]
            return .seconds(((days * 24 + pairs[3]) * 60 + pairs[4]) * 60 + pairs[5])
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard (1...12).contains(pairs[1]), (1...31).contains(pairs[2]) else { return nil }
            let quarters = digits[13] * 10 + digits[14]
            let offset = (bytes[15] == UInt8(ascii: "+") ? 1 : -1) * quarters * 15 * 60
            let local = days(year: 2000 + pairs[0], month: pairs[1], day: pairs[2]) * 86_400
                + (pairs[3] * 60 + pairs[4]) * 60 + pairs[5]
            let end = local - offset
            return .seconds(max(0, end - now))
        default:
            return nil
        }
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Days from 1970-01-01 to a civil date (H. Hinnant's `days_from_civil`).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count from 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }
}

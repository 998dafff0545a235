import CarrierWire
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The wall clock an ``SMGPAdapter`` reads for the Login TimeStamp (`MMDDHHMMSS`, smgp.md §3.1)
/// and for absolute ValidTime values (§5.1). Injected (STYLE.md habit 7) so tests fix the time.
///
/// The SMGW checks timestamps in its own civil time: China Standard Time, UTC+08:00 with no
/// daylight saving — hence a fixed offset instead of a time-zone database.
public struct SMGPClock: Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var unixSeconds: @Sendable () -> Int64
    /// Offset of the gateway's civil time from UTC, in seconds (+08:00 = 28 800).
    public var utcOffsetSeconds: Int

    /// China Standard Time (UTC+08:00).
    public static let chinaStandardOffset = 8 * 3600

    /// A clock reading `unixSeconds` and rendering civil time at `utcOffsetSeconds`.
    public init(utcOffsetSeconds: Int = SMGPClock.chinaStandardOffset, unixSeconds: @escaping @Sendable () -> Int64) {
        self.unixSeconds = unixSeconds
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The system's real-time clock, rendered in China Standard Time.
    public static let system = SMGPClock { Int64(time(nil)) }

    /// A clock that always answers `unixSeconds` (tests, replays).
    public static func fixed(unixSeconds: Int64, utcOffsetSeconds: Int = chinaStandardOffset) -> SMGPClock {
        SMGPClock(utcOffsetSeconds: utcOffsetSeconds) { unixSeconds }
    }

    /// The civil time now, or `seconds` from now.
    public func civilTime(adding seconds: Int64 = 0) -> CivilTime {
        CivilTime(unixSeconds: unixSeconds() + seconds, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// A civil date and time (proleptic Gregorian calendar).
    public struct CivilTime: Sendable, Hashable {
        public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

        /// The civil time `unixSeconds` after the epoch at a UTC offset (days-from-civil
        /// inverse after H. Hinnant's `civil_from_days`).
        public init(unixSeconds: Int64, utcOffsetSeconds: Int) {
            let local = unixSeconds + Int64(utcOffsetSeconds)
            let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
            let secondOfDay = Int(local - days * 86_400)
            hour = secondOfDay / 3600
            minute = secondOfDay % 3600 / 60
            second = secondOfDay % 60
            let z = days + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let shiftedMonth = (5 * dayOfYear + 2) / 153
            day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
            month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
            year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        }

        /// The Login TimeStamp: `MMDDHHMMSS` as an integer (smgp.md §3.1).
        public var loginTimestamp: UInt32 {
            // Every component is in range by construction, so the checked builder cannot fail.
            SMGPAuthenticator.timestamp(month: month, day: day, hour: hour, minute: minute, second: second) ?? 0
        }

        /// `YYMMDDhhmmss` (the first 12 characters of an absolute SMPP-style time).
        var compact: String {
            [year % 100, month, day, hour, minute, second].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined()
        }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What an SGIP 1.2 account needs beyond the protocol-neutral ``LinkConfiguration`` (sgip.md):
/// the SP's node id for SequenceNumbers, the Submit's charging fields, and the **listener** the
/// SMG connects to for Reports and MO (sgip.md §8: they arrive on a separate TCP connection that
/// the SMG opens to the SP). Set it as ``LinkConfiguration/sgip``.
///
/// `smgPassword` is never logged: `description` and reflection redact it.
public struct SGIPSettings: Sendable, Hashable {
    /// The SP's node id, `3` + area code + corp id digits (e.g. `3075512345`, sgip.md §3).
    /// Exceeds `Int32.max`, hence `UInt32`.
    public var nodeID: UInt32
    /// Submit CorpId, Text(5): the enterprise code the carrier assigned.
    public var corpID: String
    /// Submit ChargeNumber, Text(21): empty = the recipients pay, 21 × `0` = the SP pays.
    public var chargeNumber: String
    /// Submit FeeType (sgip.md §5.3.1); 1 = free for the charged number (the §9 vector's value).
    public var feeType: UInt8
    /// Submit FeeValue in fen, Text(6).
    public var feeValue: String

    /// Address the listener binds (`0.0.0.0` = every interface).
    public var listenHost: String
    /// Port the listener binds; the SMG is configured with it (spec port 8801; 0 = any free port, tests).
    public var listenPort: Int
    /// LoginName the SMG must send in its Bind (LoginType 2).
    public var smgLoginName: String
    /// LoginPassword the SMG must send. Never logged.
    public var smgPassword: String
    /// Most SMG connections bound at once; one more Bind is answered with Result 3 ("too many
    /// connections", sgip.md §7).
    public var maxSMGConnections: Int
    /// Close an SMG connection that sent nothing for this long (sgip.md §8: SMSGate closes idle
    /// SMG links after 30 s; the SMG reconnects when it has Reports again).
    public var smgIdleTimeout: Duration

    /// Creates settings; see each property.
    public init(
        nodeID: UInt32, corpID: String, chargeNumber: String = "", feeType: UInt8 = 1, feeValue: String = "0",
        listenHost: String = "0.0.0.0", listenPort: Int = 8801, smgLoginName: String, smgPassword: String,
        maxSMGConnections: Int = 8, smgIdleTimeout: Duration = .seconds(60)
    ) {
        self.nodeID = nodeID
        self.corpID = corpID
        self.chargeNumber = chargeNumber
        self.feeType = feeType
        self.feeValue = feeValue
        self.listenHost = listenHost
        self.listenPort = listenPort
        self.smgLoginName = smgLoginName
        self.smgPassword = smgPassword
        self.maxSMGConnections = max(1, maxSMGConnections)
        self.smgIdleTimeout = smgIdleTimeout
    }
}

extension SGIPSettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "SGIPSettings(node: \(nodeID), corp: \(corpID), listen: \(listenHost):\(listenPort), "
            + "smg login: \(smgLoginName), smg password: <redacted>)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: [
            "nodeID": nodeID, "corpID": corpID, "listenHost": listenHost, "listenPort": listenPort,
            "smgLoginName": smgLoginName, "smgPassword": "<redacted>",
        ])
    }
}

/// The wall clock SGIP needs (STYLE.md habit 7: injected): the SequenceNumber's `MMDDhhmmss`
/// part and the Submit's absolute ExpireTime are Beijing local time (sgip.md §3, §5.3 `032+`).
public struct SGIPWallClock: Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var unixSeconds: @Sendable () -> Int64

    /// A clock reading `unixSeconds`.
    public init(unixSeconds: @escaping @Sendable () -> Int64) { self.unixSeconds = unixSeconds }

    /// The system's clock.
    public static let system = SGIPWallClock { Int64(Date().timeIntervalSince1970) }

    /// A clock that always reads `seconds` (tests).
    public static func fixed(_ seconds: Int64) -> SGIPWallClock { SGIPWallClock { seconds } }

    /// Beijing time (UTC+8, no daylight saving) of `unixSeconds` as calendar fields.
    static func beijing(_ unixSeconds: Int64) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let local = unixSeconds + 8 * 3600
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        // Civil-from-days (H. Hinnant's algorithm), proleptic Gregorian.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }

    /// The SequenceNumber time part `MMDDhhmmss` for now (sgip.md §3).
    func sequenceTimestamp() -> UInt32 {
        let t = Self.beijing(unixSeconds())
        return UInt32(t.month * 100_000_000 + t.day * 1_000_000 + t.hour * 10_000 + t.minute * 100 + t.second)
    }

    /// The Submit ExpireTime `yymmddhhmmss032+` for now + `validity` (sgip.md §5.3: exactly
    /// 16 characters, no NUL, `032+` = Beijing time).
    func expireTime(after validity: Duration) -> String {
        let t = Self.beijing(unixSeconds() + max(0, validity.components.seconds))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return two(t.year % 100) + two(t.month) + two(t.day) + two(t.hour) + two(t.minute) + two(t.second) + "032+"
    }
}

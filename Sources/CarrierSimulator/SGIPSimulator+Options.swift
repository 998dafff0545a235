import CarrierWire

extension SGIPSimulator {
    /// What an SGIP SMG does beyond the protocol-neutral ``SimulatorConfiguration``: its node id,
    /// the SP listener it connects back to for Reports and MO (sgip.md §8), its own Bind there,
    /// the codes it answers with, and its idle drop.
    public struct Options: Sendable {
        /// The SMG's node id, `1` + area code + digit (e.g. `107551`, sgip.md §3, §9).
        public var nodeID: UInt32
        /// The SP listener's address; nil until known (see ``SGIPSimulator/setReportTarget(host:port:)``).
        public var reportHost: String?
        public var reportPort: Int?
        /// LoginName / LoginPassword of the SMG's Bind on the SP listener.
        public var loginName: String
        public var loginPassword: String
        /// LoginType of that Bind: 2 (SMG → SP) by spec; other values exercise the listener's refusal.
        public var loginType: UInt8
        /// Reports/MO written on the callback connection and not yet answered, at most.
        public var callbackWindow: Int
        /// The callback connection Unbinds after being idle this long (nothing queued or unanswered).
        public var callbackIdleClose: Duration
        /// Close an SP connection that sent nothing for this long (sgip.md §8: 60 s by default).
        public var idleTimeout: Duration?
        /// Submit_Resp Result when the account's TPS is exceeded: 88 de facto (SMSGate), or 11.
        public var throttleResult: UInt8
        /// Submit_Resp Result when the connection's window is exceeded: 11 "node busy".
        public var windowResult: UInt8
        /// Report ErrorCode for an `UNDELIV` outcome (State 2); 29 "unknown user".
        public var undeliverableError: UInt8
        /// Report ErrorCode for a message whose ExpireTime passed first (State 2; SGIP has no
        /// EXPIRED state, a real SMG reports the last delivery error); 25 "user cannot be reached".
        public var expiredError: UInt8
        /// Wall clock in Unix seconds, for SequenceNumbers and for reading the Submit's absolute
        /// ExpireTime (Beijing time). Injected; the default is a fixed instant, so pass the same
        /// clock as the client's.
        public var clock: @Sendable () -> Int64

        /// Creates options; see each property.
        public init(
            nodeID: UInt32 = 107_551, reportHost: String? = nil, reportPort: Int? = nil,
            loginName: String = "smguser", loginPassword: String = "smgpass", loginType: UInt8 = 2,
            callbackWindow: Int = 32, callbackIdleClose: Duration = .seconds(30), idleTimeout: Duration? = .seconds(60),
            throttleResult: UInt8 = 88, windowResult: UInt8 = 11, undeliverableError: UInt8 = 29,
            expiredError: UInt8 = 25, clock: @escaping @Sendable () -> Int64 = { 1_732_105_945 }
        ) {
            self.nodeID = nodeID
            self.reportHost = reportHost
            self.reportPort = reportPort
            self.loginName = loginName
            self.loginPassword = loginPassword
            self.loginType = loginType
            self.callbackWindow = max(1, callbackWindow)
            self.callbackIdleClose = callbackIdleClose
            self.idleTimeout = idleTimeout
            self.throttleResult = throttleResult
            self.windowResult = windowResult
            self.undeliverableError = undeliverableError
            self.expiredError = expiredError
            self.clock = clock
        }
    }

    /// SGIP-only counters, beside the shared ``SimulatorCounters``.
    public struct Counters: Sendable, Hashable {
        /// SP connections the simulator closed after ``Options/idleTimeout``.
        public var idleClosed = 0
        /// Submits resent under a SequenceNumber already accepted (answered, not counted again).
        public var resends = 0
        /// Long messages whose every segment arrived (reassembled from the UDH).
        public var longMessages = 0
        /// Callback connections opened to the SP listener.
        public var callbackConnects = 0
        public var callbackBindsOK = 0
        public var callbackBindsRefused = 0
        /// Result of the last refused callback Bind.
        public var lastCallbackBindResult: UInt8?
        /// Unbinds the simulator sent on an idle callback connection.
        public var callbackUnbinds = 0

        public init() {}
    }

    /// A long message the simulator reassembled from its segments.
    public struct LongMessage: Sendable, Hashable {
        /// The recipient (`86…`).
        public var destination: String
        public var segments: Int
        /// The decoded text of all segments in order.
        public var text: String
    }
}

/// Beijing-time conversions for SGIP's `MMDDhhmmss` sequence part and `yymmddhhmmsstnnp` times.
enum SGIPTime {
    /// `MMDDhhmmss` of `unixSeconds` in Beijing time (UTC+8).
    static func sequenceTimestamp(_ unixSeconds: Int64) -> UInt32 {
        let local = unixSeconds + 8 * 3600
        let days = floorDiv(local, 86_400), second = Int(local - days * 86_400)
        let (_, month, day) = civil(days)
        return UInt32(month * 100_000_000 + day * 1_000_000 + second / 3600 * 10_000 + second % 3600 / 60 * 100 + second % 60)
    }

    /// Unix seconds of an absolute `yymmddhhmmsstnnp` time (sgip.md §5.3), or nil when empty or
    /// malformed. `tnnp`: tenths, offset in quarter hours, `+`/`-`.
    static func unixSeconds(of text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[15] == UInt8(ascii: "+") || bytes[15] == UInt8(ascii: "-") else { return nil }
        var fields: [Int64] = []
        for index in stride(from: 0, to: 12, by: 2) {
            let high = Int64(bytes[index]) - 48, low = Int64(bytes[index + 1]) - 48
            guard (0...9).contains(high), (0...9).contains(low) else { return nil }
            fields.append(high * 10 + low)
        }
        let quarterHigh = Int64(bytes[13]) - 48, quarterLow = Int64(bytes[14]) - 48
        guard (0...9).contains(quarterHigh), (0...9).contains(quarterLow) else { return nil }
        let offset = (quarterHigh * 10 + quarterLow) * 900 * (bytes[15] == UInt8(ascii: "+") ? 1 : -1)
        let days = daysFromCivil(year: 2000 + fields[0], month: fields[1], day: fields[2])
        return days * 86_400 + fields[3] * 3600 + fields[4] * 60 + fields[5] - offset
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }

    /// H. Hinnant's days-from-civil / civil-from-days, proleptic Gregorian.
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(_ days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, Int(dayOfYear - (153 * mp + 2) / 5 + 1))
    }
}

extension CMPP {
    /// The Stat of a status report, OS(7) (cmpp.md §7.4): an SMPP-style final state, or in 3.0
    /// `XX:dddd` from a network element. Stored raw; meanings of vendor codes are operator specific.
    ///
    /// A report is the *final* outcome of one attempt: every state except `DELIVRD` (and the
    /// intermediate `ACCEPTD`) is `.permanent` — resubmitting later is a business rule, not a
    /// protocol retry (protocols/README.md §1.2).
    public struct ReportStat: CarrierStatus {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Delivered to the handset.
        public static let delivered = ReportStat(rawValue: "DELIVRD")
        /// Validity period expired (handset off or out of coverage too long).
        public static let expired = ReportStat(rawValue: "EXPIRED")
        public static let deleted = ReportStat(rawValue: "DELETED")
        public static let undeliverable = ReportStat(rawValue: "UNDELIV")
        /// Intermediate state; per spec the ISMG drops it, an SP normally never sees it.
        public static let accepted = ReportStat(rawValue: "ACCEPTD")
        public static let unknown = ReportStat(rawValue: "UNKNOWN")
        public static let rejected = ReportStat(rawValue: "REJECTD")

        /// False only for `ACCEPTD`: every other value ends the attempt.
        public var isFinal: Bool { self != .accepted }

        /// The two-letter network element of a 3.0 `XX:dddd` code (`MA`, `MB`, `MC` ISMG↔SMSC,
        /// `CA`/`CB` SCP, `DA`/`DB` DSMP, `SA`/`SB` SP, `IA`/`IB`/`IC` next-hop ISMG, or vendor
        /// letters), nil for the SMPP-style states.
        public var networkElement: String? {
            let bytes = Array(rawValue.utf8)
            guard bytes.count >= 3, bytes[2] == UInt8(ascii: ":"),
                  bytes[0...1].allSatisfy({ (0x41...0x5A).contains($0) }) else { return nil }
            return String(decoding: bytes[0...1], as: UTF8.self)
        }

        public var retryClass: RetryClass {
            self == .delivered || self == .accepted ? .success : .permanent
        }

        public var reason: String {
            switch rawValue {
            case "DELIVRD": return "delivered"
            case "EXPIRED": return "validity period expired"
            case "DELETED": return "deleted"
            case "UNDELIV": return "undeliverable"
            case "ACCEPTD": return "accepted (intermediate)"
            case "UNKNOWN": return "unknown state"
            case "REJECTD": return "rejected"
            default: break
            }
            switch networkElement {
            case "MA": return "no response from SMSC"
            case "MB": return "SMSC returned an error"
            case "MC": return "no status report from SMSC"
            case "CA": return "no response from SCP"
            case "CB": return "SCP returned an error"
            case "DA": return "no response from DSMP"
            case "DB": return "DSMP returned an error"
            case "SA": return "SP did not respond"
            case "SB": return "SP returned an error"
            case "IA": return "no response from next ISMG"
            case "IB": return "next ISMG returned an error"
            case "IC": return "no status report from next ISMG"
            case .some: return "network element error"
            case .none: return "operator-specific state"
            }
        }

        public var description: String { rawValue }
    }
}

/// The status report carried as MsgContent of a Deliver with IsReport = 1 (smgp.md §5.4):
/// 122 bytes of ASCII keywords with fixed-width values, the `id` value being the raw 10-byte
/// MsgID. Parsed by offsets — keyword spelling/case varies between gateways and is not checked.
public struct SMGPReport: Sendable, Hashable {
    /// Encoded length (smgp.md §5.4).
    public static let length = 122
    /// Shortest content accepted: everything up to the `text` value (smgp.md §5.4).
    public static let minimumLength = 102
    /// Width of the `text` value: 3 ASCII digits of original length + 17 content bytes.
    public static let textLength = 20

    /// MsgID of the original Submit.
    public var id: SMGPMsgID
    /// 3 characters, default `001`.
    public var sub: String
    /// 3 characters, default `001`.
    public var dlvrd: String
    /// `YYMMDDhhmm` (10 characters).
    public var submitDate: String
    /// `YYMMDDhhmm` (10 characters).
    public var doneDate: String
    public var stat: SMGPReportStat
    public var err: SMGPReportError
    /// The `text` value, trailing NULs removed: 3 ASCII digits (original length) then up to 17
    /// bytes of the original content in its own coding.
    public var text: [UInt8]

    public init(id: SMGPMsgID, sub: String = "001", dlvrd: String = "001", submitDate: String, doneDate: String,
                stat: SMGPReportStat, err: SMGPReportError, text: [UInt8] = []) {
        self.id = id; self.sub = sub; self.dlvrd = dlvrd; self.submitDate = submitDate
        self.doneDate = doneDate; self.stat = stat; self.err = err; self.text = text
    }

    /// Parses report content by offsets. Accepts any length ≥ 102 (the `text` value may be
    /// short or long). Throws `.invalidField` for shorter content.
    public init(content: [UInt8]) throws(WireError) {
        guard content.count >= Self.minimumLength else {
            throw WireError(.invalidField, protocolName: SMGP.name, commandID: SMGPCommandID.deliver.rawValue,
                            detail: "report content is \(content.count) bytes, at least \(Self.minimumLength) expected")
        }
        func field(_ offset: Int, _ width: Int) -> String {
            var slice = content[offset..<(offset + width)]
            while let last = slice.last, last == 0 || last == 0x20 { slice = slice.dropLast() }
            return String(decoding: slice, as: UTF8.self)
        }
        id = SMGPMsgID(bytes: Array(content[3..<13])) ?? .zero
        sub = field(18, 3)
        dlvrd = field(28, 3)
        submitDate = field(44, 10)
        doneDate = field(65, 10)
        stat = SMGPReportStat(rawValue: field(81, 7))
        err = SMGPReportError(rawValue: field(93, 3))
        var tail = content[102...]
        while tail.last == 0 { tail = tail.dropLast() }
        text = Array(tail)
    }

    /// The 122 content bytes. Shorter values are NUL-padded; throws `.valueTooLong` when a value
    /// exceeds its width.
    public func encoded() throws(WireError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.length)
        func put(_ keyword: String) { out += Array(keyword.utf8) }
        func value(_ text: String, _ width: Int, _ name: String) throws(WireError) {
            try pad(Array(text.utf8), width, name)
        }
        func pad(_ bytes: [UInt8], _ width: Int, _ name: String) throws(WireError) {
            guard bytes.count <= width else {
                throw WireError(.valueTooLong, protocolName: SMGP.name, commandID: SMGPCommandID.deliver.rawValue,
                                detail: "report \(name) is \(bytes.count) bytes, the field holds \(width)")
            }
            out += bytes
            out += [UInt8](repeating: 0, count: width - bytes.count)
        }
        put("id:"); out += id.bytes
        put(" sub:"); try value(sub, 3, "sub")
        put(" dlvrd:"); try value(dlvrd, 3, "dlvrd")
        put(" submit date:"); try value(submitDate, 10, "submit date")
        put(" done date:"); try value(doneDate, 10, "done date")
        put(" stat:"); try value(stat.rawValue, 7, "stat")
        put(" err:"); try value(err.rawValue, 3, "err")
        put(" text:"); try pad(text, Self.textLength, "text")
        return out
    }
}

/// The `stat` value of an SMGP report (smgp.md §5.6). Open for vendor values.
public struct SMGPReportStat: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let delivered = SMGPReportStat(rawValue: "DELIVRD")
    public static let expired = SMGPReportStat(rawValue: "EXPIRED")
    public static let deleted = SMGPReportStat(rawValue: "DELETED")
    public static let undeliverable = SMGPReportStat(rawValue: "UNDELIV")
    public static let accepted = SMGPReportStat(rawValue: "ACCEPTD")
    public static let unknown = SMGPReportStat(rawValue: "UNKNOWN")
    public static let rejected = SMGPReportStat(rawValue: "REJECTD")

    /// True only for `DELIVRD`. Any other value is the final failed outcome of that attempt.
    public var isDelivered: Bool { self == .delivered }

    public var reason: String {
        switch self {
        case .delivered: "delivered"
        case .expired: "validity expired"
        case .deleted: "deleted"
        case .undeliverable: "undeliverable"
        case .accepted: "accepted by end user"
        case .unknown: "unknown state"
        case .rejected: "rejected"
        default: "vendor state"
        }
    }

    public var description: String { "\(rawValue) (\(reason))" }
}

/// The `err` value of an SMGP report (smgp.md §5.6), kept as text: gateways send vendor codes.
public struct SMGPReportError: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let success = SMGPReportError(rawValue: "000")
    public static let userUnreachable = SMGPReportError(rawValue: "001")
    public static let userBusy = SMGPReportError(rawValue: "002")
    public static let missingComponent = SMGPReportError(rawValue: "003")
    public static let illegalUser = SMGPReportError(rawValue: "004")
    public static let blacklisted = SMGPReportError(rawValue: "005")
    public static let systemError = SMGPReportError(rawValue: "006")
    public static let memoryFull = SMGPReportError(rawValue: "007")
    public static let notMessagingTerminal = SMGPReportError(rawValue: "008")
    public static let dataError = SMGPReportError(rawValue: "009")
    public static let dataLost = SMGPReportError(rawValue: "010")
    public static let unknown = SMGPReportError(rawValue: "999")

    public var reason: String {
        switch rawValue {
        case "000": "success"
        case "001": "user cannot be reached"
        case "002": "user busy"
        case "003": "terminal lacks the component"
        case "004": "illegal user"
        case "005": "user on blacklist"
        case "006": "system error"
        case "007": "handset memory full"
        case "008": "not a messaging terminal"
        case "009": "data error"
        case "010": "data lost"
        case "999": "unknown"
        default: "vendor error"
        }
    }

    public var description: String { "\(rawValue) (\(reason))" }
}

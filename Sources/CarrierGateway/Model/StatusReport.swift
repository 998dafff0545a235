/// A delivery status report, protocol-neutral: what the carrier says became of one submitted
/// segment. Built by each ``ProtocolAdapter`` from its report PDU (SMPP receipt deliver_sm, CMPP
/// DELIVER with Registered_Delivery 1, SGIP Report, SMGP Deliver with IsReport 1).
///
/// `description` masks the destination (DESIGN.md: numbers are personal data).
public struct StatusReport: Sendable, Hashable {
    /// The final (or intermediate) state, from the protocol's stat word or state field.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// `DELIVRD` / SGIP State 0.
        case delivered
        /// `EXPIRED`: the validity period ran out first.
        case expired
        /// `UNDELIV` / SGIP State 2.
        case undeliverable
        /// `DELETED`.
        case deleted
        /// `REJECTD`.
        case rejected
        /// `UNKNOWN` or a word this table does not know (the raw word stays in ``StatusReport/stat``).
        case unknown
        /// `ACCEPTD` / `ENROUTE`: not final yet.
        case pending

        /// Maps a 7-letter stat word (case-insensitive; long spellings accepted).
        public init(stat: String) {
            switch stat.uppercased() {
            case "DELIVRD", "DELIVERED": self = .delivered
            case "EXPIRED": self = .expired
            case "UNDELIV", "UNDELIVERABLE", "UNDELIVERED": self = .undeliverable
            case "DELETED": self = .deleted
            case "REJECTD", "REJECTED": self = .rejected
            case "ACCEPTD", "ACCEPTED", "ENROUTE", "SCHEDULED": self = .pending
            default: self = .unknown
            }
        }

        /// Whether the carrier has finished with the message.
        public var isFinal: Bool { self != .pending }
    }

    /// The carrier message id of the submit, normalised exactly as ``SubmitOutcome/accepted(messageID:)``.
    public var messageID: String
    /// The stat word as sent (`DELIVRD`, `UNDELIV`, `EXPIRED` …); SGIP adapters write `DELIVRD`/`UNDELIV`.
    public var stat: String
    /// ``stat`` classified.
    public var outcome: Outcome
    /// The carrier/network error code, raw (`000`, `MK:0005` …); nil when absent.
    public var errorCode: String?
    /// Submit time as the carrier wrote it (`YYMMDDhhmm` …), raw.
    public var submitTime: String?
    /// Done time as the carrier wrote it, raw.
    public var doneTime: String?
    /// The handset the message went to (personal data).
    public var destination: String
    /// Name of the link that received the report.
    public var link: String
    /// Set when the link waits for the consumer to answer the carrier
    /// (``ReportAcknowledgementPolicy/whenRecorded``): call it once the report is recorded.
    public var acknowledgement: ReportAcknowledgement?

    /// Creates a report; `outcome` defaults to the classification of `stat`.
    public init(
        messageID: String, stat: String, outcome: Outcome? = nil, errorCode: String? = nil,
        submitTime: String? = nil, doneTime: String? = nil, destination: String, link: String
    ) {
        self.messageID = messageID
        self.stat = stat
        self.outcome = outcome ?? Outcome(stat: stat)
        self.errorCode = errorCode
        self.submitTime = submitTime
        self.doneTime = doneTime
        self.destination = destination
        self.link = link
    }
}

extension StatusReport: CustomStringConvertible {
    public var description: String {
        "StatusReport(id: \(messageID), stat: \(stat), err: \(errorCode ?? "-"), to: \(maskedNumber(destination)), link: \(link))"
    }
}

/// A mobile-originated message (a reply from a handset), protocol-neutral.
public struct MOMessage: Sendable, Hashable {
    /// The sending handset (personal data).
    public var source: String
    /// Our service number it was sent to (e.g. `12379…`).
    public var destination: String
    /// The raw content bytes, decoded later by ``dataCoding``.
    public var content: [UInt8]
    /// The protocol's data-coding value.
    public var dataCoding: UInt8
    /// Whether `content` starts with a UDH (one segment of a long MO).
    public var hasUDH: Bool
    /// Name of the link that received it.
    public var link: String
    /// Set when the link waits for the consumer to answer the carrier
    /// (``ReportAcknowledgementPolicy/whenRecorded``): call it once the message is recorded.
    public var acknowledgement: ReportAcknowledgement?

    /// Creates an MO message.
    public init(source: String, destination: String, content: [UInt8], dataCoding: UInt8, hasUDH: Bool, link: String) {
        self.source = source
        self.destination = destination
        self.content = content
        self.dataCoding = dataCoding
        self.hasUDH = hasUDH
        self.link = link
    }
}

extension MOMessage: CustomStringConvertible {
    public var description: String {
        "MOMessage(from: \(maskedNumber(source)), to: \(destination), \(content.count) bytes, link: \(link))"
    }
}

/// What a link's inbound stream yields: status reports and MO messages, in arrival order.
public enum CarrierReport: Sendable, Hashable {
    case status(StatusReport)
    case mo(MOMessage)
}

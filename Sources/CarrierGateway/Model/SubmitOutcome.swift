import CarrierSession
import CarrierWire

/// The carrier's answer to one submit. Carrier status codes are data, not errors (STYLE.md habit 5):
/// a refusal is a normal outcome the dispatcher records and classifies.
public enum SubmitOutcome: Sendable, Hashable {
    /// Accepted; `messageID` is the carrier's id, normalised the way the link's status reports
    /// are, so a report matches it by string equality.
    case accepted(messageID: String)
    /// Refused with a status; see ``CarrierRejection/retryClass``.
    case rejected(CarrierRejection)

    /// The accepted message id, or nil.
    public var messageID: String? {
        if case .accepted(let id) = self { return id }
        return nil
    }

    /// `.success` when accepted, else the rejection's class.
    public var retryClass: RetryClass {
        switch self {
        case .accepted: .success
        case .rejected(let rejection): rejection.retryClass
        }
    }
}

/// A carrier's non-success status for a submit.
public struct CarrierRejection: Sendable, Hashable, CustomStringConvertible {
    /// The raw status code (SMPP command_status, CMPP Result …).
    public var code: UInt32
    /// A readable form, e.g. `ESME_RTHROTTLED (0x58): throttling: allowed rate exceeded`.
    public var text: String
    /// What to do about it (protocols/README.md §1.2).
    public var retryClass: RetryClass

    /// Creates a rejection.
    public init(code: UInt32, text: String, retryClass: RetryClass) {
        self.code = code
        self.text = text
        self.retryClass = retryClass
    }

    public var description: String { "\(text) [\(retryClass.rawValue)]" }
}

/// Why a submit got no carrier answer. Thrown by `submit`; every case says through ``retry``
/// whether resubmitting may deliver the message twice (STYLE.md habit 6: a struct with a code).
public struct SubmitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What happened, as an open set of named codes.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// No link of the account can take submits (login refused, all links stopped).
        public static let linkDown = Code(rawValue: "link_down")
        /// The account's waiting queue is at ``LinkConfiguration/maxQueuedSubmits``.
        public static let backlogFull = Code(rawValue: "backlog_full")
        /// The link is shutting down and takes no new submits; queued ones are handed back.
        public static let shuttingDown = Code(rawValue: "shutting_down")
        /// The message cannot be encoded for this protocol (too long, bad field): do not retry as is.
        public static let invalidMessage = Code(rawValue: "invalid_message")
        /// The connection dropped while the submit was in flight.
        public static let connectionLost = Code(rawValue: "connection_lost")
        /// No response within the session's response timeout (after all its sends).
        public static let timedOut = Code(rawValue: "timed_out")
        /// The link was declared dead (keep-alives unanswered) while the submit was in flight.
        public static let linkDead = Code(rawValue: "link_dead")
        /// The carrier ended the session while the submit was in flight.
        public static let peerTerminated = Code(rawValue: "peer_terminated")
        /// A graceful shutdown stopped waiting for the response.
        public static let drainTimedOut = Code(rawValue: "drain_timed_out")
    }

    /// What happened.
    public var code: Code
    /// `.safe` when the carrier never saw the submit; `.mayDuplicate` when it was written and
    /// not answered (the carrier may have accepted it).
    public var retry: SubmitRetry
    /// Times the submit was written to a connection.
    public var attempts: Int

    /// Creates an error.
    public init(_ code: Code, retry: SubmitRetry, attempts: Int = 0) {
        self.code = code
        self.retry = retry
        self.attempts = attempts
    }

    /// Maps the session machine's failure.
    init(_ failure: SubmitFailure) {
        let code: Code
        switch failure.reason {
        case .notBound: code = .linkDown
        case .closing: code = .shuttingDown
        case .duplicateKey, .connectionLost: code = .connectionLost
        case .timedOut: code = .timedOut
        case .drainTimedOut: code = .drainTimedOut
        case .peerTerminated: code = .peerTerminated
        case .linkDead: code = .linkDead
        }
        self.init(code, retry: failure.retry, attempts: failure.attempts)
    }

    public var description: String {
        "SubmitError(\(code), retry: \(retry == .safe ? "safe" : "may duplicate"), attempts: \(attempts))"
    }
}

/// What a sender should do with a carrier's answer (protocols/README.md §1.2). Carrier status codes
/// are open value types (carriers invent vendor codes); each maps its value to one of these.
public enum RetryClass: String, Sendable, Hashable, CaseIterable {
    /// Accepted.
    case success
    /// Transient: retry the same message with back-off (possibly on another link).
    case retryLater
    /// The gateway says we are too fast: slow the link down and retry the same message later.
    case throttle
    /// Permanent for this message: record the code and reason, do not retry.
    case permanent
    /// The link or account cannot be used (login/config/quota): alert the operator, reconnect slowly.
    case linkFatal
}

/// A carrier status/result code: an open set of values with named constants.
public protocol CarrierStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// How a sender must treat this answer.
    var retryClass: RetryClass { get }
    /// A short readable reason (English), for ledgers and logs.
    var reason: String { get }
}

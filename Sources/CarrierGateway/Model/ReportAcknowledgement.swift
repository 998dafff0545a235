import Synchronization

/// When a link answers the carrier's status reports and MO messages.
public enum ReportAcknowledgementPolicy: String, Sendable, Hashable {
    /// As soon as the report is in the account's report buffer (tools, tests, benchmarks).
    case onReceipt
    /// Only when the consumer calls ``ReportAcknowledgement/acknowledge()`` — once it has
    /// recorded the report durably. A crash before then leaves the report unanswered, so the
    /// carrier delivers it again on the next connection instead of it being lost. The dispatcher
    /// runs its links this way.
    case whenRecorded
}

/// Sends the protocol's answer to one status report or MO message, at most once, on the
/// connection it arrived on (nothing is sent when that connection has closed meanwhile: the
/// carrier then delivers the report again). Not part of the report's value: two reports that
/// differ only in their acknowledgement are equal.
public struct ReportAcknowledgement: Sendable, Hashable {
    private let once: Once

    /// `send` runs at most once, from ``acknowledge()``.
    init(_ send: @escaping @Sendable () -> Void) { once = Once(send) }

    /// Answers the carrier: the report is safe on our side.
    public func acknowledge() { once.run() }

    public static func == (lhs: Self, rhs: Self) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    private final class Once: Sendable {
        private let send: Mutex<(@Sendable () -> Void)?>
        init(_ send: @escaping @Sendable () -> Void) { self.send = Mutex(send) }
        func run() { send.withLock { s in defer { s = nil }; return s }?() }
    }
}

extension CarrierReport {
    /// Answers the carrier for this report or MO when its link waits for the consumer
    /// (``ReportAcknowledgementPolicy/whenRecorded``); nothing otherwise.
    public func acknowledge() {
        switch self {
        case .status(let report): report.acknowledgement?.acknowledge()
        case .mo(let message): message.acknowledgement?.acknowledge()
        }
    }
}

import CarrierGateway

/// One carrier account as the dispatcher uses it: submit with backpressure, and one stream of
/// status reports and replies. `LinkGroup` is the real one; a test can wrap one to observe the
/// order of submits.
public protocol CarrierAccount: Sendable {
    /// The account's configuration: name (the ledger's `link`), carrier, test link, window.
    var configuration: LinkConfiguration { get }
    /// Submits one segment and waits for the carrier's answer (see `LinkGroup.submit`).
    func submit(_ message: OutboundMessage) async throws -> SubmitOutcome
    /// The same submit without a task: `answered` gets the answer (or the error `submit` would
    /// throw) on the account's event loop. The returned closure withdraws the submit if it is not
    /// yet written to a socket (`answered` then gets `CancellationError`); after that it does nothing.
    func submit(_ message: OutboundMessage, answered: @escaping @Sendable (Result<SubmitOutcome, any Error>) -> Void) -> @Sendable () -> Void
    /// Status reports and MO replies of every connection of the account. One consumer.
    var reports: ReportStream { get }
}

extension LinkGroup: CarrierAccount {}

extension LinkConfiguration {
    /// Submits the account can have in flight: the window of each connection, summed.
    var windowSum: Int { session.windowSize * connections }
}

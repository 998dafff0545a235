import CarrierGateway

/// One carrier account as the dispatcher uses it: submit with backpressure, and one stream of
/// status reports and replies. `LinkGroup` is the real one; a test can wrap one to observe the
/// order of submits.
public protocol CarrierAccount: Sendable {
    /// The account's configuration: name (the ledger's `link`), carrier, test link, window.
    var configuration: LinkConfiguration { get }
    /// Submits one segment and waits for the carrier's answer (see `LinkGroup.submit`).
    func submit(_ message: OutboundMessage) async throws -> SubmitOutcome
    /// Status reports and MO replies of every connection of the account. One consumer.
    var reports: ReportStream { get }
}

extension LinkGroup: CarrierAccount {}

extension LinkConfiguration {
    /// Submits the account can have in flight: the window of each connection, summed.
    var windowSum: Int { session.windowSize * connections }
}

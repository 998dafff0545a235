import Foundation
import TocsinCore

/// A `WarningDispatcher` that records what it is asked and answers from fixed data.
actor RecordingDispatcher: WarningDispatcher {
    private(set) var dispatched: [WarningIdentifier] = []
    private(set) var dispatchedModes: [WarningMode] = []
    private(set) var stopped: [(WarningIdentifier, String)] = []
    var ledgerRows: [DeliveryLedgerEntry] = []

    func dispatch(_ warning: Warning, approvedAt: Date) async throws {
        dispatched.append(warning.id)
        dispatchedModes.append(warning.mode)
    }

    func stop(_ id: WarningIdentifier, reason: String, at: Date) async throws {
        stopped.append((id, reason))
    }

    func progress(of id: WarningIdentifier) async throws -> DispatchProgress? {
        guard dispatched.contains(id) else { return nil }
        return DispatchProgress(warningID: id, total: .init(planned: ledgerRows.count, delivered: ledgerRows.count), byCarrier: [:], isFinished: true)
    }

    func ledger(of id: WarningIdentifier, after: Int64?, limit: Int) async throws -> [DeliveryLedgerEntry] {
        Array(ledgerRows.filter { $0.seq > (after ?? 0) }.prefix(limit))
    }

    func setLedger(_ rows: [DeliveryLedgerEntry]) { ledgerRows = rows }
    var stoppedIDs: [WarningIdentifier] { stopped.map(\.0) }
}

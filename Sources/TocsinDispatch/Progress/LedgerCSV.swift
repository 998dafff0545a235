import Foundation
import TocsinCore

/// The ledger's CSV columns (the web layer writes and serves the file).
enum LedgerCSV {
    static let header = ["seq", "number", "carrier", "contact_id", "state", "attempts", "link", "message_id",
                         "submitted_at", "finished_at", "status_code", "reason", "acknowledged_at"]

    static func row(_ e: DeliveryLedgerEntry) -> [String] {
        [String(e.seq), e.number, e.carrier, e.contactID.map(String.init) ?? "", e.state, String(e.attempts), e.link ?? "",
         e.messageID ?? "", time(e.submittedAt), time(e.finishedAt), e.statusCode ?? "", e.reason ?? "", time(e.acknowledgedAt)]
    }

    /// CAP-style Beijing time (`2024-07-30T14:05:00+08:00`), empty when absent.
    private static func time(_ d: Date?) -> String { d.map(WarningReference.capDateTime) ?? "" }
}

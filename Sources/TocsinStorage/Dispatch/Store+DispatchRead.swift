import Foundation
import SQLKit
import TocsinCore

/// Reads of the deliveries queue: tallies (counters rebuilt on start), the ledger, report and
/// reply matching (docs/dispatch.md "Progress", "Receipts").
extension Store {
    /// Deliveries of a dispatch per carrier and state, and acknowledgements per carrier.
    public func deliveryTally(dispatchID: Int64) async throws -> DeliveryTally {
        let sink = RowSink<DeliveryTally>(DeliveryTally())
        try await fastRead("""
            SELECT carrier, state, COUNT(*) AS n, COUNT(acked_at) AS a FROM deliveries WHERE dispatch_id = ? GROUP BY carrier, state
            """, [.int(dispatchID)]) { row in
            let carrier = Int(row.int("carrier") ?? 0)
            guard let state = DeliveryState(rawValue: Int(row.int("state") ?? -1)) else { return }
            sink.update { t in
                t.counts[carrier, default: [:]][state, default: 0] += Int(row.int("n") ?? 0)
                t.acknowledged[carrier, default: 0] += Int(row.int("a") ?? 0)
            }
        }
        return try sink.result()
    }

    /// Up to `limit` ledger lines of a dispatch after the delivery `after` (nil: from the start),
    /// in planning order. Carriers are named by `carrierNames` (index → name).
    public func ledger(dispatchID: Int64, after: Int64?, limit: Int, carrierNames: [String]) async throws -> [DeliveryLedgerEntry] {
        let sink = RowSink<[DeliveryLedgerEntry]>([])
        try await fastRead("""
            SELECT id, number, carrier, contact_id, state, attempts, account, message_id, submitted_at, finished_at, status_code, reason, acked_at
            FROM deliveries WHERE dispatch_id = ? AND id > ? ORDER BY id LIMIT ?
            """, [.int(dispatchID), .int(after ?? 0), .int(Int64(max(0, limit)))]) { row in
            func date(_ c: String) -> Date? { row.int(c).map(Date.init(millis:)) }
            let carrier = Int(row.int("carrier") ?? 0)
            let state = DeliveryState(rawValue: Int(row.int("state") ?? 0)) ?? .queued
            let entry = DeliveryLedgerEntry(
                seq: row.int("id") ?? 0, number: String(row.int("number") ?? 0),
                carrier: carrierNames.indices.contains(carrier) ? carrierNames[carrier] : String(carrier),
                contactID: row.int("contact_id"), state: state.ledgerName, attempts: Int(row.int("attempts") ?? 0),
                link: row.text("account"), messageID: row.text("message_id"), submittedAt: date("submitted_at"),
                finishedAt: date("finished_at"), statusCode: row.text("status_code"), reason: row.text("reason"),
                acknowledgedAt: date("acked_at"))
            sink.update { $0.append(entry) }
        }
        return try sink.result()
    }

    /// Deliveries carrying one of `messageIDs` (status reports whose submit is no longer in
    /// memory, e.g. after a restart). The caller checks the account.
    public func deliveries(withMessageIDs messageIDs: [String]) async throws -> [DeliveryKey] {
        var found: [DeliveryKey] = []
        for chunk in messageIDs.chunked(into: 500) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            found += try await deliveryKeys("message_id IN (\(marks))", chunk.map { .text($0) })
        }
        return found
    }

    /// The delivery of the latest warning submitted to `number` (an MO reply acknowledges it).
    public func latestSubmittedDelivery(to number: Int64) async throws -> DeliveryKey? {
        try await deliveryKeys("number = ? AND state IN (2, 3) ORDER BY submitted_at DESC, id DESC LIMIT 1", [.int(number)]).first
    }

    private func deliveryKeys(_ condition: String, _ binds: [BulkValue]) async throws -> [DeliveryKey] {
        let sink = RowSink<[DeliveryKey]>([])
        try await fastRead("SELECT id, dispatch_id, carrier, state, account, message_id, acked_at FROM deliveries WHERE \(condition)", binds) { row in
            let key = DeliveryKey(id: row.int("id") ?? 0, dispatchID: row.int("dispatch_id") ?? 0, carrier: Int(row.int("carrier") ?? 0),
                                  state: DeliveryState(rawValue: Int(row.int("state") ?? 0)) ?? .queued, account: row.text("account"),
                                  messageID: row.text("message_id"), acknowledged: row.int("acked_at") != nil)
            sink.update { $0.append(key) }
        }
        return try sink.result()
    }
}

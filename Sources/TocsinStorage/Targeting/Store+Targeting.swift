import Foundation
import SQLKit
import TocsinCore

/// Recipient resolution and reach (docs/targeting.md). The semantics are `TargetingRequest`'s;
/// the SQL is `TargetingSQL`'s.
extension Store {
    /// Expands `request` against the stored regions, groups and group subscriptions (small tables).
    public func targetingScope(for request: TargetingRequest) async throws -> TargetingScope {
        let rows = try await sql.raw("SELECT group_id, hazard_code, min_level_rank FROM subscriptions WHERE group_id IS NOT NULL").all()
        let subscriptions = try rows.map { row in
            Subscription(subject: .group(try row.decode(column: "group_id", as: Int64.self)),
                         hazardCode: try row.decode(column: "hazard_code", as: String?.self),
                         minimumLevel: WarningLevel(rank: try row.decode(column: "min_level_rank", as: Int.self)) ?? .blue)
        }
        return TargetingScope(request: request, regions: try await regions(), groups: try await groups(), groupSubscriptions: subscriptions)
    }

    /// The stored segment table and ported numbers, compiled for bulk lookups. Load once per
    /// resolution (or keep it while the tables do not change) and pass it to the calls below.
    public func carrierLookup() async throws -> CarrierLookup {
        CarrierLookup(try await carrierResolver())
    }

    /// Resolves `request` into its recipients (one per number, with carrier and contact) and the
    /// candidates' numbers left out with their reason. What the dispatcher calls when a warning
    /// is approved, with `sendTime` = the moment it plans the deliveries.
    public func resolveRecipients(_ request: TargetingRequest, carriers: CarrierLookup? = nil) async throws -> RecipientList {
        let scope = try await targetingScope(for: request)
        guard !scope.selectsNobody else { return RecipientList() }
        let lookup = try await resolvedLookup(carriers)
        let sink = RowSink<RecipientList>(RecipientList())
        try await sql.raw(TargetingSQL(scope: scope, dialect: dialect).numbers).run { row in
            do {
                let key = UInt64(clamping: try row.decode(column: "k", as: Int64.self))
                let contactID = try row.decode(column: "cid", as: Int64.self)
                let reason = try row.decode(column: "r", as: Int.self)
                sink.update { list in
                    let number = CarrierLookup.isMobileKey(key) ? PhoneNumber(canonical: String(key)) : nil
                    if reason != 0 {
                        list.exclusions.append(Exclusion(number: number, contactID: contactID, reason: ExclusionReason(code: reason) ?? .explicitlyExcluded))
                    } else if let number {
                        if let carrier = lookup.carrier(forKey: key) {
                            list.recipients.append(Recipient(number: number, carrier: carrier, contactID: contactID))
                        } else {
                            list.exclusions.append(Exclusion(number: number, contactID: contactID, reason: .unknownCarrier))
                        }
                    } else {
                        list.exclusions.append(Exclusion(number: nil, contactID: contactID, reason: .invalidNumber))
                    }
                }
            } catch {
                sink.fail(error)
            }
        }
        return try sink.result()
    }

    /// Counts what `request` would reach, per carrier and per exclusion reason, without
    /// materialising the numbers (the counting is done by the database), and estimates the time
    /// to hand it to the carriers with `capacity`. What the review screen and the API call.
    public func reach(_ request: TargetingRequest, capacity: LinkCapacity, carriers: CarrierLookup? = nil) async throws -> Reach {
        let scope = try await targetingScope(for: request)
        guard !scope.selectsNobody else { return Reach(recipientsByCarrier: [:], excludedByReason: [:], capacity: capacity) }
        let lookup = try await resolvedLookup(carriers)
        let query = TargetingSQL(scope: scope, dialect: dialect)
        var byCarrier: [Carrier: Int] = [:]
        var excluded: [ExclusionReason: Int] = [:]
        for row in try await sql.raw(query.countsByReasonAndPrefix).all() {
            let reason = try row.decode(column: "r", as: Int.self)
            let prefix = try row.decode(column: "p", as: Int.self)
            let count = try row.decode(column: "cnt", as: Int.self)
            if reason != 0 {
                excluded[ExclusionReason(code: reason) ?? .explicitlyExcluded, default: 0] += count
            } else if !(1300...1999).contains(prefix) {
                excluded[.invalidNumber, default: 0] += count
            } else if let carrier = lookup.segmentCarrier(forPrefix4: prefix) {
                byCarrier[carrier, default: 0] += count
            } else {
                excluded[.unknownCarrier, default: 0] += count
            }
        }
        // Ported numbers were counted under their segment above: move them to their real carrier.
        for row in try await sql.raw(query.portedNumbers).all() {
            let key = UInt64(clamping: try row.decode(column: "k", as: Int64.self))
            guard try row.decode(column: "r", as: Int.self) == 0, CarrierLookup.isMobileKey(key),
                  let ported = Carrier(rawValue: try row.decode(column: "carrier", as: String.self)) else { continue }
            if let segment = lookup.segmentCarrier(forKey: key) { byCarrier[segment, default: 0] -= 1 } else { excluded[.unknownCarrier, default: 0] -= 1 }
            byCarrier[ported, default: 0] += 1
        }
        return Reach(recipientsByCarrier: byCarrier, excludedByReason: excluded, capacity: capacity)
    }

    private func resolvedLookup(_ given: CarrierLookup?) async throws -> CarrierLookup {
        if let given { return given }
        return try await carrierLookup()
    }
}

/// Collects the rows of one streaming query. The driver calls the row handler sequentially from
/// one thread, and `result()` is read only after the query has finished, so the lock is never
/// contended; it is there to make that ordering explicit to the compiler.
final class RowSink<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    private var error: (any Error)?

    init(_ value: Value) { self.value = value }

    func update(_ body: (inout Value) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        if error == nil { body(&value) }
    }

    func fail(_ error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        if self.error == nil { self.error = error }
    }

    func result() throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let error { throw error }
        return value
    }
}

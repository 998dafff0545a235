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
        @Sendable func add(_ list: inout RecipientList, _ k: Int64, _ contactID: Int64, _ reason: Int) {
            let key = UInt64(clamping: k)
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
        if let snapshot = try await targetingSnapshot() {
            var list = RecipientList()
            snapshot.forEachCandidateNumber(scope) { i, k, reason in add(&list, k, snapshot.contactIDs[i], reason) }
            return list
        }
        let sink = RowSink<RecipientList>(RecipientList())
        try await forEachIntegerRow(TargetingSQL(scope: scope, dialect: dialect).numbers, columns: ("k", "cid", "r")) { k, contactID, reason in
            sink.update { add(&$0, k, contactID, Int(reason)) }
        }
        return try sink.result()
    }

    /// Counts what `request` would reach, per carrier and per exclusion reason, and estimates the
    /// time to hand it to the carriers with `capacity`. What the review screen and the API call.
    ///
    /// The same statement as resolution, but nothing is materialised: each row is two integers
    /// added to a counter. (Counting with `GROUP BY` in SQLite was measured slower: its sorter
    /// costs more per row than streaming the integers out.)
    public func reach(_ request: TargetingRequest, capacity: LinkCapacity, carriers: CarrierLookup? = nil) async throws -> Reach {
        let scope = try await targetingScope(for: request)
        guard !scope.selectsNobody else { return Reach(recipientsByCarrier: [:], excludedByReason: [:], capacity: capacity) }
        let lookup = try await resolvedLookup(carriers)
        // Counters indexed by carrier (Carrier.allCases order) and by reason code.
        let zero: (carriers: [Int], reasons: [Int]) = ([Int](repeating: 0, count: Carrier.allCases.count), [Int](repeating: 0, count: 8))
        let carrierIndex = Dictionary(uniqueKeysWithValues: Carrier.allCases.enumerated().map { ($1, $0) })
        @Sendable func count(_ counts: inout (carriers: [Int], reasons: [Int]), _ k: Int64, _ reason: Int) {
            let key = UInt64(clamping: k)
            if reason != 0 {
                counts.reasons[reason & 7] += 1
            } else if !CarrierLookup.isMobileKey(key) {
                counts.reasons[ExclusionReason.invalidNumber.code] += 1
            } else if let carrier = lookup.carrier(forKey: key) {
                counts.carriers[carrierIndex[carrier]!] += 1
            } else {
                counts.reasons[ExclusionReason.unknownCarrier.code] += 1
            }
        }
        let counts: (carriers: [Int], reasons: [Int])
        if let snapshot = try await targetingSnapshot() {
            var c = zero
            snapshot.forEachCandidateNumber(scope) { _, k, reason in count(&c, k, reason) }
            counts = c
        } else {
            let sink = RowSink(zero)
            try await forEachIntegerRow(TargetingSQL(scope: scope, dialect: dialect).numbers, columns: ("k", "r", "cid")) { k, reason, _ in
                sink.update { count(&$0, k, Int(reason)) }
            }
            counts = try sink.result()
        }
        var byCarrier: [Carrier: Int] = [:]
        for (i, c) in Carrier.allCases.enumerated() { byCarrier[c] = counts.carriers[i] }
        var excluded: [ExclusionReason: Int] = [:]
        for (code, n) in counts.reasons.enumerated() where n > 0 { excluded[ExclusionReason(code: code) ?? .explicitlyExcluded] = n }
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

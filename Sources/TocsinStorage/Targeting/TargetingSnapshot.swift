import Foundation
import SQLiteKit
import TocsinCore

/// The address book's targeting columns in memory, in compact arrays indexed by contact (docs/targeting.md,
/// "The in-memory snapshot"): what `TargetingSQL` reads per contact, read once.
///
/// It is exact, never approximately current: it carries the change-log position (`mark`, the
/// largest `changes.id`) it was read at, in the same read transaction as the rows, and is used
/// only while the change log still ends there. Every address-book write appends to the change log
/// in its own transaction (`ChangeLog`), so any write makes it stale. Only the contact-level data is
/// held; regions, groups, group subscriptions, segments and ported numbers are small and read per
/// request as on the SQL path.
struct TargetingSnapshot: Sendable {
    /// `changes.id` of the last change the snapshot includes.
    let mark: Int64
    /// Contact ids, ascending; the index into every per-contact array.
    var contactIDs: [Int64] = []
    /// Index into `regionCodes`, or -1 for a contact without a region.
    var region: [Int32] = []
    var regionCodes: [String] = []
    /// `regionCodes` the other way round.
    var regionIndex: [String: Int32] = [:]
    /// Index into `validity`, or -1 for a contact without a validity window.
    var validityIndex: [Int32] = []
    /// (valid_from, valid_until) in epoch milliseconds; `Int64.min` / `Int64.max` where open.
    var validity: [(from: Int64, until: Int64)] = []
    /// Quiet hours packed as `start << 16 | end << 1 | orangeOverrides`, or -1 for none.
    var quiet: [Int32] = []
    /// Group memberships: `groups[groupStart[i] ..< groupStart[i + 1]]` are contact i's group indexes.
    var groupStart: [Int32] = [0]
    var groups: [Int32] = []
    var groupIDs: [Int64] = []
    /// `groupIDs` the other way round.
    var groupIndex: [Int64: Int32] = [:]
    /// Own subscriptions: `subscriptions[subscriptionStart[i] ..< subscriptionStart[i + 1]]`, each
    /// `hazardIndex << 8 | min_level_rank` with hazard index 0 for "every hazard".
    var subscriptionStart: [Int32] = [0]
    var subscriptions: [UInt32] = []
    /// Index 0 is "every hazard" (NULL); the rest are the hazard codes seen.
    var hazardCodes: [String] = [""]
    /// `hazardCodes` the other way round (without "every hazard").
    var hazardIndex: [String: UInt32] = [:]
    /// Numbers as integer keys (`StoreDialect.numberKey`: 0 when not 11 digits):
    /// `numbers[numberStart[i] ..< numberStart[i + 1]]`.
    var numberStart: [Int32] = [0]
    var numbers: [Int64] = []

    var count: Int { contactIDs.count }

    /// Approximate bytes held by the arrays (for logs and the benchmark).
    var approximateBytes: Int {
        contactIDs.count * 8 + region.count * 4 + validityIndex.count * 4 + validity.count * 16 + quiet.count * 4
            + groupStart.count * 4 + groups.count * 4 + subscriptionStart.count * 4 + subscriptions.count * 4
            + numberStart.count * 4 + numbers.count * 8
    }

    init(mark: Int64) { self.mark = mark }

    /// Calls `visit(contactIndex, numberKey, reason)` for every number of every candidate contact of
    /// `scope`, in ascending contact id and number order, with the contact-level exclusion reason
    /// code at the send time (0 when none). Exactly the rows `TargetingSQL.numbers` yields.
    func forEachCandidateNumber(_ scope: TargetingScope, _ visit: (Int, Int64, Int) -> Void) {
        let n = count
        guard n > 0 else { return }
        let request = scope.request
        // Per-region flags: area membership (paths 1–2) and rule regions (path 3).
        var inArea = [Bool](repeating: scope.areaRegionCodes == nil, count: regionCodes.count)
        for code in scope.areaRegionCodes ?? [] { if let i = regionIndex[code] { inArea[Int(i)] = true } }
        var inRule = [Bool](repeating: false, count: regionCodes.count)
        for code in scope.ruleRegionCodes { if let i = regionIndex[code] { inRule[Int(i)] = true } }
        let anyRuleRegion = inRule.contains(true)
        // Groups whose members are selected.
        var memberGroup = [Bool](repeating: false, count: groupIDs.count)
        for g in scope.memberGroupIDs { if let i = groupIndex[g] { memberGroup[Int(i)] = true } }
        let anyMemberGroup = memberGroup.contains(true)
        // Own subscriptions: "every hazard" (0) or the warning's hazard, minimum rank at or above the level's.
        let hazard = hazardIndex[request.hazardCode] ?? UInt32.max >> 8  // unknown: only "every hazard" matches
        let levelRank = UInt32(request.level.rank)
        let useOwn = scope.useOwnSubscriptions
        // Explicit and excluded contacts, as marks by index.
        let explicit = marks(for: scope.explicitContactIDs)
        let excluded = marks(for: scope.excludedContactIDs)
        // Quiet hours at the send time: red always overrides, orange when the contact allows it.
        let minute = Int32(request.localMinuteOfDay)
        let level = request.level
        let at = request.sendTime.millis
        let mayBeQuiet = level != .red

        for i in 0..<n {
            let r = Int(region[i])
            var candidate = false
            if r >= 0 && anyRuleRegion && inRule[r] {
                candidate = true
            } else if explicit?[i] == true {
                candidate = true
            } else if r < 0 || inArea[r] {
                if anyMemberGroup {
                    var k = Int(groupStart[i])
                    let end = Int(groupStart[i + 1])
                    while k < end {
                        if memberGroup[Int(groups[k])] { candidate = true; break }
                        k += 1
                    }
                }
                if !candidate && useOwn {
                    var k = Int(subscriptionStart[i])
                    let end = Int(subscriptionStart[i + 1])
                    while k < end {
                        let s = subscriptions[k]
                        let h = s >> 8
                        if (h == 0 || h == hazard) && (s & 0xFF) >= levelRank { candidate = true; break }
                        k += 1
                    }
                }
            }
            guard candidate else { continue }
            var reason = 0
            if excluded?[i] == true {
                reason = ExclusionReason.explicitlyExcluded.code
            } else {
                let v = Int(validityIndex[i])
                if v >= 0 && validity[v].from > at {
                    reason = ExclusionReason.notYetValid.code
                } else if v >= 0 && validity[v].until <= at {
                    reason = ExclusionReason.expired.code
                } else if mayBeQuiet {
                    let q = quiet[i]
                    if q >= 0 && (level != .orange || q & 1 == 0) {
                        let start = q >> 16, end = (q >> 1) & 0x7FFF
                        let inside = start < end ? (minute >= start && minute < end)
                            : start > end ? (minute >= start || minute < end) : false
                        if inside { reason = ExclusionReason.quietHours.code }
                    }
                }
            }
            for k in Int(numberStart[i])..<Int(numberStart[i + 1]) { visit(i, numbers[k], reason) }
        }
    }

    /// A mark per contact index for `ids`, or nil when `ids` is empty. Ids not in the snapshot are ignored.
    private func marks(for ids: Set<Int64>) -> [Bool]? {
        guard !ids.isEmpty else { return nil }
        var result = [Bool](repeating: false, count: count)
        for id in ids {
            var lo = 0, hi = count
            while lo < hi {
                let mid = (lo + hi) / 2
                if contactIDs[mid] < id { lo = mid + 1 } else { hi = mid }
            }
            if lo < count && contactIDs[lo] == id { result[lo] = true }
        }
        return result
    }
}

/// When a `Store` answers targeting from a `TargetingSnapshot` (SQLite file databases only).
public enum TargetingSnapshotPolicy: String, Sendable, CaseIterable {
    /// Always the SQL path (the default for a `Store`; PostgreSQL and in-memory SQLite always use it).
    case off
    /// A current snapshot answers; when there is none (first use, or the address book changed), the
    /// SQL path answers and a rebuild starts in the background. What `tocsin serve` and the demo use.
    case background
    /// A stale or missing snapshot is rebuilt before answering (tests and benchmarks).
    case blocking
}

/// Holds the store's current snapshot and at most one rebuild.
final class TargetingSnapshotCache: @unchecked Sendable {
    private let lock = NSLock()
    private var _policy: TargetingSnapshotPolicy = .off
    private var snapshot: TargetingSnapshot?
    private var rebuild: Task<TargetingSnapshot?, Never>?
    private(set) var lastBuild: (duration: Duration, contacts: Int, bytes: Int)?

    var policy: TargetingSnapshotPolicy {
        get { lock.withLock { _policy } }
        set { lock.withLock { _policy = newValue; if newValue == .off { snapshot = nil } } }
    }

    /// The snapshot if it includes change `mark` and nothing after it.
    func current(at mark: Int64) -> TargetingSnapshot? {
        lock.withLock { snapshot?.mark == mark ? snapshot : nil }
    }

    /// The running rebuild, or a new one from `build`.
    func rebuildTask(_ build: @escaping @Sendable () async -> TargetingSnapshot?) -> Task<TargetingSnapshot?, Never> {
        lock.withLock {
            if let rebuild { return rebuild }
            let task = Task { await build() }
            rebuild = task
            return task
        }
    }

    func finished(_ built: TargetingSnapshot?, duration: Duration) {
        lock.withLock {
            rebuild = nil
            guard let built, _policy != .off else { return }
            if built.mark >= (snapshot?.mark ?? Int64.min) { snapshot = built }
            lastBuild = (duration, built.count, built.approximateBytes)
        }
    }
}

extension Store {
    /// How targeting uses the in-memory snapshot. Ignored (always the SQL path) on PostgreSQL,
    /// where several nodes write and change-log ids may commit out of order, and on in-memory SQLite.
    public var targetingSnapshotPolicy: TargetingSnapshotPolicy {
        get { targetingSnapshots.policy }
        set { targetingSnapshots.policy = newValue }
    }

    /// The last rebuild's duration, contacts and approximate size, if any (for logs and benchmarks).
    public var targetingSnapshotLastBuild: (duration: Duration, contacts: Int, bytes: Int)? {
        targetingSnapshots.lastBuild
    }

    /// Builds a snapshot now unless a current one exists (`tocsin serve` warms it at start; the
    /// benchmark times it). Returns false when snapshots do not apply to this store.
    @discardableResult
    public func prepareTargetingSnapshot() async throws -> Bool {
        guard snapshotsApply else { return false }
        let mark = try await changeMark()
        if targetingSnapshots.current(at: mark) != nil { return true }
        return await buildSnapshot() != nil
    }

    /// Starts building a snapshot in the background unless a current one exists or one is being
    /// built; returns at once. `tocsin serve` and the demo call it at start, so the first reach
    /// shown to an author does not wait for the SQL path.
    public func warmTargetingSnapshot() async throws {
        guard targetingSnapshots.policy != .off, snapshotsApply else { return }
        let mark = try await changeMark()
        if targetingSnapshots.current(at: mark) == nil { _ = targetingSnapshots.rebuildTask { [self] in await timedBuild() } }
    }

    /// The snapshot to answer `TargetingScope` queries from now, per the policy; nil for the SQL path.
    func targetingSnapshot() async throws -> TargetingSnapshot? {
        let policy = targetingSnapshots.policy
        guard policy != .off, snapshotsApply else { return nil }
        let mark = try await changeMark()
        if let current = targetingSnapshots.current(at: mark) { return current }
        switch policy {
        case .off: return nil
        case .background:
            _ = targetingSnapshots.rebuildTask { [self] in await timedBuild() }
            return nil
        case .blocking:
            // A rebuild that started before this request's mark may miss a change: build again then.
            for _ in 0..<3 {
                if let built = await buildSnapshot(), built.mark >= mark { return built }
            }
            return nil
        }
    }

    private var snapshotsApply: Bool {
        if dialect != .sqlite { return false }
        if case .sqlite = location { return true }
        return false
    }

    /// The change log's end: the largest `changes.id` committed (`m`).
    private static let changeMarkSQL = "SELECT COALESCE(MAX(id), 0) AS m FROM changes"

    /// The change log's end, read now.
    private func changeMark() async throws -> Int64 {
        let row = try await sql.raw(SQLQueryString(Self.changeMarkSQL)).first()
        return try row?.decode(column: "m", as: Int64.self) ?? 0
    }

    private func buildSnapshot() async -> TargetingSnapshot? {
        await targetingSnapshots.rebuildTask { [self] in await timedBuild() }.value
    }

    private func timedBuild() async -> TargetingSnapshot? {
        let start = ContinuousClock.now
        var built: TargetingSnapshot?
        do {
            built = try await readSnapshot()
        } catch {
            logger.warning("targeting snapshot not built; the SQL path answers", metadata: ["error": "\(error)"])
        }
        let elapsed = ContinuousClock.now - start
        targetingSnapshots.finished(built, duration: elapsed)
        if let built {
            logger.info("targeting snapshot built", metadata: [
                "contacts": "\(built.count)", "mark": "\(built.mark)",
                "ms": "\(Int(elapsed / .milliseconds(1)))",
                "bytes": "\(built.approximateBytes)"])
        }
        return built
    }

    /// Reads the snapshot on its own connection, in one read transaction (one consistent view of
    /// the change log and the rows).
    private func readSnapshot() async throws -> TargetingSnapshot {
        guard case .sqlite(let path) = location else { throw StorageError(.badLocation, "targeting snapshots need a SQLite file") }
        let connection = try await Self.openSQLite(.file(path: path), logger: logger)
        do {
            _ = try await connection.query("BEGIN", [])
            let snapshot = try await Self.readSnapshot(connection, numberKey: dialect.numberKey("number"))
            _ = try await connection.query("COMMIT", [])
            try await connection.close()
            return snapshot
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func readSnapshot(_ c: SQLiteConnection, numberKey: String) async throws -> TargetingSnapshot {
        let mark = Int64(try await c.query(changeMarkSQL, []).first?.column("m")?.integer ?? 0)
        let sink = RowSink(SnapshotBuilder(mark: mark))
        try await c.query("""
            SELECT id, region_code, valid_from, valid_until, quiet_start, quiet_end, quiet_orange FROM contacts ORDER BY id
            """, []) { row in
            sink.update { b in
                b.addContact(id: Int64(row.column("id")?.integer ?? 0), region: row.column("region_code")?.string,
                             validFrom: row.column("valid_from")?.integer, validUntil: row.column("valid_until")?.integer,
                             quietStart: row.column("quiet_start")?.integer, quietEnd: row.column("quiet_end")?.integer,
                             quietOrange: (row.column("quiet_orange")?.integer ?? 0) != 0)
            }
        }
        sink.update { $0.beginMemberships() }
        try await c.query("SELECT contact_id, group_id FROM group_members ORDER BY contact_id", []) { row in
            sink.update { $0.addMembership(contact: Int64(row.column("contact_id")?.integer ?? 0), group: Int64(row.column("group_id")?.integer ?? 0)) }
        }
        sink.update { $0.beginSubscriptions() }
        try await c.query("""
            SELECT contact_id, hazard_code, min_level_rank FROM subscriptions WHERE contact_id IS NOT NULL ORDER BY contact_id
            """, []) { row in
            sink.update {
                $0.addSubscription(contact: Int64(row.column("contact_id")?.integer ?? 0), hazard: row.column("hazard_code")?.string,
                                   minRank: row.column("min_level_rank")?.integer ?? 0)
            }
        }
        sink.update { $0.beginNumbers() }
        try await c.query("SELECT contact_id, \(numberKey) AS k FROM contact_numbers ORDER BY contact_id, number", []) { row in
            sink.update { $0.addNumber(contact: Int64(row.column("contact_id")?.integer ?? 0), key: Int64(row.column("k")?.integer ?? 0)) }
        }
        return try sink.result().finish()
    }
}

/// Fills a `TargetingSnapshot` from rows ordered by contact id (contacts first, then each child
/// table in turn, each walked once in step with the contacts).
private struct SnapshotBuilder {
    var s: TargetingSnapshot
    /// The contact index the current child table has reached.
    private var cursor = 0

    init(mark: Int64) { s = TargetingSnapshot(mark: mark) }

    mutating func addContact(id: Int64, region: String?, validFrom: Int?, validUntil: Int?, quietStart: Int?, quietEnd: Int?, quietOrange: Bool) {
        s.contactIDs.append(id)
        if let region {
            if let i = s.regionIndex[region] {
                s.region.append(i)
            } else {
                let i = Int32(s.regionCodes.count)
                s.regionIndex[region] = i
                s.regionCodes.append(region)
                s.region.append(i)
            }
        } else {
            s.region.append(-1)
        }
        if validFrom != nil || validUntil != nil {
            s.validityIndex.append(Int32(s.validity.count))
            s.validity.append((validFrom.map(Int64.init) ?? .min, validUntil.map(Int64.init) ?? .max))
        } else {
            s.validityIndex.append(-1)
        }
        if let qs = quietStart, let qe = quietEnd, (0..<1440).contains(qs), (0..<1440).contains(qe) {
            s.quiet.append(Int32(qs) << 16 | Int32(qe) << 1 | (quietOrange ? 1 : 0))
        } else {
            s.quiet.append(-1)
        }
    }

    /// Advances `cursor` to `contact`, closing the ranges of the contacts passed (`starts` gets
    /// their ends, `filled`); false when the contact is not in the snapshot (only the foreign key
    /// guarantees it is, so such a row is skipped).
    private static func seek(_ ids: [Int64], _ cursor: inout Int, to contact: Int64, filled: Int, _ starts: inout [Int32]) -> Bool {
        while cursor < ids.count && ids[cursor] < contact {
            starts.append(Int32(filled))
            cursor += 1
        }
        return cursor < ids.count && ids[cursor] == contact
    }

    /// Closes the ranges of the contacts after the last row.
    private static func close(_ starts: inout [Int32], contacts: Int, filled: Int) {
        while starts.count < contacts + 1 { starts.append(Int32(filled)) }
    }

    mutating func beginMemberships() { cursor = 0 }

    mutating func addMembership(contact: Int64, group: Int64) {
        let filled = s.groups.count
        guard Self.seek(s.contactIDs, &cursor, to: contact, filled: filled, &s.groupStart) else { return }
        let g: Int32
        if let i = s.groupIndex[group] { g = i } else {
            g = Int32(s.groupIDs.count)
            s.groupIndex[group] = g
            s.groupIDs.append(group)
        }
        s.groups.append(g)
    }

    mutating func beginSubscriptions() {
        let filled = s.groups.count
        Self.close(&s.groupStart, contacts: s.contactIDs.count, filled: filled)
        cursor = 0
    }

    mutating func addSubscription(contact: Int64, hazard: String?, minRank: Int) {
        let filled = s.subscriptions.count
        guard Self.seek(s.contactIDs, &cursor, to: contact, filled: filled, &s.subscriptionStart) else { return }
        var h: UInt32 = 0
        if let hazard {
            if let i = s.hazardIndex[hazard] { h = i } else {
                h = UInt32(s.hazardCodes.count)
                s.hazardIndex[hazard] = h
                s.hazardCodes.append(hazard)
            }
        }
        s.subscriptions.append(h << 8 | UInt32(clamping: max(0, min(255, minRank))))
    }

    mutating func beginNumbers() {
        let filled = s.subscriptions.count
        Self.close(&s.subscriptionStart, contacts: s.contactIDs.count, filled: filled)
        cursor = 0
    }

    mutating func addNumber(contact: Int64, key: Int64) {
        let filled = s.numbers.count
        guard Self.seek(s.contactIDs, &cursor, to: contact, filled: filled, &s.numberStart) else { return }
        s.numbers.append(key)
    }

    func finish() -> TargetingSnapshot {
        var snapshot = s
        Self.close(&snapshot.numberStart, contacts: snapshot.contactIDs.count, filled: snapshot.numbers.count)
        return snapshot
    }
}

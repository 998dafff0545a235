import Foundation
import SQLKit
import TocsinCore

/// The set-based SQL behind recipient resolution and reach, for one `TargetingScope`.
///
/// One pass over `contacts c` joined to `contact_numbers n` yields, per number of every candidate
/// contact, its integer key (`k`, 0 when not 11 digits), the contact id (`cid`) and the exclusion
/// reason code evaluated in SQL (`r`, 0 = not excluded so far; `ExclusionReason.code`). Carriers
/// are decided by the caller from `k` (segment table and ported numbers are small and in memory).
///
/// The candidate test is an OR of index-friendly terms, so SQLite can drive the query from the
/// region index (district warnings), from a group's member list (group sends) or from explicit
/// ids, and falls back to one sequential scan of the contacts when the hazard subscriptions of the
/// whole city are asked for. Every value is a bind; only fixed SQL text is spliced.
struct TargetingSQL {
    let scope: TargetingScope
    let dialect: StoreDialect

    /// `(k, cid, r)` for every number of every candidate contact.
    var numbers: SQLQueryString {
        var q = SQLQueryString("SELECT ")
        q += SQLQueryString("\(unsafeRaw: dialect.numberKey("n.number")) AS k, c.id AS cid, ")
        q += reasonExpression + SQLQueryString(" AS r FROM contacts c \(unsafeRaw: dialect.orderedJoin) contact_numbers n ON n.contact_id = c.id WHERE ")
        q += candidatePredicate
        return q
    }

    /// The OR of the four selection paths (TargetingRequest), paths 1–2 limited to the area.
    var candidatePredicate: SQLQueryString {
        var terms: [SQLQueryString] = []
        if let membership {
            if let area = scope.areaRegionCodes {
                if !area.isEmpty {
                    terms.append(SQLQueryString("c.region_code IN (\(binds: area.sorted())) AND ") + membership)
                }
                terms.append(SQLQueryString("c.region_code IS NULL AND ") + membership)
            } else {
                terms.append(membership)
            }
        }
        if !scope.ruleRegionCodes.isEmpty {
            terms.append(SQLQueryString("c.region_code IN (\(binds: scope.ruleRegionCodes.sorted()))"))
        }
        if !scope.explicitContactIDs.isEmpty {
            terms.append(SQLQueryString("c.id IN (\(binds: scope.explicitContactIDs.sorted()))"))
        }
        guard !terms.isEmpty else { return SQLQueryString("1 = 0") }
        var q = SQLQueryString("")
        for (i, t) in terms.enumerated() {
            q += SQLQueryString(i == 0 ? "(" : " OR (") + t + SQLQueryString(")")
        }
        return q
    }

    /// Paths 1–2 without the area: membership of `memberGroupIDs` or a matching own subscription.
    /// With subscriptions the group list is long (most contacts qualify), so membership is a
    /// per-contact probe of `group_members (contact_id, group_id)`; for a plain group send it is a
    /// member list the query can be driven from.
    private var membership: SQLQueryString? {
        let groups = scope.memberGroupIDs.sorted()
        if scope.useOwnSubscriptions {
            let own = SQLQueryString("""
                c.id IN (SELECT s.contact_id FROM subscriptions s WHERE s.contact_id IS NOT NULL \
                AND (s.hazard_code IS NULL OR s.hazard_code = \(bind: scope.request.hazardCode)) \
                AND s.min_level_rank >= \(bind: scope.request.level.rank))
                """)
            guard !groups.isEmpty else { return SQLQueryString("(") + own + SQLQueryString(")") }
            // `+m.group_id`: one probe on (contact_id) instead of one per listed group.
            return SQLQueryString("(EXISTS (SELECT 1 FROM group_members m WHERE m.contact_id = c.id AND +m.group_id IN (\(binds: groups))) OR ")
                + own + SQLQueryString(")")
        }
        guard !groups.isEmpty else { return nil }
        return SQLQueryString("c.id IN (SELECT m.contact_id FROM group_members m WHERE m.group_id IN (\(binds: groups)))")
    }

    /// The first contact-level exclusion reason that applies to `c` at the send time, as
    /// `ExclusionReason.code`, or 0. The number-level reasons (invalid number: `k` outside
    /// 13000000000…19999999999; unknown carrier) are decided by the caller from `k`.
    var reasonExpression: SQLQueryString {
        let at = scope.request.sendTime.millis
        var q = SQLQueryString("CASE")
        if !scope.excludedContactIDs.isEmpty {
            q += SQLQueryString(" WHEN c.id IN (\(binds: scope.excludedContactIDs.sorted())) THEN \(literal: ExclusionReason.explicitlyExcluded.code)")
        }
        q += SQLQueryString(" WHEN c.valid_from > \(bind: at) THEN \(literal: ExclusionReason.notYetValid.code)")
        q += SQLQueryString(" WHEN c.valid_until <= \(bind: at) THEN \(literal: ExclusionReason.expired.code)")
        let level = scope.request.level
        if level != .red { // red always overrides quiet hours
            let m = scope.request.localMinuteOfDay
            q += SQLQueryString(" WHEN ")
            if level == .orange { q += SQLQueryString("NOT c.quiet_orange AND ") }
            q += SQLQueryString("""
                ((c.quiet_start < c.quiet_end AND \(bind: m) >= c.quiet_start AND \(bind: m) < c.quiet_end) \
                OR (c.quiet_start > c.quiet_end AND (\(bind: m) >= c.quiet_start OR \(bind: m) < c.quiet_end))) \
                THEN \(literal: ExclusionReason.quietHours.code)
                """)
        }
        q += SQLQueryString(" ELSE 0 END")
        return q
    }
}

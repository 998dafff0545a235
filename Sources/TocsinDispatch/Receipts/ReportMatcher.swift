import CarrierGateway
import Foundation

/// Matches status reports to deliveries by (account, message id).
///
/// Submitted message ids live in an in-memory map until their final report; a report that finds
/// no entry — it overtook its submit response, or its submit was made before a restart — is kept
/// and matched again: when its id is registered, and periodically against the database
/// (`Dispatcher` sweep), until `unmatchedReportTTL`.
final class ReportMatcher: @unchecked Sendable {
    struct Key: Hashable, Sendable {
        var account: Int
        var messageID: String
    }

    /// Where a message id belongs: the delivery, and whether its report decides the delivery's
    /// outcome (the first segment's does; the other segments' reports are consumed).
    struct Target: Sendable {
        var delivery: Int64
        var dispatch: Int64
        var carrier: Int
        var decides: Bool
    }

    struct Unmatched: Sendable {
        var report: StatusReport
        var firstSeen: Date
    }

    private let limit: Int
    private let state = Locked<(inFlight: [Key: Target], unmatched: [Key: Unmatched], dropped: Int)>(([:], [:], 0))

    init(limit: Int) { self.limit = limit }

    /// Registers the ids of an accepted submit. Returns reports that were waiting for them.
    func register(account: Int, messageIDs: [String], target: Target) -> [(StatusReport, Target)] {
        state.withLock { s in
            var ready: [(StatusReport, Target)] = []
            for (i, id) in messageIDs.enumerated() {
                var t = target
                t.decides = i == 0
                let key = Key(account: account, messageID: id)
                if let waiting = s.unmatched.removeValue(forKey: key) {
                    ready.append((waiting.report, t))
                } else if s.inFlight.count < limit {
                    s.inFlight[key] = t
                }
            }
            return ready
        }
    }

    /// The delivery of a report, or nil (then it is kept as unmatched). A final report removes the entry.
    func match(account: Int, _ report: StatusReport, at now: Date) -> Target? {
        state.withLock { s in
            let key = Key(account: account, messageID: report.messageID)
            guard let target = s.inFlight[key] else {
                // A repeat of a waiting report replaces it; the one replaced is answered.
                if report.outcome.isFinal { s.unmatched.updateValue(Unmatched(report: report, firstSeen: now), forKey: key)?.report.acknowledgement?.acknowledge() }
                return nil
            }
            if report.outcome.isFinal { s.inFlight[key] = nil }
            return target
        }
    }

    /// Unmatched reports to look up in the database (older than `minimumAge`), dropping those
    /// older than `ttl`.
    func stale(olderThan minimumAge: Duration, ttl: Duration, now: Date) -> [(Key, StatusReport)] {
        state.withLock { s in
            let young = now.addingTimeInterval(-minimumAge.timeInterval)
            let expired = now.addingTimeInterval(-ttl.timeInterval)
            var out: [(Key, StatusReport)] = []
            for (key, u) in s.unmatched {
                if u.firstSeen < expired {
                    // Given up on: answered, so the carrier does not keep redelivering it.
                    s.unmatched[key] = nil
                    s.dropped += 1
                    u.report.acknowledgement?.acknowledge()
                } else if u.firstSeen < young {
                    out.append((key, u.report))
                }
            }
            return out
        }
    }

    /// Forgets unmatched reports that were resolved from the database.
    func resolved(_ keys: [Key]) {
        state.withLock { s in for k in keys { s.unmatched[k] = nil } }
    }

    /// Counts for health and tests: entries in flight, reports waiting, reports given up on.
    var counts: (inFlight: Int, unmatched: Int, dropped: Int) {
        state.withLock { ($0.inFlight.count, $0.unmatched.count, $0.dropped) }
    }
}

extension Duration {
    var timeInterval: TimeInterval { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

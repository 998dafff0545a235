import Foundation
import TocsinCore

/// Dispatch progress as the pages and the live events show it: totals and one bar per carrier.
enum ProgressView {
    static func counts(_ c: DispatchProgress.Counts) -> [String: Any] {
        ["planned": c.planned, "delivered": c.delivered, "failed": c.failed, "pending": c.pending, "submitted": c.submitted,
         "expired": c.expired, "cancelled": c.cancelled, "acknowledged": c.acknowledged, "finished": c.finished,
         "percent": ConsoleFormat.percent(c.delivered, of: c.planned), "max": max(c.planned, 1), "hasFailed": c.failed + c.expired > 0]
    }

    /// `{total, carriers: [...], finished, milestones}` for the templates.
    static func data(_ p: DispatchProgress, _ lang: ConsoleLanguage) -> [String: Any] {
        let carriers = p.byCarrier.keys.sorted().map { key -> [String: Any] in
            var c = counts(p.byCarrier[key]!)
            c["key"] = key
            c["name"] = ConsoleFormat.carrier(key, lang)
            return c
        }
        let milestones: [[String: Any]] = [
            ("milestone_approved", p.approvedAt), ("milestone_first_submit", p.firstSubmitAt), ("milestone_last_submit", p.lastSubmitAt),
            ("milestone_50", p.delivered50At), ("milestone_90", p.delivered90At), ("milestone_99", p.delivered99At),
        ].map { ["label": lang.t($0.0), "at": ConsoleFormat.timeSeconds($0.1)] }
        return ["total": counts(p.total), "carriers": carriers, "finished": p.isFinished, "milestones": milestones,
                "stateLabel": lang.t(p.isFinished ? "progress_finished" : "progress_running")]
    }

    /// The JSON an event carries: numbers only, for `console.js` to update bars and the curve.
    struct Event: Encodable {
        struct Bar: Encodable {
            var key: String
            var planned: Int
            var delivered: Int
            var failed: Int
            var finished: Int
            var percent: String
        }
        var at: Double
        var total: Bar
        var carriers: [Bar]
        var finished: Bool
        var acknowledged: Int

        init(_ p: DispatchProgress, at: Date) {
            func bar(_ key: String, _ c: DispatchProgress.Counts) -> Bar {
                Bar(key: key, planned: c.planned, delivered: c.delivered, failed: c.failed + c.expired, finished: c.finished,
                    percent: ConsoleFormat.percent(c.delivered, of: c.planned))
            }
            self.at = at.timeIntervalSince1970
            total = bar("total", p.total)
            carriers = p.byCarrier.keys.sorted().map { bar($0, p.byCarrier[$0]!) }
            finished = p.isFinished
            acknowledged = p.total.acknowledged
        }
    }
}

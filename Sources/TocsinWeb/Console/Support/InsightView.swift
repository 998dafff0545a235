import Foundation
import TocsinCore

/// The preview panel's values: the exact SMS with encoding and segments per carrier, reach and
/// ETA per carrier, exclusions by reason, and lint findings in the reader's language.
enum InsightView {
    static func preview(_ p: SMSPreview, reach: Reach?, capacity: LinkCapacity?, _ lang: ConsoleLanguage) -> [String: Any] {
        let carriers = Carrier.allCases.compactMap { c -> [String: Any]? in
            let perCarrier = p.perCarrier[c]
            let recipients = reach?.recipientsByCarrier[c] ?? 0
            guard perCarrier != nil || recipients > 0 else { return nil }
            var row: [String: Any] = ["name": ConsoleFormat.carrier(c, lang), "protocol": perCarrier?.protocolName ?? "—",
                                      "segments": perCarrier?.segmentCount ?? p.segmentCount]
            if reach != nil, let capacity {
                row["recipients"] = recipients
                row["eta"] = recipients == 0 ? "—" : ConsoleFormat.duration(capacity.eta(for: [c: recipients]), lang)
            }
            return row
        }
        var data: [String: Any] = [
            "text": p.text, "encoding": p.encoding == .ascii ? "ASCII (7-bit)" : "UCS-2", "length": p.length,
            "segments": p.maxSegmentCount, "carriers": carriers, "hasReach": reach != nil,
            "differ": p.carriersDiffer,
        ]
        if let reach {
            data["recipients"] = reach.recipients
            data["eta"] = reach.recipients == 0 ? "—" : ConsoleFormat.duration(reach.eta, lang)
            let excluded = reach.excludedByReason.sorted { $0.key < $1.key }.map { ["reason": lang.t("exclusion_\($0.key.rawValue)"), "count": $0.value] }
            data["excluded"] = excluded
            data["hasExcluded"] = !excluded.isEmpty
            data["nobody"] = reach.recipients == 0
        }
        return data
    }

    static func lint(_ findings: [LintFinding], _ lang: ConsoleLanguage) -> [String: Any] {
        let items = findings.map { f in
            ["severity": f.severity.rawValue, "severityLabel": lang.t("severity_\(f.severity.rawValue)"),
             "message": lang == .zh ? f.messageZH : f.messageEN, "field": f.field]
        }
        return ["lintItems": items, "hasLint": !items.isEmpty]
    }

    /// Everything the preview fragment needs for an unsaved draft.
    static func data(_ insight: DraftInsight, _ lang: ConsoleLanguage) -> [String: Any] {
        var d = lint(insight.lint, lang)
        d["preview"] = preview(insight.preview, reach: insight.reach, capacity: insight.capacity, lang)
        return d
    }
}

import Foundation
import TocsinCore

/// The delivery-over-time curve of a warning as inline SVG (no script needed to see it; the live
/// page extends it as events arrive). Points are the dispatch milestones — approval, first
/// submit, 50 / 90 / 99 % delivered — and the current share delivered.
enum DeliveryCurve {
    static let width = 960.0
    static let height = 200.0
    static let pad = 34.0

    /// (seconds since 1970, fraction delivered) in time order.
    static func points(_ p: DispatchProgress, now: Date) -> [(Double, Double)] {
        var pts: [(Double, Double)] = []
        if let a = p.approvedAt { pts.append((a.timeIntervalSince1970, 0)) }
        if let f = p.firstSubmitAt { pts.append((f.timeIntervalSince1970, 0)) }
        if let d = p.delivered50At { pts.append((d.timeIntervalSince1970, 0.5)) }
        if let d = p.delivered90At { pts.append((d.timeIntervalSince1970, 0.9)) }
        if let d = p.delivered99At { pts.append((d.timeIntervalSince1970, 0.99)) }
        let share = p.total.planned > 0 ? Double(p.total.delivered) / Double(p.total.planned) : 0
        let end = p.isFinished ? (p.lastSubmitAt ?? now) : now
        let last = max(end.timeIntervalSince1970, pts.last?.0 ?? 0)
        pts.append((last, max(share, pts.last?.1 ?? 0)))
        return pts.sorted { $0.0 < $1.0 }
    }

    /// The SVG element, labelled for screen readers with `label`.
    static func svg(_ p: DispatchProgress, now: Date, label: String, axis: (start: String, end: String)) -> String {
        let pts = points(p, now: now)
        let t0 = pts.first?.0 ?? 0, t1 = max(pts.last?.0 ?? 1, t0 + 1)
        func x(_ t: Double) -> Double { pad + (t - t0) / (t1 - t0) * (width - 2 * pad) }
        func y(_ f: Double) -> Double { height - pad - f * (height - 2 * pad) }
        let line = pts.map { String(format: "%.1f,%.1f", x($0.0), y($0.1)) }.joined(separator: " ")
        let data = "[" + pts.map { String(format: "[%.3f,%.4f]", $0.0, $0.1) }.joined(separator: ",") + "]"
        let grid = [0.0, 0.5, 1.0].map { f in
            String(format: "<line class=\"grid\" x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/><text class=\"tick\" x=\"4\" y=\"%.1f\">%d%%</text>",
                   pad, y(f), width - pad, y(f), y(f) + 4, Int(f * 100))
        }.joined()
        return """
        <svg id="curve" class="curve" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="curve-title" data-points="\(data)" \
        data-width="\(Int(width))" data-height="\(Int(height))" data-pad="\(Int(pad))"><title id="curve-title">\(HTML.escape(label))</title>\(grid)\
        <polyline id="curve-line" class="line" points="\(line)"/>\
        <text class="tick" x="\(Int(pad))" y="\(Int(height - 8))">\(HTML.escape(axis.start))</text>\
        <text class="tick end" x="\(Int(width - pad))" y="\(Int(height - 8))" text-anchor="end">\(HTML.escape(axis.end))</text></svg>
        """
    }
}

/// HTML escaping for the fragments the console builds itself.
enum HTML {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

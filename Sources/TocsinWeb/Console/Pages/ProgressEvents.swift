import Foundation
import Hummingbird
import TocsinCore

/// Live progress of one warning as server-sent events (`text/event-stream`): one `progress`
/// event per second with the counters (numbers only, no phone numbers), until dispatch finishes,
/// the client goes away, or `maxDuration` passes (the browser's EventSource then reconnects).
/// Also the per-recipient ledger as CSV, streamed page by page with numbers masked.
struct ProgressEvents {
    let console: ConsoleRoutes
    var services: WebServices { console.services }
    static let interval: Duration = .seconds(1)
    static let maxDuration: Duration = .seconds(600)

    func register(on group: RouterGroup<TocsinRequestContext>) {
        group.get("warnings/:id/events") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.draftWarning, .reviewWarning, services: services, target: "warning/events")
            let id = try RouteSupport.warningID(context)
            let caller = try env.caller()
            _ = try await services.warnings.progress(id, by: caller)  // role, existence, dispatcher configured
            let warnings = services.warnings
            let body = ResponseBody { writer in
                let encoder = JSONEncoder()
                let start = ContinuousClock.now
                while ContinuousClock.now - start < Self.maxDuration {
                    guard let progress = try await warnings.progress(id, by: caller) else { break }
                    let json = try encoder.encode(ProgressView.Event(progress, at: warnings.now()))
                    try await writer.write(ByteBuffer(string: "event: progress\ndata: \(String(decoding: json, as: UTF8.self))\n\n"))
                    if progress.isFinished {
                        try await writer.write(ByteBuffer(string: "event: finished\ndata: {}\n\n"))
                        break
                    }
                    try await Task.sleep(for: Self.interval)
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"], body: body)
        }
        group.get("warnings/:id/ledger.csv") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.draftWarning, .reviewWarning, services: services, target: "warning/ledger")
            let id = try RouteSupport.warningID(context)
            let caller = try env.caller()
            let warnings = services.warnings
            _ = try await warnings.ledger(id, after: nil, limit: 1, by: caller)
            let header = ["seq", "number", "carrier", "state", "attempts", "link", "message_id", "submitted_at", "finished_at", "status", "reason", "acknowledged_at"]
            let body = ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "\u{FEFF}" + CSV.line(header)))
                var after: Int64?
                while true {
                    let page = try await warnings.ledger(id, after: after, limit: 1000, by: caller)
                    guard let last = page.last else { break }
                    let text = page.map { e in
                        CSV.line(["\(e.seq)", e.number, e.carrier, e.state, "\(e.attempts)", e.link ?? "", e.messageID ?? "",
                                  csvTime(e.submittedAt), csvTime(e.finishedAt), e.statusCode ?? "", e.reason ?? "",
                                  csvTime(e.acknowledgedAt)])
                    }.joined()
                    try await writer.write(ByteBuffer(string: text))
                    after = last.seq
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"ledger-\(id).csv\""], body: body)
        }
    }
}

func csvTime(_ d: Date?) -> String { d.map { BeijingTime.format($0, seconds: true) } ?? "" }

/// CSV lines (RFC 4180 quoting; cells starting with = + - @ are prefixed with ' so a spreadsheet
/// does not run them as formulas).
enum CSV {
    static func line(_ cells: [String]) -> String {
        cells.map { cell -> String in
            var c = cell
            if let first = c.first, "=+-@".contains(first) { c = "'" + c }
            if c.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) { return "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            return c
        }.joined(separator: ",") + "\r\n"
    }
}

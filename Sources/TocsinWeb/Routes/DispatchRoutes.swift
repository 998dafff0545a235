import Foundation
import Hummingbird
import TocsinCore

/// Dispatch progress and the per-recipient ledger of a warning, through the `WarningDispatcher`
/// port (503 `dispatch_not_configured` when this server has none). Numbers are masked.
struct DispatchRoutes {
    let services: WebServices

    struct LedgerPage: Codable { var items: [DeliveryLedgerEntry]; var next: Int64? }

    func register(on api: RouterGroup<TocsinRequestContext>) {
        api.get("warnings/:id/progress") { _, context in
            try await RouteSupport.requireReader(context, services)
            let id = try RouteSupport.warningID(context)
            guard let progress = try await services.warnings.progress(id, by: try context.caller()) else {
                throw DomainError(.notFound, "warning \(id) has not been dispatched (yet)")
            }
            return try RouteSupport.json(progress)
        }
        api.get("warnings/:id/ledger") { request, context in
            let (_, entries, limit) = try await page(request, context)
            return try RouteSupport.json(LedgerPage(items: entries, next: entries.count == limit ? entries.last?.seq : nil))
        }
        api.get("warnings/:id/ledger.csv") { request, context in
            // The first page is read before the response starts, so a refusal is still a JSON error.
            let (id, first, limit) = try await page(request, context)
            let caller = try context.caller()
            let warnings = services.warnings
            let body = ResponseBody { writer in
                var rows = first
                try await writer.write(ByteBuffer(string: "seq,number,carrier,state,attempts,link,message_id,submitted_at,finished_at,status_code,reason\n"))
                while !rows.isEmpty {
                    try await writer.write(ByteBuffer(string: rows.map(Self.csvLine).joined()))
                    guard rows.count == limit, let last = rows.last?.seq else { break }
                    rows = try await warnings.ledger(id, after: last, limit: limit, by: caller)
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"ledger-\(id).csv\""],
                            body: body)
        }
    }

    static func csvLine(_ e: DeliveryLedgerEntry) -> String {
        let fields = ["\(e.seq)", e.number, e.carrier, e.state, "\(e.attempts)", e.link ?? "", e.messageID ?? "",
                      e.submittedAt.map(iso) ?? "", e.finishedAt.map(iso) ?? "", e.statusCode ?? "", e.reason ?? ""]
        return fields.map(csvField).joined(separator: ",") + "\n"
    }

    static func iso(_ d: Date) -> String { d.formatted(.iso8601) }

    func page(_ request: Request, _ context: TocsinRequestContext) async throws -> (WarningIdentifier, [DeliveryLedgerEntry], Int) {
        let caller = try context.caller()
        try await RouteSupport.requireReader(context, services)
        let id = try RouteSupport.warningID(context)
        let after = request.uri.queryParameters.get("after").flatMap { Int64($0) }
        let limit = min(max(try RouteSupport.int(request, "limit", default: 500), 1), 1000)
        return (id, try await services.warnings.ledger(id, after: after, limit: limit, by: caller), limit)
    }

    /// RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it.
    static func csvField(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@".contains(first) { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
import Hummingbird
import TocsinCore
import TocsinStorage

/// The audit trail, newest page first, filterable by actor and action, and the chain check that
/// finds a changed, deleted or inserted record. Audit admins only; reading changes nothing, and
/// each verification is itself audited.
struct AuditPages {
    let console: ConsoleRoutes
    var services: WebServices { console.services }
    static let pageSize = 50

    func register(on group: RouterGroup<TocsinRequestContext>) {
        group.get("audit") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.readAudit, services: services, target: "audit")
            return try await page(env, request, [:])
        }
        group.post("audit/verify") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.readAudit, services: services, target: "audit/verify")
            let report = try await services.store.verifyAudit()
            let caller = try env.caller()
            try await services.store.appendAudit([AuditEvent(at: services.warnings.now(), actor: caller.actor, action: "audit.verify", target: "audit",
                                                             source: caller.source, result: report.isIntact ? .success : .failure,
                                                             detail: "{\"checked\":\(report.checked),\"problems\":\(report.problems.count)}")])
            let verdict: [String: Any] = [
                "intact": report.isIntact, "checked": report.checked,
                "problems": report.problems.prefix(100).map { ["id": $0.recordID, "kind": $0.kind.rawValue, "message": $0.message] },
            ]
            return try await page(env, request, ["verdict": verdict])
        }
    }

    /// A page of records: `before` (exclusive) pages towards older records; the first page ends at the head.
    func page(_ env: ConsoleEnvironment, _ request: Request, _ extra: [String: Any]) async throws -> Response {
        let q = request.uri.queryParameters
        let actor = q.get("actor").flatMap { $0.isEmpty ? nil : $0 }
        let action = q.get("action").flatMap { $0.isEmpty ? nil : $0 }
        let head = try await services.store.auditHead()
        let before = min(q.get("before").flatMap(Int64.init) ?? (head.lastID + 1), head.lastID + 1)
        var records: [AuditRecord] = []
        if actor == nil && action == nil {
            records = try await services.store.auditRecords(after: max(0, before - 1 - Int64(Self.pageSize)), limit: Self.pageSize)
                .filter { $0.id < before }
        } else {
            // Filtered: scan backwards in windows until a page is full (bounded to 20 windows).
            var upper = before
            var windows = 0
            while records.count < Self.pageSize, upper > 1, windows < 20 {
                let lower = max(0, upper - 1 - 2000)
                let chunk = try await services.store.auditRecords(after: lower, limit: 2000, actor: actor, actionPrefix: action).filter { $0.id < upper }
                records = chunk.suffix(Self.pageSize - records.count) + records
                upper = lower + 1
                windows += 1
            }
        }
        let rows = records.reversed().map { r -> [String: Any] in
            let e = r.event
            return ["id": r.id, "at": ConsoleFormat.timeSeconds(e.at), "actor": e.actor, "action": e.action, "target": e.target,
                    "source": e.source, "result": e.result.rawValue, "resultLabel": env.t("result_\(e.result.rawValue)"), "detail": e.detail]
        }
        var keep = ""
        if let actor { keep += "actor=\(ConsolePaths.queryEscape(actor))&" }
        if let action { keep += "action=\(ConsolePaths.queryEscape(action))&" }
        var data: [String: Any] = ["rows": rows, "hasRows": !rows.isEmpty, "actor": actor ?? "", "actionFilter": action ?? "", "head": head.lastID]
        if let oldest = records.first?.id, oldest > 1 { data["olderHref"] = "/console/audit?\(keep)before=\(oldest)" }
        if before <= head.lastID { data["newestHref"] = "/console/audit" + (keep.isEmpty ? "" : "?" + keep.dropLast()) }
        data.merge(extra) { _, new in new }
        return console.renderer.page("audit", env, title: env.t("nav_audit"), data)
    }
}

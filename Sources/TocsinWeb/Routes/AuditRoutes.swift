import Foundation
import Hummingbird
import TocsinCore

/// The audit trail for the audit admin (`audit.read`): list and verify. Reading it is itself
/// recorded, as with `tocsin audit`.
struct AuditRoutes {
    let services: WebServices

    struct RecordView: Codable {
        var id: Int64; var at: Date; var actor: String; var action: String; var target: String; var source: String
        var result: String; var detail: String; var mac: String
        init(_ r: AuditRecord) {
            id = r.id; at = r.event.at; actor = r.event.actor; action = r.event.action; target = r.event.target; source = r.event.source
            result = r.event.result.rawValue; detail = r.event.detail; mac = r.mac
        }
    }
    struct VerifyView: Codable {
        struct Problem: Codable { var recordID: Int64; var kind: String; var message: String }
        var intact: Bool; var checked: Int; var headID: Int64; var headMAC: String; var keyID: String; var problems: [Problem]
    }

    func register(on api: RouterGroup<TocsinRequestContext>) {
        api.get("audit") { request, context in
            let caller = try await auditor(context)
            let after = Int64(try RouteSupport.int(request, "after", default: 0))
            let limit = min(max(try RouteSupport.int(request, "limit", default: 100), 1), 1000)
            let records = try await services.store.auditRecords(after: after, limit: limit, actor: request.uri.queryParameters.get("actor").map { String($0) },
                                                                actionPrefix: request.uri.queryParameters.get("action").map { String($0) })
            try await services.store.appendAudit([AuditEvent(at: services.warnings.now(), actor: caller.actor, action: "audit.list", target: "audit_log",
                                                             source: caller.source, detail: "{\"after\":\(after),\"count\":\(records.count)}")])
            return try RouteSupport.json(records.map(RecordView.init))
        }
        api.post("audit/verify") { _, context in
            let caller = try await auditor(context)
            let report = try await services.store.verifyAudit()
            try await services.store.appendAudit([AuditEvent(at: services.warnings.now(), actor: caller.actor, action: "audit.verify", target: "audit_log",
                                                             source: caller.source, result: report.isIntact ? .success : .failure,
                                                             detail: "{\"checked\":\(report.checked),\"problems\":\(report.problems.count)}")])
            return try RouteSupport.json(VerifyView(intact: report.isIntact, checked: report.checked, headID: report.head.lastID, headMAC: report.head.lastMAC,
                                                    keyID: report.head.keyID,
                                                    problems: report.problems.map { .init(recordID: $0.recordID, kind: $0.kind.rawValue, message: $0.message) }))
        }
    }

    func auditor(_ context: TocsinRequestContext) async throws -> Caller {
        try await services.authorise(context, .readAudit, target: "audit_log")
        return try context.caller()
    }
}

import Foundation
import Hummingbird
import TocsinCore

/// `/api/v1/warnings…`: drafting, review, follow-ups, history, and what is looked at before
/// approval (reach, preview, lint). The rules are `WarningService`'s; this only translates HTTP.
struct WarningRoutes {
    let services: WebServices
    var warnings: WarningService { services.warnings }

    func register(on api: RouterGroup<TocsinRequestContext>) {
        api.post("warnings") { request, context in
            let caller = try context.caller()
            try await requireDrafting(context)
            let input = try await request.decode(as: DraftInput.self, context: context)
            return try RouteSupport.json(WarningView(try await warnings.createDraft(input, by: caller)), status: .created)
        }
        api.get("warnings") { request, context in
            let caller = try context.caller()
            let state = try request.uri.queryParameters.get("state").map { raw -> WarningState in
                guard let s = WarningState(rawValue: raw) else {
                    throw DomainError(.invalidValue, "state must be one of \(WarningState.allCases.map(\.rawValue).joined(separator: ", ")), got '\(raw)'")
                }
                return s
            }
            let limit = try RouteSupport.int(request, "limit", default: 50), offset = try RouteSupport.int(request, "offset", default: 0)
            let items = try await warnings.list(state: state, author: request.uri.queryParameters.get("author"), limit: limit, offset: offset, by: caller)
            return try RouteSupport.json(Page(items: items.map(WarningView.init), limit: limit, offset: offset))
        }
        api.get("review-queue") { request, context in
            let limit = try RouteSupport.int(request, "limit", default: 50), offset = try RouteSupport.int(request, "offset", default: 0)
            let items = try await warnings.reviewQueue(limit: limit, offset: offset, by: try context.caller())
            return try RouteSupport.json(Page(items: items.map(WarningView.init), limit: limit, offset: offset))
        }
        api.get("warnings/:id") { _, context in
            let (id, caller) = try await readable(context)
            return try RouteSupport.json(WarningView(try await warnings.warning(id, by: caller)))
        }
        api.put("warnings/:id") { request, context in
            let caller = try context.caller()
            try await requireDrafting(context)
            let body = try await request.decode(as: EditRequest.self, context: context)
            let saved = try await warnings.editDraft(try RouteSupport.warningID(context), body.draft, expectedVersion: body.version, by: caller)
            return try RouteSupport.json(WarningView(saved))
        }
        registerActions(on: api)
        registerInsight(on: api)
    }

    func registerActions(on api: RouterGroup<TocsinRequestContext>) {
        action(api, "submit", .draftWarning) { id, body, caller in try await warnings.submit(id, expectedVersion: body.version, by: caller) }
        action(api, "approve", .reviewWarning) { id, body, caller in try await warnings.approve(id, expectedVersion: body.version, by: caller) }
        action(api, "reject", .reviewWarning) { id, body, caller in
            try await warnings.reject(id, comment: body.comment ?? "", expectedVersion: body.version, by: caller)
        }
        action(api, "withdraw", .draftWarning) { id, body, caller in
            try await warnings.withdraw(id, comment: body.comment ?? "", expectedVersion: body.version, by: caller)
        }
        for (name, type) in [("update", MessageType.update), ("cancel", MessageType.cancel)] {
            api.post(RouterPath("warnings/:id/\(name)")) { _, context in
                let caller = try context.caller()
                try await requireDrafting(context)
                let saved = try await warnings.createFollowUp(of: try RouteSupport.warningID(context), type, by: caller)
                return try RouteSupport.json(WarningView(saved), status: .created)
            }
        }
    }

    /// `POST warnings/:id/<name>` with an optional `ActionRequest` body; the role is checked
    /// before the body is read.
    func action(_ api: RouterGroup<TocsinRequestContext>, _ name: String, _ permission: Permission,
                _ body: @escaping @Sendable (WarningIdentifier, ActionRequest, Caller) async throws -> WarningOutcome) {
        api.post(RouterPath("warnings/:id/\(name)")) { request, context in
            let caller = try context.caller()
            try await services.authorise(context, permission, target: "warning:\(context.parameters.get("id") ?? "?")")
            let input = try await RouteSupport.optionalBody(request, context: context, as: ActionRequest.self, empty: ActionRequest())
            return try RouteSupport.json(OutcomeView(try await body(try RouteSupport.warningID(context), input, caller)))
        }
    }

    func registerInsight(on api: RouterGroup<TocsinRequestContext>) {
        api.get("warnings/:id/history") { _, context in
            let (id, caller) = try await readable(context)
            return try RouteSupport.json(try await warnings.history(id, by: caller))
        }
        api.get("warnings/:id/reach") { request, context in
            let (id, caller) = try await readable(context)
            let sendTime = try RouteSupport.date(request, "sendTime") ?? warnings.now()
            return try RouteSupport.json(ReachView(try await warnings.reach(id, sendTime: sendTime, by: caller), sendTime: sendTime))
        }
        api.get("warnings/:id/preview") { _, context in
            let (id, caller) = try await readable(context)
            return try RouteSupport.json(PreviewView(try await warnings.preview(id, by: caller)))
        }
        api.get("warnings/:id/lint") { _, context in
            let (id, caller) = try await readable(context)
            return try RouteSupport.json(try await warnings.lint(id, by: caller).map(LintView.init))
        }
    }

    /// Checks that the caller may read warnings before the identifier is even parsed (a caller
    /// without the role learns nothing), then returns the identifier and the caller.
    func readable(_ context: TocsinRequestContext) async throws -> (WarningIdentifier, Caller) {
        try await RouteSupport.requireReader(context, services)
        return (try RouteSupport.warningID(context), try context.caller())
    }

    /// Checks the drafting role before the body is decoded, so a wrong role gets 403, not 400.
    func requireDrafting(_ context: TocsinRequestContext) async throws {
        try await services.authorise(context, .draftWarning, target: "warnings")
    }
}

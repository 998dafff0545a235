import Foundation
import Hummingbird
import TocsinCore
import TocsinStorage

/// The author's actions on a warning: submit for review, withdraw (with a reason), and issue an
/// update or a cancellation (解除) — a new draft referencing the warning, which a reviewer then
/// approves. Each POST carries the CSRF token (checked by the middleware) and the version the
/// page showed; the warning service enforces the rules and the role.
struct WarningActions {
    let console: ConsoleRoutes
    var services: WebServices { console.services }

    func register(on group: RouterGroup<TocsinRequestContext>) {
        group.post("warnings/:id/submit") { request, context in
            let (env, id, form) = try await read(request, context)
            _ = try await services.warnings.submit(id, expectedVersion: form.value("version").flatMap(Int.init), by: try env.caller())
            return ConsoleRoutes.seeOther("/console/warnings/\(id)?done=submitted")
        }
        group.post("warnings/:id/withdraw") { request, context in
            let (env, id, form) = try await read(request, context)
            _ = try await services.warnings.withdraw(id, comment: form.text("comment") ?? "", expectedVersion: form.value("version").flatMap(Int.init),
                                                     by: try env.caller())
            return ConsoleRoutes.seeOther("/console/warnings/\(id)?done=withdrawn")
        }
        group.post("warnings/:id/follow-up") { request, context in
            let (env, id, form) = try await read(request, context)
            guard let type = form.value("type").flatMap(MessageType.init(rawValue:)), type != .alert else {
                throw ConsoleError.badInput(env.t("bad_follow_up"))
            }
            let draft = try await services.warnings.createFollowUp(of: id, type, by: try env.caller())
            return ConsoleRoutes.seeOther("/console/warnings/\(draft.warning.id)?done=\(type == .cancel ? "cancel_drafted" : "update_drafted")")
        }
    }

    func read(_ request: Request, _ context: TocsinRequestContext) async throws -> (ConsoleEnvironment, WarningIdentifier, ConsoleForm) {
        let env = ConsoleEnvironment(request, context)
        try await env.require(.draftWarning, services: services, target: "warning-action")
        return (env, try RouteSupport.warningID(context), try await ConsoleForm.read(request, context: context))
    }
}

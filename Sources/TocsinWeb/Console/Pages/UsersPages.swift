import Foundation
import Hummingbird
import TocsinCore
import TocsinSecurity

/// Users and roles: list, add (with a generated password shown once), lock / unlock, reset the
/// password, change roles (separation of the three administrators is enforced by `RoleSet`).
/// Security admins only; every change is audited by the account service.
struct UsersPages {
    let console: ConsoleRoutes
    var services: WebServices { console.services }

    func register(on group: RouterGroup<TocsinRequestContext>) {
        group.get("users") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.manageUsers, services: services, target: "users")
            var data: [String: Any] = [:]
            if let done = request.uri.queryParameters.get("done"), ConsoleStrings.zh["done_\(done)"] != nil { data["flash"] = env.t("done_\(done)") }
            return try await page(env, data)
        }
        group.post("users") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.manageUsers, services: services, target: "users/add")
            let form = try await ConsoleForm.read(request, context: context)
            do {
                let roles = try RoleSet(Set(form.values("role").compactMap(Role.init(rawValue:))))
                let (user, password) = try await services.accounts.addUser(name: form.text("name") ?? "", roles: roles, password: nil,
                                                                           actor: try env.caller().actor, source: env.source)
                return try await page(env, ["secret": ["user": user.name, "password": password ?? ""]])
            } catch let e as SecurityError where e.code != .forbidden {
                return try await page(env, ["errors": [e.message]], status: .unprocessableContent)
            }
        }
        group.post("users/:name/:action") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.manageUsers, services: services, target: "users/change")
            let name = context.parameters.get("name") ?? ""
            let actor = try env.caller().actor
            let form = try await ConsoleForm.read(request, context: context)
            do {
                switch context.parameters.get("action") {
                case "lock": try await services.accounts.setLocked(name: name, true, actor: actor, source: env.source)
                case "unlock": try await services.accounts.setLocked(name: name, false, actor: actor, source: env.source)
                case "roles":
                    let roles = try RoleSet(Set(form.values("role").compactMap(Role.init(rawValue:))))
                    try await services.accounts.setRoles(name: name, roles: roles, actor: actor, source: env.source)
                case "reset":
                    let password = try await services.accounts.resetPassword(name: name, password: nil, actor: actor, source: env.source)
                    return try await page(env, ["secret": ["user": name, "password": password ?? ""]])
                default: throw ConsoleError.notFound()
                }
            } catch let e as SecurityError where e.code != .forbidden {
                return try await page(env, ["errors": [e.message]], status: .unprocessableContent)
            }
            return ConsoleRoutes.seeOther("/console/users?done=user_changed")
        }
    }

    func page(_ env: ConsoleEnvironment, _ extra: [String: Any], status: HTTPResponse.Status = .ok) async throws -> Response {
        let now = services.warnings.now()
        let policy = services.accounts.policy
        let users = try await services.accounts.store.users().sorted { $0.name < $1.name }.map { u -> [String: Any] in
            let locked = u.disabled || policy.lockout.isLocked(u.login, now: now)
            return [
                "name": u.name, "roles": u.roles.roles.sorted { $0.rawValue < $1.rawValue }.map { roleName($0, env) }.joined(separator: "、"),
                "roleChoices": roleChoices(env, selected: u.roles.roles), "locked": locked, "disabled": u.disabled,
                "mustChange": u.mustChangePassword, "changed": ConsoleFormat.time(u.passwordChangedAt), "failures": u.login.failures,
                "self": u.name == env.principal?.name,
            ]
        }
        var data: [String: Any] = ["users": users, "roleChoices": roleChoices(env, selected: [])]
        data.merge(extra) { _, new in new }
        data["hasErrors"] = (data["errors"] as? [String])?.isEmpty == false
        return console.renderer.page("users", env, title: env.t("nav_users"), data, status: status)
    }

    func roleName(_ r: Role, _ env: ConsoleEnvironment) -> String { env.language == .zh ? r.nameZH : env.t("role_\(r.rawValue)") }

    func roleChoices(_ env: ConsoleEnvironment, selected: Set<Role>) -> [[String: Any]] {
        Role.allCases.map { ["value": $0.rawValue, "label": roleName($0, env), "selected": selected.contains($0)] }
    }
}

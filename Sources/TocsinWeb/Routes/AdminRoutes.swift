import Foundation
import Hummingbird
import TocsinCore

/// Users and API tokens: the security admin's work (`users.manage`).
struct AdminRoutes {
    let services: WebServices

    struct UserView: Codable {
        var id: Int64
        var name: String
        var roles: [String]
        var disabled: Bool
        var mustChangePassword: Bool
        var passwordChangedAt: Date
        var lockedUntil: Date?
        var createdAt: Date
        init(_ u: UserAccount) {
            id = u.id; name = u.name; roles = u.roles.roles.map(\.rawValue).sorted(); disabled = u.disabled
            mustChangePassword = u.mustChangePassword; passwordChangedAt = u.passwordChangedAt; lockedUntil = u.login.lockedUntil; createdAt = u.createdAt
        }
    }
    struct NewUser: Codable { var name: String; var roles: [String]; var password: String? }
    struct Created: Codable { var user: UserView; var generatedPassword: String? }
    struct RolesRequest: Codable { var roles: [String] }
    struct TokenView: Codable {
        var id: Int64; var name: String; var roles: [String]; var createdBy: String; var createdAt: Date; var expiresAt: Date?; var revokedAt: Date?
        init(_ t: APIToken) {
            id = t.id; name = t.name; roles = t.roles.roles.map(\.rawValue).sorted(); createdBy = t.createdBy; createdAt = t.createdAt
            expiresAt = t.expiresAt; revokedAt = t.revokedAt
        }
    }
    struct NewToken: Codable { var name: String; var roles: [String]; var expiresAt: Date? }
    struct CreatedToken: Codable { var token: TokenView; var secret: String }

    func register(on api: RouterGroup<TocsinRequestContext>) {
        api.get("users") { _, context in
            try await admin(context, "users")
            return try RouteSupport.json(try await services.accounts.store.users().map(UserView.init))
        }
        api.post("users") { request, context in
            let caller = try await admin(context, "users")
            let body = try await request.decode(as: NewUser.self, context: context)
            let created = try await services.accounts.addUser(name: body.name, roles: try RoleSet(parsing: body.roles.joined(separator: ",")),
                                                              password: body.password, actor: caller.actor, source: caller.source)
            return try RouteSupport.json(Created(user: UserView(created.user), generatedPassword: created.generatedPassword), status: .created)
        }
        for (path, locked) in [("lock", true), ("unlock", false)] {
            api.post(RouterPath("users/:name/\(path)")) { _, context in
                let caller = try await admin(context, "user")
                try await services.accounts.setLocked(name: context.parameters.get("name") ?? "", locked, actor: caller.actor, source: caller.source)
                return Response(status: .noContent)
            }
        }
        api.put("users/:name/roles") { request, context in
            let caller = try await admin(context, "user")
            let body = try await request.decode(as: RolesRequest.self, context: context)
            try await services.accounts.setRoles(name: context.parameters.get("name") ?? "", roles: try RoleSet(parsing: body.roles.joined(separator: ",")),
                                                 actor: caller.actor, source: caller.source)
            return Response(status: .noContent)
        }
        api.get("tokens") { _, context in
            try await admin(context, "tokens")
            return try RouteSupport.json(try await services.accounts.store.tokens().map(TokenView.init))
        }
        api.post("tokens") { request, context in
            let caller = try await admin(context, "tokens")
            let body = try await request.decode(as: NewToken.self, context: context)
            let created = try await services.accounts.createToken(name: body.name, roles: try RoleSet(parsing: body.roles.joined(separator: ",")),
                                                                  expiresAt: body.expiresAt, actor: caller.actor, source: caller.source)
            return try RouteSupport.json(CreatedToken(token: TokenView(created.token), secret: created.secret), status: .created)
        }
        api.delete("tokens/:id") { _, context in
            let caller = try await admin(context, "token")
            guard let id = context.parameters.get("id").flatMap(Int64.init) else {
                throw DomainError(.invalidValue, "a token id is a whole number; see GET /api/v1/tokens")
            }
            try await services.accounts.revokeToken(id: id, actor: caller.actor, source: caller.source)
            return Response(status: .noContent)
        }
    }

    @discardableResult
    func admin(_ context: TocsinRequestContext, _ target: String) async throws -> Caller {
        try await services.authorise(context, .manageUsers, target: target)
        return try context.caller()
    }
}

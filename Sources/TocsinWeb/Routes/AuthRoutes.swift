import Hummingbird
import TocsinCore
import TocsinSecurity

/// Login (→ session cookie), logout, password change and `me`. Login and password change are
/// the only API routes without a session: they authenticate with the password itself, and are
/// throttled per client address (`LoginRateLimiter`) on top of the per-account lockout.
struct AuthRoutes {
    let services: WebServices
    let configuration: WebConfiguration
    let limiter: LoginRateLimiter

    struct LoginRequest: Codable { var name: String; var password: String }
    struct PasswordRequest: Codable { var name: String; var current: String; var new: String }
    struct Me: Codable {
        var name: String
        var kind: String
        var roles: [String]
        var permissions: [String]
        init(_ p: Principal) {
            name = p.name
            kind = p.kind.rawValue
            roles = p.roles.roles.map(\.rawValue).sorted()
            permissions = p.roles.permissions.map(\.rawValue).sorted()
        }
    }

    /// POST auth/login, POST auth/password (no session needed).
    func registerPublic(on api: RouterGroup<TocsinRequestContext>) {
        api.post("auth/login") { request, context in
            try await throttle(context)
            let body = try await request.decode(as: LoginRequest.self, context: context)
            let login = try await services.accounts.login(name: body.name, password: body.password, source: context.source)
            var response = try RouteSupport.json(Me(login.principal))
            response.setCookie(SessionCookie.issue(login.secret, secure: configuration.secureCookies))
            return response
        }
        api.post("auth/password") { request, context in
            try await throttle(context)
            let body = try await request.decode(as: PasswordRequest.self, context: context)
            try await services.accounts.changePassword(name: body.name, current: body.current, new: body.new, source: context.source)
            var response = Response(status: .noContent)
            response.setCookie(SessionCookie.clear(secure: configuration.secureCookies))
            return response
        }
    }

    /// POST auth/logout, GET auth/me.
    func registerProtected(on api: RouterGroup<TocsinRequestContext>) {
        api.post("auth/logout") { _, context in
            if let secret = context.sessionSecret { try await services.accounts.logout(secret: secret, source: context.source) }
            var response = Response(status: .noContent)
            response.setCookie(SessionCookie.clear(secure: configuration.secureCookies))
            return response
        }
        api.get("auth/me") { _, context in
            try RouteSupport.json(Me(try context.caller().principal))
        }
    }

    func throttle(_ context: TocsinRequestContext) async throws {
        if let retry = await limiter.attempt(from: context.source) {
            throw APIError(.tooManyRequests, code: "too_many_attempts",
                           message: "too many login attempts from this address; wait \(retry) s and try again",
                           headers: [.retryAfter: "\(retry)"])
        }
    }
}

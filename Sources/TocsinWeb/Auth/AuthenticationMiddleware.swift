import Foundation
import Hummingbird
import TocsinCore
import TocsinSecurity

/// Resolves who is calling, on every request: an API token (`Authorization: Bearer tcs_…`) or a
/// session cookie (`tocsin_session`). Never refuses by itself — a public route (login, health)
/// must work with a stale cookie — it records the principal, or the reason the credential was
/// refused, for `RequireAuthentication` and the handlers.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = TocsinRequestContext
    let accounts: AccountService
    let trustForwardedFor: Bool

    public init(accounts: AccountService, trustForwardedFor: Bool) {
        self.accounts = accounts
        self.trustForwardedFor = trustForwardedFor
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if trustForwardedFor, let forwarded = request.headers[.xForwardedFor]?.split(separator: ",").first {
            context.source = forwarded.trimmingCharacters(in: .whitespaces)
        }
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                do { context.principal = try await accounts.principal(forToken: String(parts[1]), source: context.source) } catch let e as SecurityError {
                    context.authenticationError = e
                }
            } else {
                context.authenticationError = SecurityError(.invalidToken, "the Authorization header must be `Bearer <API token>`")
            }
        } else if let secret = request.cookies[SessionCookie.name]?.value {
            do {
                context.principal = try await accounts.principal(forSession: secret)
                context.sessionSecret = secret
            } catch let e as SecurityError {
                context.authenticationError = e
            }
        }
        return try await next(request, context)
    }
}

/// Refuses a request without an authenticated principal with 401 and a JSON error saying how to
/// authenticate. Put it on every group except the public routes.
public struct RequireAuthentication: RouterMiddleware {
    public typealias Context = TocsinRequestContext
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        _ = try context.caller()
        return try await next(request, context)
    }
}

extension HTTPFields.Element.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}

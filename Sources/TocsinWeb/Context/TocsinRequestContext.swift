import Hummingbird
import TocsinCore

/// The request context of every route, API and console alike: the client address and, once
/// `AuthenticationMiddleware` ran, the authenticated principal (or why authentication failed).
public struct TocsinRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client address as the socket saw it; `AuthenticationMiddleware` may replace it with
    /// the `X-Forwarded-For` address when configured to trust a proxy.
    public var source: String
    public var principal: Principal?
    /// Why a presented session or token was refused (expired, revoked …), for the 401 message.
    public var authenticationError: SecurityError?
    /// The session secret from the cookie, when the principal came from a session (for logout).
    public var sessionSecret: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.source = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The authenticated caller, or `.sessionExpired` (401) saying how to authenticate.
    public func caller() throws -> Caller {
        guard let principal else {
            throw authenticationError ?? SecurityError(.sessionExpired, "authentication required: log in (POST /api/v1/auth/login) or send an API token as `Authorization: Bearer tcs_…`")
        }
        return Caller(principal: principal, source: source)
    }
}

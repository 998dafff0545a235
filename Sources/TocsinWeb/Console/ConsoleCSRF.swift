import Hummingbird
import TocsinSecurity

/// CSRF protection for the console. Every form carries `_csrf`; script requests send the header
/// `X-CSRF-Token`. For a session the token is a SHA-256 of the session secret with a fixed label:
/// unguessable without the HttpOnly cookie, and revealing it does not reveal the secret. Before
/// login a random double-submit cookie (`tocsin_login_csrf`, HttpOnly, SameSite=Strict) plays the
/// same part. Comparisons take constant time.
enum ConsoleCSRF {
    static let field = "_csrf"
    static let header = HTTPFields.Element.Name("X-CSRF-Token")!
    static let loginCookie = "tocsin_login_csrf"

    static func token(forSession secret: String) -> String {
        SecretGenerator.digest("tocsin-console-csrf:" + secret)
    }

    /// Whether `presented` equals `expected` (both non-empty), in constant time.
    static func matches(_ presented: String?, _ expected: String) -> Bool {
        guard let presented, !expected.isEmpty, presented.utf8.count == expected.utf8.count else { return false }
        var diff: UInt8 = 0
        for (a, b) in zip(presented.utf8, expected.utf8) { diff |= a ^ b }
        return diff == 0
    }

    /// The refusal: 403 with the console's error page.
    static func refused() -> ConsoleError {
        ConsoleError(.forbidden, titleKey: "error_csrf_title", messageKey: "error_csrf_message")
    }
}

/// Checks the CSRF token of every state-changing request (anything but GET and HEAD) before the
/// handler runs; a missing or wrong token is refused and nothing changes. The form body is read
/// here and left in the request for the handler.
struct ConsoleCSRFMiddleware: RouterMiddleware {
    typealias Context = TocsinRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        let expected = context.sessionSecret.map(ConsoleCSRF.token(forSession:)) ?? ""
        var request = request
        var presented = request.headers[ConsoleCSRF.header]
        if presented == nil {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            presented = ConsoleForm(request: request, body: body).value(ConsoleCSRF.field)
        }
        guard ConsoleCSRF.matches(presented, expected) else { throw ConsoleCSRF.refused() }
        return try await next(request, context)
    }
}

import Foundation
import Hummingbird
import Logging
import TocsinCore
import TocsinSecurity

/// Errors on console pages become an HTML page in the reader's language, never JSON: a missing or
/// expired session redirects to the login page (back to the page afterwards), a refusal is the
/// 403 page, other errors show their status with the message written for a person. Unknown
/// errors are logged and answered 500 with the request id.
struct ConsoleErrorMiddleware: RouterMiddleware {
    typealias Context = TocsinRequestContext
    let renderer: ConsoleRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return response(for: error, request: request, context: context)
        }
    }

    func response(for error: any Error, request: Request, context: Context) -> Response {
        let env = ConsoleEnvironment(request, context)
        if let e = error as? SecurityError, [.sessionExpired, .invalidToken].contains(e.code) || env.principal == nil && e.code == .forbidden {
            return Self.toLogin(from: request)
        }
        let page: ConsoleError
        switch error {
        case let e as ConsoleError: page = e
        case let e as SecurityError where e.code == .forbidden:
            page = ConsoleError(.forbidden, titleKey: "error_forbidden_title", messageKey: "error_forbidden_message")
        default:
            if let mapped = ErrorMapping.apiError(for: error) {
                let key = switch mapped.status {
                case .forbidden: "error_forbidden_title"
                case .notFound: "error_not_found_title"
                case .conflict: "error_conflict_title"
                case .serviceUnavailable: "error_unavailable_title"
                default: "error_input_title"
                }
                page = ConsoleError(mapped.status, titleKey: key, message: mapped.message)
            } else {
                context.logger.error("console request failed", metadata: ["http.path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
                page = ConsoleError(.internalServerError, titleKey: "error_internal_title", message: env.t("error_internal_message") + " (\(context.id))")
            }
        }
        return renderer.errorPage(page, env)
    }

    /// 303 to the login page, remembering a GET page to come back to.
    static func toLogin(from request: Request) -> Response {
        var target = "/console/login"
        if request.method == .get, let next = ConsolePaths.localConsolePath(request.uri.description), next != "/console/login" {
            target += "?next=" + ConsolePaths.queryEscape(next)
        }
        return Response.redirect(to: target, type: .normal)
    }
}

/// Console URL helpers.
enum ConsolePaths {
    /// `path` when it is a console path on this server (no scheme, host or `//`), else nil:
    /// redirects never leave the console.
    static func localConsolePath(_ path: String) -> String? {
        guard path.hasPrefix("/console"), !path.hasPrefix("//"), !path.contains("\\"), !path.contains("://") else { return nil }
        return path
    }

    static func queryEscape(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

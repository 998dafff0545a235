import Hummingbird
import TocsinCore
import TocsinSecurity

/// What every console page needs to know about the request: language, who is logged in, the CSRF
/// token of their session and the path (for the language link and the active menu entry).
struct ConsoleEnvironment: Sendable {
    var language: ConsoleLanguage
    var principal: Principal?
    var csrf: String
    var path: String
    var source: String

    init(_ request: Request, _ context: TocsinRequestContext) {
        language = ConsoleLanguage.of(request)
        principal = context.principal
        csrf = context.sessionSecret.map(ConsoleCSRF.token(forSession:)) ?? ""
        path = request.uri.path
        source = context.source
    }

    func t(_ key: String) -> String { language.t(key) }

    /// The logged-in caller, or `.sessionExpired` (the console answers with the login page).
    func caller() throws -> Caller {
        guard let principal else { throw SecurityError(.sessionExpired, "log in first") }
        return Caller(principal: principal, source: source)
    }

    /// Whether the caller holds `permission`.
    func may(_ permission: Permission) -> Bool { principal?.roles.allows(permission) ?? false }

    /// Refuses with `.forbidden` (answered by the 403 page) unless the caller holds one of `permissions`.
    /// Refusals are audited through `AccountService.authorise`.
    func require(_ permissions: Permission..., services: WebServices, target: String) async throws {
        let caller = try caller()
        guard !permissions.contains(where: caller.principal.roles.allows) else { return }
        try await services.accounts.authorise(caller.principal, permissions[0], target: "console:\(target)", source: source)
        throw SecurityError(.forbidden, "not allowed")
    }
}

import Hummingbird
import TocsinCore
import TocsinSecurity

/// The web console under `/console`: server-rendered pages in Chinese (English on request), a
/// little plain JavaScript from `/console/assets/console.js`, sessions by the `tocsin_session`
/// cookie. Middleware inside the console, outermost first: HTML errors, then for everything but
/// login, password change, language switch and assets: a logged-in person (else the login page)
/// and the CSRF token on every state-changing request. Each page and action then checks its role
/// on the server (`ConsoleEnvironment.require`, and the services check again).
public struct ConsoleRoutes: Sendable {
    let services: WebServices
    let configuration: WebConfiguration
    let limiter: LoginRateLimiter
    let clock: any WallClock
    let renderer: ConsoleRenderer

    /// `limiter` is shared with the API's login so both count against one budget per address.
    public init(services: WebServices, configuration: WebConfiguration, limiter: LoginRateLimiter, clock: any WallClock = SystemWallClock()) {
        self.services = services
        self.configuration = configuration
        self.limiter = limiter
        self.clock = clock
        self.renderer = ConsoleRenderer()
    }

    /// Adds every console route to `router`.
    public func register(on router: Router<TocsinRequestContext>) {
        let console = router.group("console").add(middleware: ConsoleErrorMiddleware(renderer: renderer))
        ConsoleAssets.register(on: console)
        LoginPages(console: self).register(on: console)

        let app = console.group().add(middleware: ConsoleRequireLogin()).add(middleware: ConsoleCSRFMiddleware())
        LoginPages(console: self).registerProtected(on: app)
        DashboardPage(console: self).register(on: app)
        DraftPages(console: self).register(on: app)
        WarningPages(console: self).register(on: app)
        WarningActions(console: self).register(on: app)
        ProgressEvents(console: self).register(on: app)
        ReviewPages(console: self).register(on: app)
        AddressBookPages(console: self).register(on: app)
        ContactImportPage(console: self).register(on: app)
        LinksPage(console: self).register(on: app)
        UsersPages(console: self).register(on: app)
        AuditPages(console: self).register(on: app)
        app.get("**") { _, _ -> Response in throw ConsoleError.notFound() }
        app.post("**") { _, _ -> Response in throw ConsoleError.notFound() }
    }

    /// 303 to `path` (after a POST, so a reload does not repeat the action).
    static func seeOther(_ path: String) -> Response { Response.redirect(to: path, type: .normal) }
}

/// The console is for people with a session: without one the error middleware answers with the
/// login page; an API token is refused (machines use `/api/v1`).
struct ConsoleRequireLogin: RouterMiddleware {
    typealias Context = TocsinRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let caller = try context.caller()
        guard caller.principal.kind == .user, context.sessionSecret != nil else {
            throw ConsoleError(.forbidden, titleKey: "error_forbidden_title", messageKey: "error_token_console")
        }
        return try await next(request, context)
    }
}

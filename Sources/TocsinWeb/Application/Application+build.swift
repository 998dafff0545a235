import Hummingbird
import Logging
import TocsinCore

/// The router with every route, used by `buildApplication` and by the tests
/// (`app.test(.router)`). Middleware order, outermost first: security headers (so errors carry
/// them too), errors → JSON, authentication (resolves the principal, refuses nothing). Public
/// routes: `/healthz`, login and password change. Everything under `/api/v1` else sits behind
/// `RequireAuthentication`; each handler then checks the role it needs.
///
/// The console adds its routes to the returned router with the same context and middleware
/// (`TocsinRequestContext`, `RequireAuthentication`).
public func buildRouter(services: WebServices, configuration: WebConfiguration, clock: any WallClock = SystemWallClock()) -> Router<TocsinRequestContext> {
    let router = Router(context: TocsinRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: AuthenticationMiddleware(accounts: services.accounts, trustForwardedFor: configuration.trustForwardedFor))

    HealthRoutes(services: services, configuration: configuration).register(on: router)
    let api = router.group("api/v1")
    let auth = AuthRoutes(services: services, configuration: configuration,
                          limiter: LoginRateLimiter(limit: configuration.loginAttemptsPerWindow, window: configuration.loginWindow, clock: clock))
    auth.registerPublic(on: api)

    let protected = api.group().add(middleware: RequireAuthentication())
    auth.registerProtected(on: protected)
    APIRoutes.register(services: services, configuration: configuration, on: protected)
    ConsoleRoutes(services: services, configuration: configuration, limiter: auth.limiter, clock: clock).register(on: router)
    return router
}

/// The HTTP application on `configuration.host:port` (what `tocsin serve` runs).
public func buildApplication(services: WebServices, configuration: WebConfiguration, clock: any WallClock = SystemWallClock(),
                             logger: Logger = Logger(label: "tocsin.web")) -> some ApplicationProtocol {
    Application(router: buildRouter(services: services, configuration: configuration, clock: clock),
                configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "tocsin"),
                logger: logger)
}

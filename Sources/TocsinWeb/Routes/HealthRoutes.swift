import Hummingbird
import TocsinStorage

/// `GET /healthz`, unauthenticated: is the process up, can it reach its database, is dispatch
/// wired. 200 when the database answers, 503 otherwise. Tells nothing an attacker could use.
struct HealthRoutes {
    let services: WebServices
    let configuration: WebConfiguration

    struct Health: Codable {
        var status: String
        var database: String
        var dispatch: String
        var version: String
    }

    func register(on router: Router<TocsinRequestContext>) {
        router.get("healthz") { _, _ in
            var database = "ok"
            do { _ = try await services.store.schemaVersion() } catch { database = "unavailable" }
            let health = Health(status: database == "ok" ? "ok" : "degraded", database: database,
                                dispatch: services.warnings.isDispatchConfigured ? "configured" : "dispatch not configured",
                                version: configuration.version)
            return try RouteSupport.json(health, status: database == "ok" ? .ok : .serviceUnavailable)
        }
    }
}

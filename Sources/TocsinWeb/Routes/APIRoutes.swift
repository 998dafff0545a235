import Hummingbird

/// Every authenticated `/api/v1` route group, registered in one place.
enum APIRoutes {
    static func register(services: WebServices, configuration: WebConfiguration, on api: RouterGroup<TocsinRequestContext>) {
        OpenAPIRoutes(version: configuration.version).register(on: api)
        AdminRoutes(services: services).register(on: api)
        ContentRoutes(services: services).register(on: api)
        WarningRoutes(services: services).register(on: api)
        DispatchRoutes(services: services).register(on: api)
        AuditRoutes(services: services).register(on: api)
    }
}

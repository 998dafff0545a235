import Hummingbird
import TocsinCore

/// Catalogues (hazards, levels, regions), templates, and preview/lint of text not yet stored.
struct ContentRoutes {
    let services: WebServices

    struct LevelView: Codable { var code: String; var rank: Int; var colourZH: String; var severityZH: String; var roman: String }
    struct HazardView: Codable { var code: String; var nameZH: String; var category: String; var note: String }
    struct RegionView: Codable { var code: String; var nameZH: String; var parentCode: String? }
    struct PreviewRequest: Codable { var text: String; var signature: String? }

    func register(on api: RouterGroup<TocsinRequestContext>) {
        // Catalogues are reference data: any authenticated caller may read them.
        api.get("catalogues/hazards") { _, context in
            _ = try context.caller()
            return try RouteSupport.json(try await services.store.hazards().all.map {
                HazardView(code: $0.code, nameZH: $0.nameZH, category: $0.category.rawValue, note: $0.note)
            })
        }
        api.get("catalogues/levels") { _, context in
            _ = try context.caller()
            return try RouteSupport.json(WarningLevel.allCases.map {
                LevelView(code: $0.rawValue, rank: $0.rank, colourZH: $0.colourZH, severityZH: $0.severityZH, roman: $0.roman)
            })
        }
        api.get("catalogues/regions") { _, context in
            _ = try context.caller()
            return try RouteSupport.json(try await services.store.regions().all.map { RegionView(code: $0.code, nameZH: $0.nameZH, parentCode: $0.parentCode) })
        }
        api.get("templates") { _, context in
            try RouteSupport.json(try await services.warnings.allTemplates(by: try context.caller()))
        }
        api.get("templates/:hazard/:level") { _, context in
            let caller = try context.caller()
            let hazard = context.parameters.get("hazard") ?? "", levelText = context.parameters.get("level") ?? ""
            guard let level = WarningLevel(token: levelText) else {
                throw DomainError(.invalidValue, "level must be red, orange, yellow or blue, got '\(levelText)'")
            }
            guard let template = try await services.warnings.template(hazardCode: hazard, level: level, by: caller) else {
                throw DomainError(.notFound, "there is no template for hazard \(hazard) at level \(level.rawValue); write the texts yourself")
            }
            return try RouteSupport.json(template)
        }
        api.post("preview") { request, context in
            let caller = try context.caller()
            try await readerCheck(context)
            let body = try await request.decode(as: PreviewRequest.self, context: context)
            return try RouteSupport.json(PreviewView(try await services.warnings.preview(text: body.text, signature: body.signature, by: caller)))
        }
        api.post("lint") { request, context in
            let caller = try context.caller()
            try await readerCheck(context)
            let input = try await request.decode(as: DraftInput.self, context: context)
            return try RouteSupport.json(try await services.warnings.lint(input, by: caller).map(LintView.init))
        }
    }

    /// Authors and reviewers, checked before the body is read.
    func readerCheck(_ context: TocsinRequestContext) async throws {
        try await RouteSupport.requireReader(context, services)
    }
}

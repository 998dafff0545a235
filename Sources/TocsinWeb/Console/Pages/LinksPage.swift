import Foundation
import Hummingbird
import TocsinCore

/// Carrier links: state, TPS against its ceiling, window use, errors, the last report. Operators
/// only; the data comes from the `LinkStatusSource` the composition root injects.
struct LinksPage {
    let console: ConsoleRoutes

    func register(on group: RouterGroup<TocsinRequestContext>) {
        group.get("links") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.operateCarriers, services: console.services, target: "links")
            let rows = await Self.rows(console.services.links, env.language)
            return console.renderer.page("links", env, title: env.t("nav_links"),
                                         ["links": rows, "hasLinks": !rows.isEmpty, "noLinkSource": console.services.links == nil,
                                          "now": ConsoleFormat.timeSeconds(console.services.warnings.now())])
        }
    }

    /// One table row per link.
    static func rows(_ source: (any LinkStatusSource)?, _ lang: ConsoleLanguage) async -> [[String: Any]] {
        guard let source else { return [] }
        return await source.linkStatuses().map { l in
            var row: [String: Any] = [
                "name": l.name, "carrier": ConsoleFormat.carrier(l.carrier, lang), "protocol": l.protocolName,
                "state": l.state.rawValue, "stateLabel": lang.t("link_\(l.state.rawValue)"), "down": l.state == .down,
                "test": l.isTest, "tps": String(format: "%.0f", l.tps), "tpsLimit": l.tpsLimit > 0 ? String(format: "%.0f", l.tpsLimit) : lang.t("tps_unlimited"),
                "window": "\(l.windowInUse) / \(l.windowSize)", "windowUse": l.windowInUse, "windowMax": max(l.windowSize, 1),
                "errors": l.errors, "lastReport": ConsoleFormat.timeSeconds(l.lastReportAt),
            ]
            if let e = l.lastError, !e.isEmpty { row["lastError"] = e }
            return row
        }
    }
}

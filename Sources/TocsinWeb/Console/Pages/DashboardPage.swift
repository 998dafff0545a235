import Foundation
import Hummingbird
import TocsinCore
import TocsinStorage

/// The duty officer's first page: warnings in progress with per-carrier progress (from the
/// dispatcher when one is configured), reviews waiting, one's own drafts, link status and alerts.
/// Every logged-in person sees it; each section shows only what their roles may read.
struct DashboardPage {
    let console: ConsoleRoutes

    func register(on group: RouterGroup<TocsinRequestContext>) {
        group.get("") { request, context in try await render(ConsoleEnvironment(request, context)) }
    }

    func render(_ env: ConsoleEnvironment) async throws -> Response {
        let services = console.services
        let caller = try env.caller()
        let lang = env.language
        let regions = try await services.store.regions(), hazards = try await services.store.hazards()
        var data: [String: Any] = [:]
        var alerts: [String] = []
        let reader = env.may(.draftWarning) || env.may(.reviewWarning)
        data["reader"] = reader
        if reader {
            var active = try await services.warnings.list(state: .sending, author: nil, limit: 20, offset: 0, by: caller)
            active += try await services.warnings.list(state: .approved, author: nil, limit: 20, offset: 0, by: caller)
            var rows: [[String: Any]] = []
            for s in active {
                var row = ConsoleFormat.warningRow(s, lang, regions: regions, hazards: hazards)
                if let dispatcher = services.warnings.dispatcher, let p = try? await dispatcher.progress(of: s.warning.id) {
                    row["progress"] = ProgressView.data(p, lang)
                    if p.total.failed + p.total.expired > 0 {
                        alerts.append(env.t("alert_failures").replacingOccurrences(of: "{id}", with: s.warning.id.description)
                            .replacingOccurrences(of: "{n}", with: "\(p.total.failed + p.total.expired)"))
                    }
                }
                rows.append(row)
            }
            data["active"] = rows
            data["hasActive"] = !rows.isEmpty
            let pending = env.may(.reviewWarning)
                ? try await services.warnings.reviewQueue(limit: 10, offset: 0, by: caller)
                : try await services.warnings.list(state: .pendingReview, author: caller.actor, limit: 10, offset: 0, by: caller)
            data["pending"] = pending.map { s -> [String: Any] in
                var row = ConsoleFormat.warningRow(s, lang, regions: regions, hazards: hazards)
                row["waiting"] = ConsoleFormat.duration(.seconds(max(0, Int(services.warnings.now().timeIntervalSince(s.updatedAt)))), lang)
                row["reviewHref"] = env.may(.reviewWarning) && s.warning.author != caller.actor ? "/console/review/\(s.warning.id)" : "/console/warnings/\(s.warning.id)"
                return row
            }
            data["hasPending"] = !pending.isEmpty
            if let oldest = pending.first, services.warnings.now().timeIntervalSince(oldest.updatedAt) > 600, env.may(.reviewWarning) {
                alerts.append(env.t("alert_review_waiting").replacingOccurrences(of: "{id}", with: oldest.warning.id.description))
            }
            if env.may(.draftWarning) {
                let drafts = try await services.warnings.list(state: .draft, author: caller.actor, limit: 10, offset: 0, by: caller)
                data["drafts"] = drafts.map { ConsoleFormat.warningRow($0, lang, regions: regions, hazards: hazards) }
                data["hasDrafts"] = !drafts.isEmpty
                data["author"] = true
            }
            if !services.warnings.isDispatchConfigured { alerts.append(env.t("alert_no_dispatch")) }
        }
        let links = await LinksPage.rows(console.services.links, lang)
        data["links"] = links
        data["hasLinks"] = !links.isEmpty
        data["noLinkSource"] = services.links == nil
        for link in links where (link["down"] as? Bool) == true {
            alerts.append(env.t("alert_link_down").replacingOccurrences(of: "{name}", with: link["name"] as? String ?? ""))
        }
        data["alerts"] = alerts
        data["hasAlerts"] = !alerts.isEmpty
        data["now"] = ConsoleFormat.time(services.warnings.now())
        return console.renderer.page("dashboard", env, title: env.t("nav_dashboard"), data)
    }
}

import Foundation
import Hummingbird
import TocsinCore
import TocsinStorage

/// The review queue and the review page: what changed against the template (or, for an update
/// or cancellation, against the warning it changes), lint, reach, and approve / reject with a
/// comment. The approve control is not rendered for the warning's author, and the warning service
/// refuses a self-approval whatever the page shows. Reviewers only.
struct ReviewPages {
    let console: ConsoleRoutes
    var services: WebServices { console.services }

    func register(on group: RouterGroup<TocsinRequestContext>) {
        group.get("review") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.reviewWarning, services: services, target: "review")
            let caller = try env.caller()
            let queue = try await services.warnings.reviewQueue(limit: 100, offset: 0, by: caller)
            let regions = try await services.store.regions(), hazards = try await services.store.hazards()
            let now = services.warnings.now()
            let rows = queue.map { s -> [String: Any] in
                var row = ConsoleFormat.warningRow(s, env.language, regions: regions, hazards: hazards)
                row["waiting"] = ConsoleFormat.duration(.seconds(max(0, Int(now.timeIntervalSince(s.updatedAt)))), env.language)
                row["own"] = s.warning.author == caller.actor
                row["reviewHref"] = "/console/review/\(s.warning.id)"
                row["approvals"] = s.warning.reviewers.count
                return row
            }
            return console.renderer.page("review", env, title: env.t("nav_review"), ["rows": rows, "hasRows": !rows.isEmpty])
        }
        group.get("review/:id") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.reviewWarning, services: services, target: "review")
            let data = try await reviewData(env, id: try RouteSupport.warningID(context))
            return console.renderer.page("reviewdetail", env, title: env.t("review_title"), data)
        }
        group.post("review/:id/approve") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.reviewWarning, services: services, target: "review/approve")
            let id = try RouteSupport.warningID(context)
            let form = try await ConsoleForm.read(request, context: context)
            let outcome = try await services.warnings.approve(id, expectedVersion: form.value("version").flatMap(Int.init), by: try env.caller())
            let done = outcome.warning.warning.state == .approved ? "approved_\(outcome.dispatch.code)" : "approved_first"
            return ConsoleRoutes.seeOther("/console/warnings/\(id)?done=\(done)")
        }
        group.post("review/:id/reject") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.reviewWarning, services: services, target: "review/reject")
            let id = try RouteSupport.warningID(context)
            let form = try await ConsoleForm.read(request, context: context)
            _ = try await services.warnings.reject(id, comment: form.text("comment") ?? "", expectedVersion: form.value("version").flatMap(Int.init),
                                                   by: try env.caller())
            return ConsoleRoutes.seeOther("/console/review?done=rejected")
        }
    }

    func reviewData(_ env: ConsoleEnvironment, id: WarningIdentifier) async throws -> [String: Any] {
        let caller = try env.caller()
        let lang = env.language
        let stored = try await services.warnings.warning(id, by: caller)
        let w = stored.warning
        let regions = try await services.store.regions(), hazards = try await services.store.hazards()
        var data = ConsoleFormat.warningRow(stored, lang, regions: regions, hazards: hazards)
        data["version"] = stored.version
        data["effective"] = ConsoleFormat.time(w.effective)
        data["expires"] = ConsoleFormat.time(w.expires)
        data["issuer"] = w.issuer
        data["reviewers"] = w.reviewers.joined(separator: "、")
        data["hasReviewers"] = !w.reviewers.isEmpty
        // Compare with the warning this one changes, else with the template's text.
        let history = try await services.warnings.history(id, by: caller)
        var base: (headline: String, sms: String, body: String)?
        if w.msgType != .alert, let ref = w.references.last, let original = try? await services.warnings.warning(ref.identifier, by: caller) {
            base = (original.warning.headline, original.warning.smsText, original.warning.body)
            data["diffAgainst"] = env.t("diff_against_original") + " " + ref.identifier.description
        } else if let composed = history.last(where: { ["create", "edit"].contains($0.action) })?.at,
                  let t = try await services.warnings.templateTexts(for: w, composedAt: composed) {
            base = (t.headline, t.smsText, t.body)
            data["diffAgainst"] = env.t("diff_against_template")
        }
        if let base {
            data["diffHeadline"] = TextDiff.html(base.headline, w.headline)
            data["diffSMS"] = TextDiff.html(base.sms, w.smsText)
            data["diffBody"] = TextDiff.html(base.body, w.body)
            data["hasDiff"] = true
            data["unchanged"] = base.sms == w.smsText && base.body == w.body && base.headline == w.headline
        }
        data["body"] = w.body
        let preview = try await services.warnings.preview(id, by: caller)
        let reach = try await services.warnings.reach(id, sendTime: nil, by: caller)
        var capacity = services.warnings.configuration.capacity
        capacity.segmentsPerMessage = preview.maxSegmentCount
        data["preview"] = InsightView.preview(preview, reach: reach, capacity: capacity, lang)
        data.merge(InsightView.lint(try await services.warnings.lint(id, by: caller), lang)) { _, new in new }
        let isAuthor = w.author == caller.actor
        let pending = w.state == .pendingReview
        data["canApprove"] = pending && !isAuthor && !w.reviewers.contains(caller.actor)
        data["canReject"] = pending && !isAuthor
        data["ownWarning"] = isAuthor
        data["alreadyApproved"] = w.reviewers.contains(caller.actor)
        data["notPending"] = !pending
        data["twoStep"] = services.warnings.configuration.review.requiredApprovals(for: w.level) > 1
        return data
    }
}

import Foundation
import Hummingbird
import TocsinCore
import TocsinStorage

/// The warning editor: a new draft (template by hazard × level, regions, targets, validity, drill
/// flag), editing one's own draft, and the live preview endpoint the editor's script calls. The
/// preview, lint and reach also render without script (the "refresh preview" button).
struct DraftPages {
    let console: ConsoleRoutes
    var services: WebServices { console.services }

    func register(on group: RouterGroup<TocsinRequestContext>) {
        group.get("warnings/new") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.draftWarning, services: services, target: "warnings/new")
            let q = request.uri.queryParameters
            let form = DraftForm.fresh(hazards: try await services.store.hazards(), now: services.warnings.now(), hazard: q.get("hazard"), level: q.get("level"))
            return try await editor(env, form: form, editing: nil, errors: [], status: .ok)
        }
        group.post("warnings/new") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.draftWarning, services: services, target: "warnings/new")
            let form = try await ConsoleForm.read(request, context: context)
            let draft = try DraftForm(form, env.language)
            return try await act(env, form.value("action"), draft, editing: nil) {
                try await services.warnings.createDraft(draft.input, by: try env.caller())
            }
        }
        group.get("warnings/:id/edit") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.draftWarning, services: services, target: "warnings/edit")
            let stored = try await services.warnings.warning(try RouteSupport.warningID(context), by: try env.caller())
            try editable(stored, env)
            return try await editor(env, form: DraftForm(stored.warning), editing: stored, errors: [], status: .ok)
        }
        group.post("warnings/:id/edit") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.draftWarning, services: services, target: "warnings/edit")
            let stored = try await services.warnings.warning(try RouteSupport.warningID(context), by: try env.caller())
            let form = try await ConsoleForm.read(request, context: context)
            let draft = try DraftForm(form, env.language)
            let version = form.value("version").flatMap(Int.init)
            return try await act(env, form.value("action"), draft, editing: stored) {
                try await services.warnings.editDraft(stored.warning.id, draft.input, expectedVersion: version, by: try env.caller())
            }
        }
        group.post("drafts/preview") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.draftWarning, .reviewWarning, services: services, target: "drafts/preview")
            let draft = try DraftForm(try await ConsoleForm.read(request, context: context), env.language)
            return try await previewJSON(env, draft)
        }
    }

    /// Only the author's own draft can be edited (the service refuses the write anyway).
    func editable(_ stored: StoredWarning, _ env: ConsoleEnvironment) throws {
        guard stored.warning.author == env.principal?.description else {
            throw ConsoleError(.forbidden, titleKey: "error_forbidden_title", messageKey: "error_not_author")
        }
        guard stored.warning.state == .draft else { throw ConsoleError(.conflict, titleKey: "error_conflict_title", messageKey: "error_not_draft") }
    }

    /// preview → the editor again with the preview; save → the stored draft; submit → stored and
    /// sent for review. Errors from the rules re-show the editor with the message.
    func act(_ env: ConsoleEnvironment, _ action: String?, _ draft: DraftForm, editing: StoredWarning?,
             store: () async throws -> StoredWarning) async throws -> Response {
        guard action == "save" || action == "submit" else {
            return try await editor(env, form: draft, editing: editing, errors: [], status: .ok)
        }
        do {
            let saved = try await store()
            guard action == "submit" else { return ConsoleRoutes.seeOther("/console/warnings/\(saved.warning.id)?done=saved") }
            _ = try await services.warnings.submit(saved.warning.id, expectedVersion: saved.version, by: try env.caller())
            return ConsoleRoutes.seeOther("/console/warnings/\(saved.warning.id)?done=submitted")
        } catch let e as DomainError where e.code != .notFound {
            return try await editor(env, form: draft, editing: editing, errors: [e.message], status: .unprocessableContent)
        }
    }

    /// The editor page with catalogues, the preview panel and any errors.
    func editor(_ env: ConsoleEnvironment, form: DraftForm, editing: StoredWarning?, errors: [String], status: HTTPResponse.Status) async throws -> Response {
        let hazards = try await services.store.hazards(), regions = try await services.store.regions()
        var form = form
        var data: [String: Any] = [:]
        do {
            let insight = try await services.warnings.insight(form.input, by: try env.caller())
            form = form.withTemplateTexts(insight.warning)
            data = InsightView.data(insight, env.language)
        } catch let e as DomainError {
            data["previewError"] = e.message
        }
        data.merge(form.data(env.language, hazards: hazards, regions: regions, groups: try await services.store.groups())) { _, new in new }
        data["errors"] = errors
        data["hasErrors"] = !errors.isEmpty
        if let editing {
            data["action"] = "/console/warnings/\(editing.warning.id)/edit"
            data["version"] = editing.version
            data["heading"] = env.t("edit_warning") + " " + editing.warning.id.description
        } else {
            data["action"] = "/console/warnings/new"
            data["heading"] = env.t("nav_new_warning")
        }
        return console.renderer.page("draft", env, title: data["heading"] as? String ?? "", data, status: status)
    }

    struct PreviewAnswer: Encodable {
        var html: String
        var headline: String
        var sms: String
        var body: String
    }

    /// `{html, headline, sms, body}`: the preview panel and the template's texts for the chosen
    /// hazard, level and regions (the script fills fields the author has not touched).
    func previewJSON(_ env: ConsoleEnvironment, _ draft: DraftForm) async throws -> Response {
        var data: [String: Any] = [:]
        var template = PreviewAnswer(html: "", headline: "", sms: "", body: "")
        do {
            let insight = try await services.warnings.insight(draft.input, by: try env.caller())
            data = InsightView.data(insight, env.language)
            var bare = draft
            bare.headline = nil
            bare.sms = nil
            bare.body = nil
            if let rendered = try? await services.warnings.composeUnsaved(bare.input, by: try env.caller()) {
                template = PreviewAnswer(html: "", headline: rendered.headline, sms: rendered.smsText, body: rendered.body)
            }
        } catch let e as DomainError {
            data["previewError"] = e.message
        }
        template.html = console.renderer.fragment("preview", env, data)
        return try RouteSupport.json(template)
    }
}

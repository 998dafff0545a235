import Foundation
import Hummingbird
import TocsinCore

/// Importing contacts from CSV or XLSX: a dry run first (every row classified, row errors listed,
/// nothing changed), then the real import, all or nothing unless "skip invalid rows" is ticked.
/// The importer is `TocsinApp`'s, reached through `ContactImportPort`. Address-book admins only.
struct ContactImportPage {
    let console: ConsoleRoutes
    var services: WebServices { console.services }
    static let shownProblems = 200

    func register(on group: RouterGroup<TocsinRequestContext>) {
        group.get("contacts/import") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.editAddressBook, services: services, target: "contacts/import")
            guard services.contactImport != nil else { throw ConsoleError.notFound() }
            return page(env, [:])
        }
        group.post("contacts/import") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.editAddressBook, services: services, target: "contacts/import")
            guard let importer = services.contactImport else { throw ConsoleError.notFound() }
            let form = try await ConsoleForm.read(request, context: context)
            guard let file = form.file("file"), !file.data.isEmpty else { return page(env, ["errors": [env.t("import_no_file")]], status: .unprocessableContent) }
            let dryRun = form.flag("dry_run")
            let summary: ContactImportSummary
            do {
                summary = try await importer.importContacts(file.data, fileName: file.name, dryRun: dryRun, skipInvalid: form.flag("skip_invalid"),
                                                            actor: try env.caller().actor)
            } catch let e as ConsoleError {
                throw e
            } catch {
                return page(env, ["errors": ["\(env.t("import_unreadable")): \(error)"]], status: .unprocessableContent)
            }
            let problems = summary.problems.prefix(Self.shownProblems).map { ["row": $0.row, "column": $0.column, "message": $0.message] }
            let outcome = summary.committed ? "import_committed" : (summary.dryRun ? "import_dry_run_done" : "import_not_committed")
            return page(env, ["result": [
                "rows": summary.rows, "created": summary.created, "updated": summary.updated, "unchanged": summary.unchanged,
                "rejected": summary.rejected, "outcome": env.t(outcome), "problems": problems, "hasProblems": !problems.isEmpty,
                "moreProblems": summary.problems.count > Self.shownProblems || summary.rejected > problems.count, "committed": summary.committed,
                "fileName": file.name,
            ] as [String: Any]], status: .ok)
        }
    }

    func page(_ env: ConsoleEnvironment, _ data: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        var data = data
        data["tabs"] = AddressBookPages(console: console).tabs(env, current: "import")
        data["hasErrors"] = (data["errors"] as? [String])?.isEmpty == false
        return console.renderer.page("import", env, title: env.t("ab_import"), data, status: status)
    }
}

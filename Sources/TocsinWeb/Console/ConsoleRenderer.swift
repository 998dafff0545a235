import Foundation
import Hummingbird
import Mustache
import TocsinCore

/// Renders console pages: the Mustache templates compiled once at start (they are Swift string
/// constants, so the binary works from any directory and nothing is read at run time), with the
/// layout every page shares — header with the menu the caller's roles allow, language switch,
/// logout, the CSRF token — around the page's own data.
struct ConsoleRenderer: Sendable {
    let library: MustacheLibrary

    init() {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in ConsoleTemplates.all {
            // The templates are constants checked by the tests; a syntax error is a programming error.
            templates[name] = try! MustacheTemplate(string: text)
        }
        library = MustacheLibrary(templates: templates)
    }

    /// One menu entry: where, the label key, and who sees it.
    struct MenuEntry {
        var href: String
        var key: String
        var permissions: [Permission]
    }

    static let menu: [MenuEntry] = [
        MenuEntry(href: "/console", key: "nav_dashboard", permissions: []),
        MenuEntry(href: "/console/warnings/new", key: "nav_new_warning", permissions: [.draftWarning]),
        MenuEntry(href: "/console/warnings", key: "nav_warnings", permissions: [.draftWarning, .reviewWarning]),
        MenuEntry(href: "/console/review", key: "nav_review", permissions: [.reviewWarning]),
        MenuEntry(href: "/console/contacts", key: "nav_address_book", permissions: [.editAddressBook]),
        MenuEntry(href: "/console/links", key: "nav_links", permissions: [.operateCarriers]),
        MenuEntry(href: "/console/users", key: "nav_users", permissions: [.manageUsers]),
        MenuEntry(href: "/console/audit", key: "nav_audit", permissions: [.readAudit]),
    ]

    /// The menu for `env`'s caller, with the entry for the current page marked.
    func nav(_ env: ConsoleEnvironment) -> [[String: Any]] {
        let visible = Self.menu.filter { e in e.permissions.isEmpty || e.permissions.contains(where: env.may) }
        let current = visible.filter { env.path == $0.href || env.path.hasPrefix($0.href + "/") }.max { $0.href.count < $1.href.count }
        return visible.map { ["href": $0.href, "label": env.t($0.key), "current": $0.href == current?.href] }
    }

    /// The layout's values for `env`.
    func base(_ env: ConsoleEnvironment, title: String) -> [String: Any] {
        var data: [String: Any] = [
            "t": env.language.strings, "lang": env.language.rawValue, "title": title, "csrf": env.csrf,
            "langHref": "/console/lang?to=\(env.language.other.rawValue)&back=\(ConsolePaths.queryEscape(env.path))",
            "otherLangLabel": env.language.other.selfName, "otherLangCode": env.language.other.rawValue,
        ]
        if let p = env.principal {
            let roles = p.roles.roles.sorted { $0.rawValue < $1.rawValue }.map { env.language == .zh ? $0.nameZH : env.t("role_\($0.rawValue)") }
            data["user"] = ["name": p.name, "roles": roles.joined(separator: "、")]
            data["nav"] = nav(env)
        }
        return data
    }

    /// A whole page: `template` with the layout, `data` on top of the layout's values.
    func page(_ template: String, _ env: ConsoleEnvironment, title: String, _ data: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let context = base(env, title: title).merging(data) { _, new in new }
        return html(library.render(context, withTemplate: template) ?? "", status: status)
    }

    /// A fragment (no layout), e.g. the live preview.
    func fragment(_ template: String, _ env: ConsoleEnvironment, _ data: [String: Any]) -> String {
        let context = ["t": env.language.strings, "csrf": env.csrf].merging(data) { _, new in new }
        return library.render(context, withTemplate: template) ?? ""
    }

    /// The error page for `error`.
    func errorPage(_ error: ConsoleError, _ env: ConsoleEnvironment) -> Response {
        let title = env.t(error.titleKey)
        let message = error.message ?? error.messageKey.map(env.t) ?? ""
        return page("error", env, title: title, ["heading": title, "message": message, "status": Int(error.status.code)], status: error.status)
    }

    func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

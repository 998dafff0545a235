import Foundation
import Hummingbird
import TocsinCore
import TocsinStorage

/// The address book: contacts (searchable, keyset-paged so a page costs the same at any depth of
/// a million contacts; no count over the whole table), organisations, groups, regions,
/// subscriptions, temporary users with their validity, quiet hours, and CSV export of the current
/// filter. Address-book admins only.
struct AddressBookPages {
    let console: ConsoleRoutes
    var services: WebServices { console.services }
    static let pageSize = 50

    func register(on group: RouterGroup<TocsinRequestContext>) {
        group.get("contacts") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.editAddressBook, services: services, target: "contacts")
            let data = try await contactsData(request, env)
            return console.renderer.page("contacts", env, title: env.t("nav_address_book"), data)
        }
        group.get("contacts/export.csv") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.editAddressBook, services: services, target: "contacts/export")
            return try await export(filter(request), actor: try env.caller())
        }
        group.get("address-book/:section") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.editAddressBook, services: services, target: "address-book")
            let section = context.parameters.get("section") ?? ""
            let data: [String: Any]
            switch section {
            case "organisations": data = ["items": try await services.store.organisations().compactMap { o in
                o.id.map { ["name": o.name, "href": "/console/contacts?org=\($0)"] } }]
            case "groups": data = ["items": try await services.store.groups().compactMap { g in
                g.id.map { id -> [String: Any] in
                    var item: [String: Any] = ["name": g.name, "href": "/console/contacts?group=\(id)"]
                    if !g.description.isEmpty { item["note"] = g.description }
                    return item
                } }]
            case "regions": data = ["items": try await services.store.regions().all.map { r in
                ["name": r.nameZH, "note": r.code, "href": "/console/contacts?region=\(r.code)"] }]
            case "subscriptions": data = ["subscriptions": try await subscriptions(env)]
            default: throw ConsoleError.notFound()
            }
            var page = data
            page["section"] = env.t("ab_\(section)")
            page["tabs"] = tabs(env, current: section)
            page["isSubscriptions"] = section == "subscriptions"
            return console.renderer.page("addressbook", env, title: env.t("ab_\(section)"), page)
        }
    }

    /// The filter from the query: `q` (digits: number prefix, else the start of the name), `group`,
    /// `region` (with its sub-regions), `org`, `temporary=1`.
    func filter(_ request: Request) -> ContactFilter {
        let q = request.uri.queryParameters
        var f = ContactFilter()
        if let text = q.get("q")?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if text.allSatisfy(\.isNumber) { f.numberPrefix = text } else { f.namePrefix = text }
        }
        f.groupID = q.get("group").flatMap(Int64.init)
        f.organisationID = q.get("org").flatMap(Int64.init)
        if let r = q.get("region"), !r.isEmpty { f.regionCodes = [r] }
        f.temporaryOnly = q.get("temporary") == "1"
        return f
    }

    func contactsData(_ request: Request, _ env: ConsoleEnvironment) async throws -> [String: Any] {
        let q = request.uri.queryParameters
        var f = filter(request)
        if let r = f.regionCodes?.first { f.regionCodes = try await services.store.regions().descendants(of: r).union([r]) }
        let after = max(0, q.get("after").flatMap(Int64.init) ?? 0)
        let page: [ContactRecord]
        if let number = f.numberPrefix, number.count == 11 {
            // A whole number: one indexed lookup of its owner instead of a prefix scan.
            if let owner = try await services.store.owners(of: [number])[number], let record = try await services.store.contact(id: owner.contactID) {
                page = [record]
            } else {
                page = []
            }
        } else {
            page = try await services.store.contacts(matching: f, afterID: after, limit: Self.pageSize + 1)
        }
        let now = services.warnings.now()
        let regions = try await services.store.regions()
        let rows = page.prefix(Self.pageSize).map { r -> [String: Any] in
            let c = r.contact
            var row: [String: Any] = ["id": c.id ?? 0, "name": c.name, "org": r.organisationName, "title": c.title,
                                      "region": c.regionCode.map { regions.byCode[$0]?.nameZH ?? $0 } ?? "—",
                                      "numbers": c.numbers.map(\.digits).joined(separator: " "), "groups": r.groupNames.joined(separator: "、")]
            if let quiet = c.quietHours { row["quiet"] = quiet.text }
            if c.isTemporary {
                row["validity"] = "\(ConsoleFormat.time(c.validFrom)) – \(ConsoleFormat.time(c.validUntil))"
                row["expired"] = c.validUntil.map { $0 <= now } ?? false
            }
            return row
        }
        var keep: [String] = []
        for key in ["q", "group", "region", "org", "temporary"] {
            if let v = q.get(key), !v.isEmpty { keep.append("\(key)=\(ConsolePaths.queryEscape(v))") }
        }
        let base = "/console/contacts?" + keep.map { $0 + "&" }.joined()
        var data: [String: Any] = ["rows": rows, "hasRows": !rows.isEmpty, "q": q.get("q") ?? "", "temporary": f.temporaryOnly,
                                   "tabs": tabs(env, current: f.temporaryOnly ? "temporary" : "contacts"),
                                   "exportHref": "/console/contacts/export.csv" + (keep.isEmpty ? "" : "?" + keep.joined(separator: "&")),
                                   "filtered": !keep.isEmpty, "canImport": services.contactImport != nil]
        if page.count > Self.pageSize, let last = page.prefix(Self.pageSize).last?.contact.id { data["nextHref"] = base + "after=\(last)" }
        if after > 0 { data["firstHref"] = String(base.dropLast()) }
        if let g = f.groupID { data["filterGroup"] = g }
        return data
    }

    func tabs(_ env: ConsoleEnvironment, current: String) -> [[String: Any]] {
        var list: [(String, String)] = [("contacts", "/console/contacts"), ("temporary", "/console/contacts?temporary=1"),
                                        ("organisations", "/console/address-book/organisations"), ("groups", "/console/address-book/groups"),
                                        ("regions", "/console/address-book/regions"), ("subscriptions", "/console/address-book/subscriptions")]
        if services.contactImport != nil { list.append(("import", "/console/contacts/import")) }
        return list.map { ["href": $0.1, "label": env.t("ab_\($0.0)"), "current": $0.0 == current] }
    }

    func subscriptions(_ env: ConsoleEnvironment) async throws -> [[String: Any]] {
        let groups = Dictionary(try await services.store.groups().compactMap { g in g.id.map { ($0, g.name) } }, uniquingKeysWith: { a, _ in a })
        let hazards = try await services.store.hazards()
        return try await services.store.subscriptions().map { s in
            let subject: String
            switch s.subject {
            case .group(let id): subject = "\(env.t("group")) \(groups[id] ?? "#\(id)")"
            case .contact(let id): subject = "\(env.t("contact")) #\(id)"
            }
            return ["subject": subject, "hazard": s.hazardCode.map { hazards.byCode[$0]?.nameZH ?? $0 } ?? env.t("all_hazards"),
                    "level": ConsoleFormat.level(s.minimumLevel, env.language)]
        }
    }

    /// The contacts matching `filter` as CSV, streamed by keyset pages of 2 000. Exporting personal
    /// data is audited.
    func export(_ filter: ContactFilter, actor: Caller) async throws -> Response {
        let store = services.store
        try await store.appendAudit([AuditEvent(at: services.warnings.now(), actor: actor.actor, action: "contacts.export", target: "contacts",
                                                source: actor.source)])
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "\u{FEFF}" + CSV.line(["id", "name", "mobile", "organisation", "title", "region", "groups", "valid_from", "valid_until", "quiet_hours", "note"])))
            var after: Int64 = 0
            var f = filter
            if let r = f.regionCodes?.first { f.regionCodes = try await store.regions().descendants(of: r).union([r]) }
            while true {
                let page = try await store.contacts(matching: f, afterID: after, limit: 2000)
                guard let last = page.last?.contact.id else { break }
                try await writer.write(ByteBuffer(string: page.map { r in
                    let c = r.contact
                    return CSV.line(["\(c.id ?? 0)", c.name, c.numbers.map(\.digits).joined(separator: ";"), r.organisationName, c.title, c.regionCode ?? "",
                                     r.groupNames.joined(separator: ";"), csvTime(c.validFrom), csvTime(c.validUntil), c.quietHours?.text ?? "", c.note])
                }.joined()))
                after = last
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"contacts.csv\""], body: body)
    }
}

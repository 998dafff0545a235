import Foundation
import Hummingbird
import TocsinCore
import TocsinStorage

/// The warnings list and a warning's detail page: content, SMS, lint, the lifecycle timeline from
/// the history, live progress with per-carrier bars and the delivery curve, acknowledgements, the
/// per-recipient ledger (paged, with failure reasons and a CSV export) and the actions the
/// caller may take in the warning's state. Authors and reviewers.
struct WarningPages {
    let console: ConsoleRoutes
    var services: WebServices { console.services }
    static let ledgerPage = 50

    func register(on group: RouterGroup<TocsinRequestContext>) {
        group.get("warnings") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.draftWarning, .reviewWarning, services: services, target: "warnings")
            let state = request.uri.queryParameters.get("state").flatMap(WarningState.init(rawValue:))
            let offset = max(0, try RouteSupport.int(request, "offset", default: 0))
            let rows = try await services.warnings.list(state: state, author: nil, limit: 51, offset: offset, by: try env.caller())
            let regions = try await services.store.regions(), hazards = try await services.store.hazards()
            var data: [String: Any] = [
                "rows": rows.prefix(50).map { ConsoleFormat.warningRow($0, env.language, regions: regions, hazards: hazards) },
                "hasRows": !rows.isEmpty,
                "states": ([nil] + WarningState.allCases).map { s -> [String: Any] in
                    ["href": "/console/warnings" + (s.map { "?state=\($0.rawValue)" } ?? ""), "label": s.map { ConsoleFormat.state($0, env.language)["label"] as! String } ?? env.t("all"),
                     "current": s == state]
                },
            ]
            let base = "/console/warnings?" + (state.map { "state=\($0.rawValue)&" } ?? "")
            if rows.count > 50 { data["nextHref"] = base + "offset=\(offset + 50)" }
            if offset > 0 { data["prevHref"] = base + "offset=\(max(0, offset - 50))" }
            return console.renderer.page("warnings", env, title: env.t("nav_warnings"), data)
        }
        group.get("warnings/:id") { request, context in
            let env = ConsoleEnvironment(request, context)
            try await env.require(.draftWarning, .reviewWarning, services: services, target: "warning")
            let after = request.uri.queryParameters.get("after").flatMap(Int64.init)
            var data = try await detail(env, id: try RouteSupport.warningID(context), ledgerAfter: after)
            if let done = request.uri.queryParameters.get("done"), ConsoleStrings.zh["done_\(done)"] != nil { data["flash"] = env.t("done_\(done)") }
            return console.renderer.page("warning", env, title: data["headline"] as? String ?? "", data)
        }
    }

    func detail(_ env: ConsoleEnvironment, id: WarningIdentifier, ledgerAfter: Int64?) async throws -> [String: Any] {
        let caller = try env.caller()
        let lang = env.language
        let stored = try await services.warnings.warning(id, by: caller)
        let w = stored.warning
        let regions = try await services.store.regions(), hazards = try await services.store.hazards()
        var data = ConsoleFormat.warningRow(stored, lang, regions: regions, hazards: hazards)
        data["body"] = w.body
        data["issuer"] = w.issuer
        data["effective"] = ConsoleFormat.time(w.effective)
        data["expires"] = ConsoleFormat.time(w.expires)
        data["reviewers"] = w.reviewers.isEmpty ? "—" : w.reviewers.joined(separator: "、")
        data["issued"] = ConsoleFormat.time(w.issuedAt)
        data["version"] = stored.version
        data["references"] = w.references.map { ["id": $0.identifier.description, "href": "/console/warnings/\($0.identifier)"] }
        if let r = w.replacedBy { data["replacedBy"] = ["id": r.description, "href": "/console/warnings/\(r)"] }
        data["preview"] = InsightView.preview(try await services.warnings.preview(id, by: caller), reach: nil, capacity: nil, lang)
        data.merge(InsightView.lint(try await services.warnings.lint(id, by: caller), lang)) { _, new in new }

        let history = try await services.warnings.history(id, by: caller)
        data["timeline"] = history.map { h -> [String: Any] in
            var e: [String: Any] = ["at": ConsoleFormat.timeSeconds(h.at), "action": lang.t("action_\(h.action)"), "actor": h.actor,
                                    "to": ConsoleFormat.state(h.to, lang), "source": h.source]
            if !h.comment.isEmpty { e["comment"] = h.comment }
            if let r = h.relatedID { e["related"] = ["id": r.description, "href": "/console/warnings/\(r)"] }
            return e
        }
        if w.state == .draft, let rejection = history.last(where: { $0.action == "reject" }), history.last?.action == "reject" {
            data["rejection"] = ["by": rejection.actor, "comment": rejection.comment]
        }
        data.merge(actions(w, env)) { _, new in new }
        if let dispatcher = services.warnings.dispatcher, let progress = try await dispatcher.progress(of: id) {
            data.merge(try await dispatchData(progress, env, id: id, after: ledgerAfter)) { _, new in new }
        } else if [.approved, .sending, .completed].contains(w.state) {
            data["noDispatch"] = true
            data["noDispatchText"] = env.t(services.warnings.isDispatchConfigured ? "no_progress" : "alert_no_dispatch")
        }
        return data
    }

    /// Progress, curve, acknowledgements and one ledger page.
    func dispatchData(_ p: DispatchProgress, _ env: ConsoleEnvironment, id: WarningIdentifier, after: Int64?) async throws -> [String: Any] {
        let lang = env.language
        var data: [String: Any] = ["progress": ProgressView.data(p, lang), "live": !p.isFinished, "eventsHref": "/console/warnings/\(id)/events"]
        let now = services.warnings.now()
        data["curve"] = DeliveryCurve.svg(p, now: now, label: env.t("curve_label"),
                                          axis: (ConsoleFormat.timeSeconds(p.approvedAt), ConsoleFormat.timeSeconds(p.isFinished ? p.lastSubmitAt : now)))
        data["acknowledged"] = p.total.acknowledged
        let entries = try await services.warnings.ledger(id, after: after, limit: Self.ledgerPage + 1, by: try env.caller())
        data["ledger"] = entries.prefix(Self.ledgerPage).map { e -> [String: Any] in
            var row: [String: Any] = ["seq": e.seq, "number": e.number, "carrier": ConsoleFormat.carrier(e.carrier, lang), "state": e.state,
                                      "stateLabel": lang.t("delivery_\(e.state)"), "attempts": e.attempts, "link": e.link ?? "—",
                                      "submitted": ConsoleFormat.timeSeconds(e.submittedAt), "finished": ConsoleFormat.timeSeconds(e.finishedAt),
                                      "ack": ConsoleFormat.timeSeconds(e.acknowledgedAt)]
            let reason = [e.statusCode, e.reason].compactMap { $0 }.joined(separator: " · ")
            if !reason.isEmpty { row["reason"] = reason }
            return row
        }
        data["hasLedger"] = !entries.isEmpty
        if entries.count > Self.ledgerPage, let last = entries.prefix(Self.ledgerPage).last { data["ledgerNext"] = "/console/warnings/\(id)?after=\(last.seq)#ledger" }
        if after != nil { data["ledgerFirst"] = "/console/warnings/\(id)#ledger" }
        data["csvHref"] = "/console/warnings/\(id)/ledger.csv"
        return data
    }

    /// Which action controls the caller sees. The server checks each action again on POST.
    func actions(_ w: Warning, _ env: ConsoleEnvironment) -> [String: Any] {
        let isAuthor = w.author == env.principal?.description
        let author = env.may(.draftWarning)
        var a: [String: Any] = ["isAuthor": isAuthor]
        a["canEdit"] = author && isAuthor && w.state == .draft
        a["canSubmit"] = author && isAuthor && w.state == .draft
        a["canWithdraw"] = author && isAuthor && [.draft, .pendingReview, .approved].contains(w.state)
        a["canReview"] = env.may(.reviewWarning) && !isAuthor && w.state == .pendingReview
        a["canFollowUp"] = author && [.approved, .sending, .completed].contains(w.state) && !w.isExpired(at: services.warnings.now())
            && w.msgType != .cancel
        a["ownPending"] = isAuthor && w.state == .pendingReview
        return a
    }
}

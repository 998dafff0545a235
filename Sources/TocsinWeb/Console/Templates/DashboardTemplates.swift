/// Dashboard, links and the shared pieces (progress bars, link table, warning table).
enum DashboardTemplates {
    static let levelBadge = """
    <span class="badge level-{{value}}">{{label}}</span>
    """

    static let warningTable = """
    <table class="list">
    <thead><tr><th scope="col">{{t.col_level}}</th><th scope="col">{{t.col_headline}}</th><th scope="col">{{t.col_regions}}</th><th scope="col">{{t.col_state}}</th><th scope="col">{{t.col_author}}</th><th scope="col">{{t.col_updated}}</th></tr></thead>
    <tbody>{{#rows}}<tr><td>{{#level}}{{> badge}}{{/level}}</td><td><a href="{{href}}">{{headline}}</a>{{#drill}} <span class="tag drill">{{mode}}</span>{{/drill}}{{#isFollowUp}} <span class="tag">{{msgType}}</span>{{/isFollowUp}}<div class="id">{{id}}</div></td><td>{{regions}}</td><td><span class="state state-{{state.value}}">{{state.label}}</span></td><td>{{author}}</td><td>{{updated}}</td></tr>{{/rows}}</tbody>
    </table>
    """

    static let bars = """
    <div class="bars">{{#total}}<div class="bar total"><span class="bar-label">{{t.progress_total}}</span><progress data-bar="total" max="{{max}}" value="{{delivered}}" aria-label="{{t.progress_total}}">{{percent}}</progress><span class="bar-figure" data-fig="total">{{percent}} · {{delivered}} / {{planned}}{{#hasFailed}} · {{t.failed}} {{failed}}{{/hasFailed}}</span></div>{{/total}}
    {{#carriers}}<div class="bar"><span class="bar-label">{{name}}</span><progress data-bar="{{key}}" max="{{max}}" value="{{delivered}}" aria-label="{{name}}">{{percent}}</progress><span class="bar-figure" data-fig="{{key}}">{{percent}} · {{delivered}} / {{planned}}{{#hasFailed}} · {{t.failed}} {{failed}}{{/hasFailed}}</span></div>{{/carriers}}</div>
    """

    static let linkTable = """
    <table class="list links">
    <thead><tr><th scope="col">{{t.col_link}}</th><th scope="col">{{t.col_carrier}}</th><th scope="col">{{t.col_state}}</th><th scope="col">TPS</th><th scope="col">{{t.col_window}}</th><th scope="col">{{t.col_errors}}</th><th scope="col">{{t.col_last_report}}</th></tr></thead>
    <tbody>{{#links}}<tr><th scope="row">{{name}}{{#test}} <span class="tag drill">{{t.test_link}}</span>{{/test}}</th><td>{{carrier}} · {{protocol}}</td><td><span class="link-state link-{{state}}">{{stateLabel}}</span></td><td>{{tps}} / {{tpsLimit}}</td><td><progress max="{{windowMax}}" value="{{windowUse}}" aria-label="{{t.col_window}}">{{window}}</progress> {{window}}</td><td>{{errors}}{{#lastError}}<div class="hint">{{lastError}}</div>{{/lastError}}</td><td>{{lastReport}}</td></tr>{{/links}}</tbody>
    </table>
    """

    static let dashboard = """
    {{> head}}
    <div class="page-head"><h1>{{t.nav_dashboard}}</h1><p class="clock">{{t.beijing_time}} {{now}}</p></div>
    {{#hasAlerts}}<section class="alerts" aria-labelledby="alerts-h"><h2 id="alerts-h">{{t.alerts}}</h2><ul>{{#alerts}}<li>{{.}}</li>{{/alerts}}</ul></section>{{/hasAlerts}}
    {{#reader}}
    <section class="panel" aria-labelledby="active-h"><h2 id="active-h">{{t.in_progress}}</h2>
    {{#hasActive}}{{#active}}<article class="active-warning"><h3>{{#level}}{{> badge}}{{/level}} <a href="{{href}}">{{headline}}</a>{{#drill}} <span class="tag drill">{{mode}}</span>{{/drill}}</h3>
    <p class="meta"><span class="state state-{{state.value}}">{{state.label}}</span> · {{regions}} · {{id}}</p>
    {{#progress}}{{> bars}}{{/progress}}{{^progress}}<p class="hint">{{t.no_progress}}</p>{{/progress}}</article>{{/active}}{{/hasActive}}
    {{^hasActive}}<p class="empty">{{t.none_in_progress}}</p>{{/hasActive}}
    </section>
    <div class="grid2">
    <section class="panel" aria-labelledby="pending-h"><h2 id="pending-h">{{t.pending_reviews}}</h2>
    {{#hasPending}}<ul class="plain">{{#pending}}<li>{{#level}}{{> badge}}{{/level}} <a href="{{reviewHref}}">{{headline}}</a> <span class="hint">{{author}} · {{t.waiting}} {{waiting}}</span></li>{{/pending}}</ul>{{/hasPending}}
    {{^hasPending}}<p class="empty">{{t.none_pending}}</p>{{/hasPending}}
    </section>
    {{#author}}<section class="panel" aria-labelledby="drafts-h"><h2 id="drafts-h">{{t.my_drafts}}</h2>
    {{#hasDrafts}}<ul class="plain">{{#drafts}}<li>{{#level}}{{> badge}}{{/level}} <a href="{{href}}">{{headline}}</a> <span class="hint">{{updated}}</span></li>{{/drafts}}</ul>{{/hasDrafts}}
    {{^hasDrafts}}<p class="empty">{{t.no_drafts}}</p>{{/hasDrafts}}
    <p><a class="button primary" href="/console/warnings/new">{{t.nav_new_warning}}</a></p>
    </section>{{/author}}
    </div>
    {{/reader}}
    <section class="panel" aria-labelledby="links-h"><h2 id="links-h">{{t.link_status}}</h2>
    {{#hasLinks}}{{> linktable}}{{/hasLinks}}
    {{^hasLinks}}<p class="empty">{{#noLinkSource}}{{t.no_link_source}}{{/noLinkSource}}{{^noLinkSource}}{{t.no_links}}{{/noLinkSource}}</p>{{/hasLinks}}
    </section>
    {{> foot}}
    """

    static let links = """
    {{> head}}
    <div class="page-head"><h1>{{t.nav_links}}</h1><p class="clock">{{t.as_of}} {{now}}</p></div>
    <section class="panel" aria-labelledby="links-h"><h2 id="links-h" class="sr-only">{{t.nav_links}}</h2>
    {{#hasLinks}}{{> linktable}}{{/hasLinks}}
    {{^hasLinks}}<p class="empty">{{#noLinkSource}}{{t.no_link_source}}{{/noLinkSource}}{{^noLinkSource}}{{t.no_links}}{{/noLinkSource}}</p>{{/hasLinks}}
    </section>
    {{> foot}}
    """
}

/// Address book: contacts list, the other sections, and import.
enum AddressBookTemplates {
    static let tabs = """
    <nav class="tabs" aria-label="{{t.nav_address_book}}"><ul>{{#tabs}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/tabs}}</ul></nav>
    """

    static let contacts = """
    {{> head}}
    <div class="page-head"><h1>{{t.nav_address_book}}</h1></div>
    {{> tabs}}
    <section class="panel">
    <form method="get" action="/console/contacts" class="search" role="search">
    {{#temporary}}<input type="hidden" name="temporary" value="1">{{/temporary}}
    <label for="q">{{t.search_contacts}}</label>
    <div class="search-row"><input id="q" name="q" value="{{q}}" type="search" aria-describedby="q-hint"><button class="primary">{{t.search}}</button></div>
    <p class="hint" id="q-hint">{{t.search_hint}}</p>
    </form>
    <p class="toolbar"><a class="button secondary" href="{{exportHref}}">{{t.export_csv}}</a>{{#canImport}} <a class="button secondary" href="/console/contacts/import">{{t.ab_import}}</a>{{/canImport}}{{#filtered}} <a href="/console/contacts">{{t.clear_filter}}</a>{{/filtered}}</p>
    {{#hasRows}}<table class="list compact"><thead><tr><th scope="col">ID</th><th scope="col">{{t.name}}</th><th scope="col">{{t.mobile}}</th><th scope="col">{{t.organisation}}</th><th scope="col">{{t.title_col}}</th><th scope="col">{{t.region}}</th><th scope="col">{{t.groups}}</th><th scope="col">{{t.quiet_hours}}</th><th scope="col">{{t.validity}}</th></tr></thead>
    <tbody>{{#rows}}<tr><td>{{id}}</td><th scope="row">{{name}}</th><td class="num">{{numbers}}</td><td>{{org}}</td><td>{{title}}</td><td>{{region}}</td><td>{{groups}}</td><td>{{quiet}}</td><td>{{validity}}{{#expired}} <span class="tag expired">{{t.expired}}</span>{{/expired}}</td></tr>{{/rows}}</tbody></table>{{/hasRows}}
    {{^hasRows}}<p class="empty">{{t.no_contacts}}</p>{{/hasRows}}
    <p class="pager">{{#firstHref}}<a href="{{firstHref}}">{{t.first_page}}</a>{{/firstHref}} {{#nextHref}}<a href="{{nextHref}}" rel="next">{{t.next_page}}</a>{{/nextHref}}</p>
    </section>
    {{> foot}}
    """

    static let section = """
    {{> head}}
    <div class="page-head"><h1>{{t.nav_address_book}} · {{section}}</h1></div>
    {{> tabs}}
    <section class="panel">
    {{#isSubscriptions}}<table class="list"><thead><tr><th scope="col">{{t.subscriber}}</th><th scope="col">{{t.hazard}}</th><th scope="col">{{t.minimum_level}}</th></tr></thead>
    <tbody>{{#subscriptions}}<tr><td>{{subject}}</td><td>{{hazard}}</td><td>{{#level}}{{> badge}}{{/level}}</td></tr>{{/subscriptions}}</tbody></table>{{/isSubscriptions}}
    {{^isSubscriptions}}<ul class="cards">{{#items}}<li><a href="{{href}}">{{name}}</a>{{#note}} <span class="hint">{{note}}</span>{{/note}}</li>{{/items}}</ul>{{/isSubscriptions}}
    </section>
    {{> foot}}
    """

    static let importPage = """
    {{> head}}
    <div class="page-head"><h1>{{t.nav_address_book}} · {{t.ab_import}}</h1></div>
    {{> tabs}}
    {{#hasErrors}}<div class="error-box" role="alert">{{#errors}}<p>{{.}}</p>{{/errors}}</div>{{/hasErrors}}
    {{#result}}<section class="panel" aria-labelledby="res-h"><h2 id="res-h">{{outcome}} · {{fileName}}</h2>
    <dl class="facts"><div><dt>{{t.import_rows}}</dt><dd>{{rows}}</dd></div><div><dt>{{t.import_created}}</dt><dd>{{created}}</dd></div><div><dt>{{t.import_updated}}</dt><dd>{{updated}}</dd></div><div><dt>{{t.import_unchanged}}</dt><dd>{{unchanged}}</dd></div><div><dt>{{t.import_rejected}}</dt><dd>{{rejected}}</dd></div></dl>
    {{#hasProblems}}<table class="list compact"><caption>{{t.import_problems}}</caption><thead><tr><th scope="col">{{t.row}}</th><th scope="col">{{t.column}}</th><th scope="col">{{t.problem}}</th></tr></thead><tbody>{{#problems}}<tr><td>{{row}}</td><td>{{column}}</td><td>{{message}}</td></tr>{{/problems}}</tbody></table>{{/hasProblems}}
    {{#moreProblems}}<p class="hint">{{t.import_more_problems}}</p>{{/moreProblems}}
    </section>{{/result}}
    <section class="panel narrow-left" aria-labelledby="imp-h"><h2 id="imp-h">{{t.import_file}}</h2>
    <form method="post" action="/console/contacts/import" enctype="multipart/form-data">
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <label for="file">{{t.import_file_label}}</label><input id="file" name="file" type="file" accept=".csv,.xlsx" required aria-describedby="file-hint">
    <p class="hint" id="file-hint">{{t.import_hint}}</p>
    <label class="check"><input type="checkbox" name="dry_run" value="1" checked> {{t.import_dry_run}}</label>
    <label class="check"><input type="checkbox" name="skip_invalid" value="1"> {{t.import_skip_invalid}}</label>
    <div class="actions"><button class="primary">{{t.import_button}}</button></div>
    </form></section>
    {{> foot}}
    """
}

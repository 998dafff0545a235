/// Users and roles (security admin) and the audit trail (audit admin).
enum AdminTemplates {
    static let users = """
    {{> head}}
    <div class="page-head"><h1>{{t.nav_users}}</h1></div>
    {{#hasErrors}}<div class="error-box" role="alert">{{#errors}}<p>{{.}}</p>{{/errors}}</div>{{/hasErrors}}
    {{#secret}}<div class="secret-box" role="status"><p>{{t.generated_password_for}} <strong>{{user}}</strong>:</p><p class="secret"><code>{{password}}</code></p><p class="hint">{{t.generated_password_hint}}</p></div>{{/secret}}
    <section class="panel"><table class="list"><thead><tr><th scope="col">{{t.user_name}}</th><th scope="col">{{t.roles}}</th><th scope="col">{{t.col_state}}</th><th scope="col">{{t.col_password_changed}}</th><th scope="col">{{t.actions}}</th></tr></thead>
    <tbody>{{#users}}<tr><th scope="row">{{name}}</th><td>{{roles}}</td><td>{{#locked}}<span class="tag expired">{{t.locked}}</span>{{/locked}}{{^locked}}{{t.active}}{{/locked}}{{#mustChange}} <span class="tag">{{t.must_change}}</span>{{/mustChange}}</td><td>{{changed}}</td>
    <td>{{^self}}<div class="row-actions">
    {{#locked}}<form method="post" action="/console/users/{{name}}/unlock" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="secondary small">{{t.unlock}}</button></form>{{/locked}}
    {{^locked}}<form method="post" action="/console/users/{{name}}/lock" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="secondary small">{{t.lock}}</button></form>{{/locked}}
    <form method="post" action="/console/users/{{name}}/reset" class="inline" data-confirm="{{t.confirm_reset}}"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="secondary small">{{t.reset_password}}</button></form>
    <details><summary>{{t.change_roles}}</summary><form method="post" action="/console/users/{{name}}/roles"><input type="hidden" name="_csrf" value="{{csrf}}"><fieldset class="choices"><legend class="sr-only">{{t.roles}}</legend>{{#roleChoices}}<label><input type="checkbox" name="role" value="{{value}}"{{#selected}} checked{{/selected}}> {{label}}</label>{{/roleChoices}}</fieldset><button class="secondary small">{{t.save}}</button></form></details>
    </div>{{/self}}{{#self}}<span class="hint">{{t.yourself}}</span>{{/self}}</td></tr>{{/users}}</tbody></table></section>
    <section class="panel narrow-left" aria-labelledby="add-h"><h2 id="add-h">{{t.add_user}}</h2>
    <form method="post" action="/console/users"><input type="hidden" name="_csrf" value="{{csrf}}">
    <label for="new-name">{{t.user_name}}</label><input id="new-name" name="name" required maxlength="64">
    <fieldset class="choices"><legend>{{t.roles}}</legend>{{#roleChoices}}<label><input type="checkbox" name="role" value="{{value}}"> {{label}}</label>{{/roleChoices}}</fieldset>
    <p class="hint">{{t.admin_separation_hint}}</p>
    <div class="actions"><button class="primary">{{t.add_user}}</button></div></form></section>
    {{> foot}}
    """

    static let audit = """
    {{> head}}
    <div class="page-head"><h1>{{t.nav_audit}}</h1><p class="hint">{{t.audit_head}} {{head}}</p></div>
    {{#verdict}}<div class="{{#intact}}ok-box{{/intact}}{{^intact}}error-box{{/intact}}" role="status">
    {{#intact}}<p>{{t.audit_intact}} ({{checked}})</p>{{/intact}}
    {{^intact}}<p>{{t.audit_broken}} ({{checked}})</p><ul>{{#problems}}<li>#{{id}} · {{kind}} · {{message}}</li>{{/problems}}</ul>{{/intact}}</div>{{/verdict}}
    <section class="panel">
    <div class="toolbar split">
    <form method="get" action="/console/audit" class="search inline-fields" role="search">
    <div><label for="actor">{{t.col_actor}}</label><input id="actor" name="actor" value="{{actor}}"></div>
    <div><label for="action">{{t.col_action}}</label><input id="action" name="action" value="{{actionFilter}}" aria-describedby="action-hint"></div>
    <button class="secondary">{{t.filter}}</button></form>
    <form method="post" action="/console/audit/verify" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="primary" id="verify">{{t.audit_verify}}</button></form>
    </div>
    <p class="hint" id="action-hint">{{t.audit_action_hint}}</p>
    {{#hasRows}}<table class="list compact"><thead><tr><th scope="col">#</th><th scope="col">{{t.col_time}}</th><th scope="col">{{t.col_actor}}</th><th scope="col">{{t.col_action}}</th><th scope="col">{{t.col_target}}</th><th scope="col">{{t.col_source}}</th><th scope="col">{{t.col_result}}</th><th scope="col">{{t.col_detail}}</th></tr></thead>
    <tbody>{{#rows}}<tr><td>{{id}}</td><td>{{at}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{target}}</td><td>{{source}}</td><td><span class="result result-{{result}}">{{resultLabel}}</span></td><td class="detail">{{detail}}</td></tr>{{/rows}}</tbody></table>{{/hasRows}}
    {{^hasRows}}<p class="empty">{{t.no_records}}</p>{{/hasRows}}
    <p class="pager">{{#newestHref}}<a href="{{newestHref}}">{{t.newest}}</a>{{/newestHref}} {{#olderHref}}<a href="{{olderHref}}">{{t.older}}</a>{{/olderHref}}</p>
    </section>
    {{> foot}}
    """
}

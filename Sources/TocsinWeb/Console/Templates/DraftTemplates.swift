/// The warning editor and its preview panel (also served alone to the editor's script).
enum DraftTemplates {
    static let preview = """
    <h2 id="h-preview">{{t.preview}}</h2>
    {{#previewError}}<div class="error-box" role="alert"><p>{{previewError}}</p></div>{{/previewError}}
    {{#preview}}
    <div class="phone" aria-label="{{t.sms_as_received}}"><p class="sms" lang="zh-CN">{{text}}</p></div>
    <dl class="facts"><div><dt>{{t.encoding}}</dt><dd>{{encoding}}</dd></div><div><dt>{{t.characters}}</dt><dd>{{length}}</dd></div><div><dt>{{t.segments}}</dt><dd>{{segments}}</dd></div>{{#hasReach}}<div><dt>{{t.recipients}}</dt><dd>{{recipients}}</dd></div><div><dt>{{t.eta}}</dt><dd>{{eta}}</dd></div>{{/hasReach}}</dl>
    {{#differ}}<p class="hint">{{t.segments_differ}}</p>{{/differ}}
    <table class="list compact"><caption>{{t.per_carrier}}</caption>
    <thead><tr><th scope="col">{{t.col_carrier}}</th><th scope="col">{{t.protocol}}</th><th scope="col">{{t.segments}}</th>{{#hasReach}}<th scope="col">{{t.recipients}}</th><th scope="col">{{t.eta}}</th>{{/hasReach}}</tr></thead>
    <tbody>{{#carriers}}<tr><th scope="row">{{name}}</th><td>{{protocol}}</td><td>{{segments}}</td>{{#hasReach}}<td>{{recipients}}</td><td>{{eta}}</td>{{/hasReach}}</tr>{{/carriers}}</tbody></table>
    {{#nobody}}<p class="warn-box">{{t.reach_nobody}}</p>{{/nobody}}
    {{#hasExcluded}}<h3>{{t.excluded}}</h3><ul class="plain">{{#excluded}}<li>{{reason}}: {{count}}</li>{{/excluded}}</ul>{{/hasExcluded}}
    {{/preview}}
    <h3>{{t.lint}}</h3>
    {{#hasLint}}<ul class="lint">{{#lintItems}}<li class="sev-{{severity}}"><span class="sev">{{severityLabel}}</span> {{message}}</li>{{/lintItems}}</ul>{{/hasLint}}
    {{^hasLint}}<p class="ok">{{t.lint_clean}}</p>{{/hasLint}}
    """

    static let draft = """
    {{> head}}
    <div class="page-head"><h1>{{heading}}</h1></div>
    {{#hasErrors}}<div class="error-box" role="alert">{{#errors}}<p>{{.}}</p>{{/errors}}</div>{{/hasErrors}}
    <form method="post" action="{{action}}" id="draft-form" class="draft" data-preview="/console/drafts/preview">
    <input type="hidden" name="_csrf" value="{{csrf}}">
    {{#version}}<input type="hidden" name="version" value="{{version}}">{{/version}}
    <div class="editor">
    <div class="editor-main">
    <section class="panel" aria-labelledby="h-what"><h2 id="h-what">{{t.draft_what}}</h2>
    <label for="hazard">{{t.hazard}}</label>
    <select id="hazard" name="hazard">{{#hazards}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}} · {{code}}</option>{{/hazards}}</select>
    <fieldset class="levels"><legend>{{t.level}}</legend>
    {{#levels}}<label class="level-choice"><input type="radio" name="level" value="{{value}}"{{#selected}} checked{{/selected}}> <span class="badge level-{{value}}">{{label}}</span></label>{{/levels}}
    </fieldset>
    <fieldset class="choices regions"><legend>{{t.regions}}</legend>
    {{#regions}}<label><input type="checkbox" name="region" value="{{code}}"{{#selected}} checked{{/selected}}> {{name}}</label>{{/regions}}
    </fieldset>
    <fieldset class="validity"><legend>{{t.validity}} <span class="hint">({{t.beijing_time}})</span></legend>
    <div class="pair"><div><label for="effective">{{t.effective}}</label><input type="datetime-local" id="effective" name="effective" value="{{effective}}" required></div>
    <div><label for="expires">{{t.expires}}</label><input type="datetime-local" id="expires" name="expires" value="{{expires}}" required></div></div>
    </fieldset>
    <label class="check drill-flag"><input type="checkbox" name="drill" value="1"{{#drill}} checked{{/drill}}> {{t.drill_flag}}</label>
    </section>
    <section class="panel" aria-labelledby="h-targets"><h2 id="h-targets">{{t.targets}}</h2>
    <p class="hint">{{t.targets_hint}}</p>
    <label class="check"><input type="checkbox" name="subscriptions" value="1"{{#useSubscriptions}} checked{{/useSubscriptions}}> {{t.use_subscriptions}}</label>
    <fieldset class="choices groups"><legend>{{t.groups}}</legend>{{#groups}}<label><input type="checkbox" name="group" value="{{id}}"{{#selected}} checked{{/selected}}> {{name}}</label>{{/groups}}{{^hasGroups}}<p class="hint">{{t.no_groups}}</p>{{/hasGroups}}</fieldset>
    <div class="pair"><div><label for="contacts">{{t.explicit_contacts}}</label><input id="contacts" name="contacts" value="{{contacts}}" aria-describedby="contacts-hint"></div>
    <div><label for="exclude">{{t.excluded_contacts}}</label><input id="exclude" name="exclude" value="{{exclude}}" aria-describedby="contacts-hint"></div></div>
    <p class="hint" id="contacts-hint">{{t.contact_ids_hint}}</p>
    </section>
    <section class="panel" aria-labelledby="h-text"><h2 id="h-text">{{t.texts}}</h2>
    <p class="hint">{{t.texts_hint}}</p>
    <label for="headline">{{t.headline}}</label><input id="headline" name="headline" value="{{headline}}">
    <label for="sms">{{t.sms_text}}</label><textarea id="sms" name="sms" rows="5">{{sms}}</textarea>
    <label for="body">{{t.body}}</label><textarea id="body" name="body" rows="6">{{body}}</textarea>
    </section>
    </div>
    <aside class="editor-side">
    <div class="actions sticky">
    <button name="action" value="submit" class="primary" id="submit-review">{{t.submit_review}}</button>
    <button name="action" value="save" class="secondary">{{t.save_draft}}</button>
    <button name="action" value="preview" class="secondary">{{t.refresh_preview}}</button>
    </div>
    <section class="panel preview" id="preview" aria-labelledby="h-preview" aria-live="polite">{{> preview}}</section>
    </aside>
    </div>
    </form>
    {{> foot}}
    """
}

/// The warnings list, a warning's detail page, the review queue and the review page.
enum WarningTemplates {
    static let list = """
    {{> head}}
    <div class="page-head"><h1>{{t.nav_warnings}}</h1></div>
    <nav class="filters" aria-label="{{t.filter_by_state}}"><ul>{{#states}}<li><a href="{{href}}"{{#current}} aria-current="true"{{/current}}>{{label}}</a></li>{{/states}}</ul></nav>
    <section class="panel">{{#hasRows}}{{> warningtable}}{{/hasRows}}{{^hasRows}}<p class="empty">{{t.no_warnings}}</p>{{/hasRows}}
    <p class="pager">{{#prevHref}}<a href="{{prevHref}}">{{t.prev_page}}</a>{{/prevHref}} {{#nextHref}}<a href="{{nextHref}}">{{t.next_page}}</a>{{/nextHref}}</p></section>
    {{> foot}}
    """

    static let summary = """
    <dl class="facts wide"><div><dt>{{t.col_state}}</dt><dd><span class="state state-{{state.value}}">{{state.label}}</span></dd></div>
    <div><dt>{{t.hazard}}</dt><dd>{{hazard}}</dd></div><div><dt>{{t.regions}}</dt><dd>{{regions}}</dd></div>
    <div><dt>{{t.effective}}</dt><dd>{{effective}}</dd></div><div><dt>{{t.expires}}</dt><dd>{{expires}}</dd></div>
    <div><dt>{{t.col_author}}</dt><dd>{{author}}</dd></div><div><dt>{{t.reviewers}}</dt><dd>{{reviewers}}</dd></div>
    <div><dt>{{t.issuer}}</dt><dd>{{issuer}}</dd></div><div><dt>{{t.identifier}}</dt><dd class="id">{{id}}</dd></div></dl>
    """

    static let detail = """
    {{> head}}
    <div class="page-head"><h1>{{#level}}{{> badge}}{{/level}} {{headline}}</h1>{{#drill}}<span class="tag drill big">{{mode}}</span>{{/drill}}{{#isFollowUp}} <span class="tag">{{msgType}}</span>{{/isFollowUp}}</div>
    {{#rejection}}<div class="warn-box" role="alert"><p><strong>{{t.rejected_by}} {{by}}</strong></p><p>{{comment}}</p></div>{{/rejection}}
    {{#ownPending}}<p class="hint">{{t.own_pending_hint}}</p>{{/ownPending}}
    <div class="grid2">
    <section class="panel" aria-labelledby="sum-h"><h2 id="sum-h">{{t.summary}}</h2>{{> summary}}
    {{#references}}<p>{{t.changes_warning}} <a href="{{href}}">{{id}}</a></p>{{/references}}
    {{#replacedBy}}<p>{{t.replaced_by}} <a href="{{href}}">{{id}}</a></p>{{/replacedBy}}
    <div class="actions">
    {{#canReview}}<a class="button primary" href="/console/review/{{id}}">{{t.go_review}}</a>{{/canReview}}
    {{#canEdit}}<a class="button secondary" href="/console/warnings/{{id}}/edit">{{t.edit}}</a>{{/canEdit}}
    {{#canSubmit}}<form method="post" action="/console/warnings/{{id}}/submit" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><button class="primary">{{t.submit_review}}</button></form>{{/canSubmit}}
    </div>
    {{#canFollowUp}}<div class="followups"><h3>{{t.follow_up}}</h3>
    <form method="post" action="/console/warnings/{{id}}/follow-up" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="type" value="update"><button class="secondary">{{t.issue_update}}</button></form>
    <form method="post" action="/console/warnings/{{id}}/follow-up" class="inline" data-confirm="{{t.confirm_cancel}}"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="type" value="cancel"><button class="danger" id="cancel-warning">{{t.issue_cancel}}</button></form>
    <p class="hint">{{t.follow_up_hint}}</p></div>{{/canFollowUp}}
    {{#canWithdraw}}<details class="withdraw"><summary>{{t.withdraw}}</summary><form method="post" action="/console/warnings/{{id}}/withdraw"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><label for="wd-comment">{{t.withdraw_reason}}</label><input id="wd-comment" name="comment" required><button class="danger">{{t.withdraw}}</button></form></details>{{/canWithdraw}}
    </section>
    <section class="panel" aria-labelledby="sms-h"><h2 id="sms-h">{{t.sms_text}}</h2>
    {{#preview}}<div class="phone"><p class="sms" lang="zh-CN">{{text}}</p></div><dl class="facts"><div><dt>{{t.encoding}}</dt><dd>{{encoding}}</dd></div><div><dt>{{t.characters}}</dt><dd>{{length}}</dd></div><div><dt>{{t.segments}}</dt><dd>{{segments}}</dd></div></dl>{{/preview}}
    {{#hasLint}}<h3>{{t.lint}}</h3><ul class="lint">{{#lintItems}}<li class="sev-{{severity}}"><span class="sev">{{severityLabel}}</span> {{message}}</li>{{/lintItems}}</ul>{{/hasLint}}
    <details><summary>{{t.body}}</summary><p class="body-text">{{body}}</p></details>
    </section>
    </div>
    {{#progress}}<section class="panel live" id="live" aria-labelledby="prog-h" data-events="{{#live}}{{eventsHref}}{{/live}}" data-finished-label="{{t.progress_finished}}">
    <h2 id="prog-h">{{t.progress}} <span class="hint" id="live-state" aria-live="polite">{{stateLabel}}</span></h2>
    {{> bars}}
    <div class="curve-box">{{{curve}}}</div>
    <dl class="facts">{{#milestones}}<div><dt>{{label}}</dt><dd>{{at}}</dd></div>{{/milestones}}<div><dt>{{t.acknowledgements}}</dt><dd id="ack-count">{{acknowledged}}</dd></div></dl>
    </section>{{/progress}}
    {{#noDispatch}}<section class="panel"><h2>{{t.progress}}</h2><p class="empty">{{noDispatchText}}</p></section>{{/noDispatch}}
    {{#hasLedger}}<section class="panel" id="ledger" aria-labelledby="ledger-h"><h2 id="ledger-h">{{t.ledger}}</h2>
    <p><a class="button secondary" href="{{csvHref}}" download>{{t.export_csv}}</a></p>
    <table class="list compact"><thead><tr><th scope="col">#</th><th scope="col">{{t.number}}</th><th scope="col">{{t.col_carrier}}</th><th scope="col">{{t.col_state}}</th><th scope="col">{{t.attempts}}</th><th scope="col">{{t.col_link}}</th><th scope="col">{{t.submitted_at}}</th><th scope="col">{{t.finished_at}}</th><th scope="col">{{t.reason}}</th><th scope="col">{{t.acknowledged_at}}</th></tr></thead>
    <tbody>{{#ledger}}<tr><td>{{seq}}</td><td class="num">{{number}}</td><td>{{carrier}}</td><td><span class="delivery delivery-{{state}}">{{stateLabel}}</span></td><td>{{attempts}}</td><td>{{link}}</td><td>{{submitted}}</td><td>{{finished}}</td><td>{{reason}}</td><td>{{ack}}</td></tr>{{/ledger}}</tbody></table>
    <p class="pager">{{#ledgerFirst}}<a href="{{ledgerFirst}}">{{t.first_page}}</a>{{/ledgerFirst}} {{#ledgerNext}}<a href="{{ledgerNext}}">{{t.next_page}}</a>{{/ledgerNext}}</p>
    </section>{{/hasLedger}}
    <section class="panel" aria-labelledby="tl-h"><h2 id="tl-h">{{t.timeline}}</h2>
    <ol class="timeline">{{#timeline}}<li><time>{{at}}</time> <strong>{{action}}</strong> · {{actor}} → <span class="state state-{{to.value}}">{{to.label}}</span>{{#related}} · <a href="{{href}}">{{id}}</a>{{/related}}{{#comment}}<p class="comment">{{comment}}</p>{{/comment}}</li>{{/timeline}}</ol>
    </section>
    {{> foot}}
    """

    static let review = """
    {{> head}}
    <div class="page-head"><h1>{{t.nav_review}}</h1></div>
    <section class="panel">{{#hasRows}}<table class="list"><thead><tr><th scope="col">{{t.col_level}}</th><th scope="col">{{t.col_headline}}</th><th scope="col">{{t.col_regions}}</th><th scope="col">{{t.col_author}}</th><th scope="col">{{t.waiting}}</th><th scope="col">{{t.approvals}}</th></tr></thead>
    <tbody>{{#rows}}<tr><td>{{#level}}{{> badge}}{{/level}}</td><td><a href="{{reviewHref}}">{{headline}}</a>{{#drill}} <span class="tag drill">{{mode}}</span>{{/drill}}{{#isFollowUp}} <span class="tag">{{msgType}}</span>{{/isFollowUp}}{{#own}} <span class="tag own">{{t.own_warning}}</span>{{/own}}<div class="id">{{id}}</div></td><td>{{regions}}</td><td>{{author}}</td><td>{{waiting}}</td><td>{{approvals}}</td></tr>{{/rows}}</tbody></table>{{/hasRows}}
    {{^hasRows}}<p class="empty">{{t.none_pending}}</p>{{/hasRows}}</section>
    {{> foot}}
    """

    static let reviewDetail = """
    {{> head}}
    <div class="page-head"><h1>{{t.review_title}}: {{#level}}{{> badge}}{{/level}} {{headline}}</h1>{{#drill}}<span class="tag drill big">{{mode}}</span>{{/drill}}{{#isFollowUp}} <span class="tag">{{msgType}}</span>{{/isFollowUp}}</div>
    {{#ownWarning}}<div class="warn-box" role="note"><p>{{t.own_warning_no_approve}}</p></div>{{/ownWarning}}
    {{#alreadyApproved}}<div class="warn-box" role="note"><p>{{t.already_approved}}</p></div>{{/alreadyApproved}}
    {{#notPending}}<div class="warn-box" role="note"><p>{{t.not_pending}}</p></div>{{/notPending}}
    {{#twoStep}}<p class="hint">{{t.two_step_hint}}</p>{{/twoStep}}
    <div class="grid2">
    <section class="panel" aria-labelledby="diff-h"><h2 id="diff-h">{{t.changes}}</h2>
    {{#hasDiff}}<p class="hint">{{diffAgainst}} · <span class="legend"><del>{{t.removed}}</del> <ins>{{t.added}}</ins></span></p>{{#unchanged}}<p class="ok">{{t.no_changes}}</p>{{/unchanged}}
    <h3>{{t.headline}}</h3><p class="diff">{{{diffHeadline}}}</p>
    <h3>{{t.sms_text}}</h3><p class="diff">{{{diffSMS}}}</p>
    <h3>{{t.body}}</h3><p class="diff body-text">{{{diffBody}}}</p>{{/hasDiff}}
    {{^hasDiff}}<p class="body-text">{{body}}</p>{{/hasDiff}}
    </section>
    <section class="panel" aria-labelledby="h-preview">{{> preview}}</section>
    </div>
    <section class="panel" aria-labelledby="sum-h"><h2 id="sum-h">{{t.summary}}</h2>{{> summary}}</section>
    <section class="panel decision" aria-labelledby="dec-h"><h2 id="dec-h">{{t.decision}}</h2>
    {{#canApprove}}<form method="post" action="/console/review/{{id}}/approve" class="inline" data-confirm="{{t.confirm_approve}}"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><button class="primary big" id="approve">{{t.approve}}</button></form>{{/canApprove}}
    {{#canReject}}<form method="post" action="/console/review/{{id}}/reject" class="reject"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><label for="reject-comment">{{t.reject_comment}}</label><textarea id="reject-comment" name="comment" rows="3" required></textarea><button class="danger">{{t.reject}}</button></form>{{/canReject}}
    <p><a href="/console/warnings/{{id}}">{{t.open_detail}}</a></p>
    </section>
    {{> foot}}
    """
}

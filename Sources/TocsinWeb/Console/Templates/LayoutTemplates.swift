/// The layout every page shares, the error page and the login pages. Every label is `{{t.key}}`
/// from the language's table; values are escaped by Mustache (`{{…}}`); the only unescaped
/// values (`{{{…}}}`) are fragments the console builds itself with escaping (diff, SVG).
enum LayoutTemplates {
    static let head = """
    <!doctype html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    {{#csrf}}<meta name="csrf-token" content="{{csrf}}">{{/csrf}}
    <title>{{title}} · {{t.app_name}}</title>
    <link rel="stylesheet" href="/console/assets/console.css">
    <script src="/console/assets/console.js" defer></script>
    </head>
    <body>
    <a class="skip" href="#main">{{t.skip_to_content}}</a>
    <header class="top">
    <div class="brand"><span class="mark" aria-hidden="true">12379</span> {{t.app_name}}</div>
    {{#user}}
    <nav aria-label="{{t.nav_label}}"><ul>{{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/nav}}</ul></nav>
    <div class="who"><span class="who-name">{{name}}</span> <span class="who-roles">{{roles}}</span>
    <form method="post" action="/console/logout" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="linklike">{{t.logout}}</button></form></div>
    {{/user}}
    <a class="lang" href="{{langHref}}" lang="{{otherLangCode}}">{{otherLangLabel}}</a>
    </header>
    <main id="main" tabindex="-1">
    {{#flash}}<p class="flash" role="status">{{flash}}</p>{{/flash}}

    """

    static let foot = """

    </main>
    <footer class="foot">{{t.footer}}</footer>
    </body>
    </html>
    """

    static let error = """
    {{> head}}
    <section class="panel narrow error-page" aria-labelledby="err-h">
    <h1 id="err-h">{{heading}}</h1>
    <p class="status-code">HTTP {{status}}</p>
    <p>{{message}}</p>
    <p><a href="/console">{{t.back_to_dashboard}}</a></p>
    </section>
    {{> foot}}
    """

    static let login = """
    {{> head}}
    <section class="panel narrow login" aria-labelledby="login-h">
    <h1 id="login-h">{{t.login_title}}</h1>
    <p class="lead">{{t.login_lead}}</p>
    {{#message}}<div class="error-box" role="alert"><p>{{message}}</p></div>{{/message}}
    <form method="post" action="/console/login">
    <input type="hidden" name="_csrf" value="{{loginToken}}">
    <input type="hidden" name="next" value="{{next}}">
    <label for="name">{{t.user_name}}</label>
    <input id="name" name="name" value="{{name}}" autocomplete="username" required autofocus>
    <label for="password">{{t.password}}</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <div class="actions"><button class="primary" type="submit">{{t.login_button}}</button></div>
    </form>
    <p class="hint">{{t.login_lockout_hint}}</p>
    <p><a href="/console/password">{{t.change_password_link}}</a></p>
    </section>
    {{> foot}}
    """

    static let password = """
    {{> head}}
    <section class="panel narrow login" aria-labelledby="pw-h">
    <h1 id="pw-h">{{t.password_title}}</h1>
    {{#message}}<div class="error-box" role="alert"><p>{{message}}</p>{{#detail}}<p class="detail">{{detail}}</p>{{/detail}}</div>{{/message}}
    <form method="post" action="/console/password">
    <input type="hidden" name="_csrf" value="{{loginToken}}">
    <label for="name">{{t.user_name}}</label>
    <input id="name" name="name" value="{{name}}" autocomplete="username" required>
    <label for="current">{{t.current_password}}</label>
    <input id="current" name="current" type="password" autocomplete="current-password" required>
    <label for="new">{{t.new_password}}</label>
    <input id="new" name="new" type="password" autocomplete="new-password" required minlength="18" aria-describedby="pw-policy">
    <p class="hint" id="pw-policy">{{policy}}</p>
    <label for="confirm">{{t.confirm_password}}</label>
    <input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength="18">
    <div class="actions"><button class="primary" type="submit">{{t.change_password_button}}</button></div>
    </form>
    <p><a href="/console/login">{{t.back_to_login}}</a></p>
    </section>
    {{> foot}}
    """
}

import Hummingbird
import TocsinCore
import TocsinSecurity

/// Login (with the lockout message), the forced password change, the language switch and logout.
/// Login and password change work without a session: they are protected by a double-submit
/// CSRF cookie and the per-address limiter shared with the API, on top of the account lockout.
struct LoginPages {
    let console: ConsoleRoutes
    var renderer: ConsoleRenderer { console.renderer }

    func register(on group: RouterGroup<TocsinRequestContext>) {
        group.get("login") { request, context in
            let env = ConsoleEnvironment(request, context)
            if env.principal?.kind == .user, context.sessionSecret != nil { return ConsoleRoutes.seeOther(next(request.uri.queryParameters.get("next"))) }
            return loginPage(request, env, name: "", next: request.uri.queryParameters.get("next"), message: nil, status: .ok)
        }
        group.post("login") { request, context in
            let env = ConsoleEnvironment(request, context)
            let form = try await ConsoleForm.read(request, context: context)
            let name = form.text("name") ?? ""
            try checkLoginCSRF(request, form)
            if let retry = await console.limiter.attempt(from: context.source) {
                return loginPage(request, env, name: name, next: form.value("next"), message: env.t("login_throttled").replacingOccurrences(of: "{s}", with: "\(retry)"),
                                 status: .tooManyRequests)
            }
            do {
                let login = try await console.services.accounts.login(name: name, password: form.value("password") ?? "", source: context.source)
                var response = ConsoleRoutes.seeOther(next(form.value("next")))
                response.setCookie(SessionCookie.issue(login.secret, secure: console.configuration.secureCookies))
                return response
            } catch let e as SecurityError where e.code == .passwordChangeRequired {
                return passwordPage(request, env, name: name, message: env.t("password_change_required"), detail: e.message, status: .ok)
            } catch let e as SecurityError where e.code == .invalidCredentials {
                return loginPage(request, env, name: name, next: form.value("next"), message: env.t("login_failed"), status: .unauthorized)
            }
        }
        group.get("password") { request, context in
            passwordPage(request, ConsoleEnvironment(request, context), name: request.uri.queryParameters.get("name") ?? "", message: nil, detail: nil, status: .ok)
        }
        group.post("password") { request, context in
            let env = ConsoleEnvironment(request, context)
            let form = try await ConsoleForm.read(request, context: context)
            let name = form.text("name") ?? ""
            try checkLoginCSRF(request, form)
            if let retry = await console.limiter.attempt(from: context.source) {
                return passwordPage(request, env, name: name, message: env.t("login_throttled").replacingOccurrences(of: "{s}", with: "\(retry)"), detail: nil,
                                    status: .tooManyRequests)
            }
            guard let new = form.value("new"), new == form.value("confirm") else {
                return passwordPage(request, env, name: name, message: env.t("password_mismatch"), detail: nil, status: .unprocessableContent)
            }
            do {
                try await console.services.accounts.changePassword(name: name, current: form.value("current") ?? "", new: new, source: context.source)
            } catch let e as SecurityError where e.code == .invalidCredentials {
                return passwordPage(request, env, name: name, message: env.t("login_failed"), detail: nil, status: .unauthorized)
            } catch let e as SecurityError where [.passwordPolicy, .passwordReused].contains(e.code) {
                return passwordPage(request, env, name: name, message: env.t("password_rejected"), detail: e.message, status: .unprocessableContent)
            }
            var response = loginPage(request, env, name: name, next: nil, message: nil, flash: env.t("password_changed"), status: .ok)
            response.setCookie(SessionCookie.clear(secure: console.configuration.secureCookies))
            return response
        }
        group.get("lang") { request, _ in
            let to = ConsoleLanguage(rawValue: request.uri.queryParameters.get("to") ?? "") ?? .zh
            let back = request.uri.queryParameters.get("back").flatMap(ConsolePaths.localConsolePath) ?? "/console"
            var response = Response.redirect(to: back, type: .normal)
            response.setCookie(Cookie(name: ConsoleLanguage.cookieName, value: to.rawValue, maxAge: 31_536_000, path: "/",
                                      secure: console.configuration.secureCookies, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    /// POST logout (behind login and CSRF).
    func registerProtected(on group: RouterGroup<TocsinRequestContext>) {
        group.post("logout") { _, context in
            if let secret = context.sessionSecret { try await console.services.accounts.logout(secret: secret, source: context.source) }
            var response = ConsoleRoutes.seeOther("/console/login")
            response.setCookie(SessionCookie.clear(secure: console.configuration.secureCookies))
            return response
        }
    }

    /// Where to go after login: the remembered console page, else the dashboard.
    func next(_ raw: String?) -> String { raw.flatMap(ConsolePaths.localConsolePath) ?? "/console" }

    /// The login form's token equals its cookie (double submit), else refused.
    func checkLoginCSRF(_ request: Request, _ form: ConsoleForm) throws {
        guard let cookie = request.cookies[ConsoleCSRF.loginCookie]?.value, ConsoleCSRF.matches(form.value(ConsoleCSRF.field), cookie) else {
            throw ConsoleCSRF.refused()
        }
    }

    /// The pre-login token: the cookie's when present, else a new one (set on the response).
    func loginToken(_ request: Request) -> (token: String, isNew: Bool) {
        if let value = request.cookies[ConsoleCSRF.loginCookie]?.value, value.count >= 32 { return (value, false) }
        return (SecretGenerator.token(prefix: "c_"), true)
    }

    func withLoginToken(_ request: Request, _ build: (String) -> Response) -> Response {
        let (token, isNew) = loginToken(request)
        var response = build(token)
        if isNew {
            response.setCookie(Cookie(name: ConsoleCSRF.loginCookie, value: token, path: "/console", secure: console.configuration.secureCookies,
                                      httpOnly: true, sameSite: .strict))
        }
        return response
    }

    func loginPage(_ request: Request, _ env: ConsoleEnvironment, name: String, next: String?, message: String?, flash: String? = nil,
                   status: HTTPResponse.Status) -> Response {
        withLoginToken(request) { token in
            var env = env
            env.principal = nil
            var data: [String: Any] = ["loginToken": token, "name": name, "next": next.flatMap(ConsolePaths.localConsolePath) ?? ""]
            if let message { data["message"] = message }
            if let flash { data["flash"] = flash }
            return renderer.page("login", env, title: env.t("login_title"), data, status: status)
        }
    }

    func passwordPage(_ request: Request, _ env: ConsoleEnvironment, name: String, message: String?, detail: String?, status: HTTPResponse.Status) -> Response {
        withLoginToken(request) { token in
            var env = env
            env.principal = nil
            var data: [String: Any] = ["loginToken": token, "name": name, "policy": env.t("password_policy_hint")]
            if let message { data["message"] = message }
            if let detail { data["detail"] = detail }
            return renderer.page("password", env, title: env.t("password_title"), data, status: status)
        }
    }
}

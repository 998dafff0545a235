import Hummingbird

/// The console session cookie: `tocsin_session`, HttpOnly (no script reads it), SameSite=Strict
/// (no cross-site request carries it, which also blocks CSRF from other sites), Path=/, and
/// Secure when configured. No Max-Age: the server's idle and absolute timeouts end it.
public enum SessionCookie {
    public static let name = "tocsin_session"

    /// The cookie carrying a new session's secret.
    public static func issue(_ secret: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: secret, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// A cookie that makes the browser forget the session (logout).
    public static func clear(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}

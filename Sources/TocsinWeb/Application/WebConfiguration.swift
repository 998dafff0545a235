import Foundation

/// How the HTTP side runs: address, cookie security, login throttling. A value with defaults
/// (`tocsin serve` fills it from its options).
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Marks the session cookie `Secure` (browser sends it over HTTPS only). Turn on whenever
    /// the server is reached through TLS (directly or behind a TLS-terminating proxy).
    public var secureCookies: Bool
    /// Login and password-change attempts allowed per client address within `loginWindow`
    /// (on top of the per-account lockout, which protects one account from many addresses).
    public var loginAttemptsPerWindow: Int
    public var loginWindow: Duration
    /// Take the client address from `X-Forwarded-For` (only behind a trusted reverse proxy).
    public var trustForwardedFor: Bool
    /// Shown by /healthz.
    public var version: String

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, loginAttemptsPerWindow: Int = 10,
                loginWindow: Duration = .seconds(60), trustForwardedFor: Bool = false, version: String = "dev") {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.loginAttemptsPerWindow = loginAttemptsPerWindow
        self.loginWindow = loginWindow
        self.trustForwardedFor = trustForwardedFor
        self.version = version
    }
}

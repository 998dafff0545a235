import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import TocsinCore
import TocsinSecurity
import TocsinStorage
import TocsinWeb

/// `tocsin serve`: the platform with a real configuration — the carrier links of `--links FILE`,
/// dispatch through them, the HTTP server (console, JSON API under /api/v1, /healthz) over the
/// configured store, and the expiry sweep (`Platform`). Without `--links`, approvals answer
/// "dispatch not configured" and /healthz says so. Stops cleanly on SIGINT/SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the HTTP server: the JSON API under /api/v1 (OpenAPI at /api/v1/openapi.json) and /healthz.",
        discussion: "Needs a migrated database and the audit key (every warning action is audited). Ctrl-C or SIGTERM stops it gracefully.")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Carrier links file (JSON, see examples/links.json); without it nothing is dispatched.") var links: String?
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Flag(help: "Mark the session cookie Secure (set whenever clients reach the server over HTTPS).") var secureCookies = false
    @Flag(help: "Take the client address from X-Forwarded-For (only behind a trusted reverse proxy).") var trustForwardedFor = false
    @Option(help: "Login attempts allowed per client address per minute.") var loginAttempts = 10
    @Option(help: "Seconds between expiry sweeps.") var expiryEvery = 60

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
        guard loginAttempts > 0, expiryEvery > 0 else { throw ValidationError("--login-attempts and --expiry-every must be positive") }
    }

    func run() async throws {
        var logger = Logger(label: "tocsin.serve")
        logger.logLevel = .info
        let configurations = try links.map { try LinksFile(path: $0).links } ?? []
        let store = try await db.open()
        do {
            guard store.auditSealer != nil else {
                throw ValidationError("no audit key is configured, and every warning action must be audited: set TOCSIN_AUDIT_KEY or TOCSIN_AUDIT_KEY_FILE / --audit-key-file")
            }
            let web = WebConfiguration(host: host, port: port, secureCookies: secureCookies, loginAttemptsPerWindow: loginAttempts,
                                       trustForwardedFor: trustForwardedFor, version: "dev")
            let platform = Platform(store: store, links: configurations, web: web, expiryEvery: .seconds(expiryEvery), logger: logger)
            let location = try db.location
            let host = self.host, port = self.port
            try await platform.run { started in
                let dispatch = started.links.isEmpty ? "dispatch not configured (no --links)" : "\(started.links.count) carrier accounts"
                print("tocsin serving http://\(host):\(port)/console (database \(location); \(dispatch)); Ctrl-C stops")
                flushStandardOutput()
            }
            print("tocsin stopped")
        } catch {
            try? await store.shutdown()
            throw error
        }
        try await store.shutdown()
    }
}

/// Expires warnings whose expiry time has passed, every `interval`, until graceful shutdown.
struct ExpirySweepService: Service {
    let warnings: WarningService
    let interval: Duration
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    do {
                        let expired = try await warnings.expireDue()
                        if !expired.isEmpty { logger.info("expired warnings", metadata: ["warn.count": "\(expired.count)"]) }
                    } catch {
                        logger.error("expiry sweep failed; retrying at the next interval", metadata: ["error": "\(error)"])
                    }
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            // Graceful shutdown.
        }
    }
}

import ArgumentParser
import Foundation
import Logging
import TocsinCore
import TocsinSecurity
import TocsinStorage

/// `--database`, shared by every command that touches storage.
public struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("sqlite:PATH or postgres://user:pass@host:port/db (default: $TOCSIN_DATABASE, else sqlite:tocsin.sqlite)", valueName: "url"))
    public var database: String?

    @Option(name: .long, help: ArgumentHelp("File holding the audit-chain HMAC key (default: $TOCSIN_AUDIT_KEY_FILE, else the key in $TOCSIN_AUDIT_KEY)", valueName: "path"))
    public var auditKeyFile: String?

    public init() {}

    /// Options for a database a command chose itself (the demo's, a benchmark's). Both options are
    /// set: reading an option that was neither parsed nor set traps, so `DatabaseOptions()` alone
    /// is not enough for them.
    public init(database: String, auditKeyFile: String?) {
        self.init()
        self.database = database
        self.auditKeyFile = auditKeyFile
    }

    /// `path` as an audit key file, created when missing: for databases that keep their own key
    /// (the demo, benchmarks). Never in production, where the key belongs out of the database
    /// admin's reach.
    public static func ownKeyFile(at path: String) throws -> String {
        if !FileManager.default.fileExists(atPath: path) { try AuditKeySource.createKeyFile(at: path) }
        return path
    }

    /// The audit sealer for the configured key, or nil (audited writes then refuse, saying why).
    public var auditSealer: HMACAuditSealer? {
        get throws {
            do { return try AuditKeySource.sealer(file: auditKeyFile) } catch { throw ValidationError(error.message) }
        }
    }

    public var location: DatabaseLocation {
        get throws {
            let text = database ?? ProcessInfo.processInfo.environment["TOCSIN_DATABASE"] ?? "sqlite:tocsin.sqlite"
            do { return try DatabaseLocation(parsing: text) } catch { throw ValidationError(error.message) }
        }
    }

    /// Opens the store; with `requireSchema`, refuses an unmigrated or newer database.
    public func open(requireSchema: Bool = true) async throws -> Store {
        var logger = Logger(label: "tocsin")
        logger.logLevel = .warning
        let store = try await Store.open(try location, logger: logger, auditSealer: try auditSealer)
        if requireSchema {
            do { try await store.requireCurrentSchema() } catch {
                try? await store.shutdown()
                throw error
            }
        }
        return store
    }
}

/// Runs `body` with an open store and always closes it.
func withStore<T>(_ options: DatabaseOptions, requireSchema: Bool = true, _ body: (Store) async throws -> T) async throws -> T {
    let store = try await options.open(requireSchema: requireSchema)
    do {
        let result = try await body(store)
        try await store.shutdown()
        return result
    } catch {
        try? await store.shutdown()
        throw error
    }
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let enabled = isatty(STDERR_FILENO) != 0
    private let label: String
    private var lastDraw = Date.distantPast
    private let lock = NSLock()

    init(_ label: String) { self.label = label }

    func update(_ fraction: Double, _ count: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard Date().timeIntervalSince(lastDraw) > 0.1 || fraction >= 1 else { return }
        lastDraw = Date()
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(Int(fraction * 100))%  \(count) rows".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}

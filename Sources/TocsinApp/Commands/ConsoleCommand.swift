import ArgumentParser
import Foundation
import TocsinCore
import TocsinSecurity
import TocsinStorage
import TocsinWeb

/// `tocsin console`: the web console on a demo database, until `tocsin serve` and `tocsin demo`
/// serve it (then this command goes). Creates the demo database and address book like
/// `tocsin demo`, one demo user per role (passwords printed once, on the run that creates them),
/// and serves the console and API on `--host:--port`. No carrier links or dispatch: approved
/// warnings stay approved. Ctrl-C stops it.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: "Serve the web console on a demo database (no dispatch).")
    @Option(help: "Folder for the demo database.") var dir = "demo-data"
    @Option(help: "How many demo contacts to generate on first run.") var contacts = 3000
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080

    /// The demo accounts: name and roles.
    static let demoUsers: [(String, Set<Role>)] = [
        ("author", [.author]), ("reviewer", [.reviewer]), ("reviewer2", [.reviewer]), ("abadmin", [.addressBookAdmin]),
        ("operator", [.operator]), ("secadmin", [.securityAdmin]), ("auditadmin", [.auditAdmin]),
    ]

    func run() async throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var options = DatabaseOptions()
        options.database = "sqlite:\((dir as NSString).appendingPathComponent("tocsin.sqlite"))"
        let keyFile = (dir as NSString).appendingPathComponent("audit.key")
        if !FileManager.default.fileExists(atPath: keyFile) { try AuditKeySource.createKeyFile(at: keyFile) }
        options.auditKeyFile = keyFile
        try await withStore(options, requireSchema: false) { store in
            try await store.migrate()
            let seeded = try await DemoSeeder.seed(store: store, contacts: contacts, scratchDirectory: dir)
            let accounts = AccountService(store: store)
            say("address book: \(seeded.contacts) contacts in \(seeded.groups) groups")
            for (name, roles) in Self.demoUsers where try await store.user(named: name) == nil {
                // An admin-set password must be changed at first login; the demo does that change
                // itself so the printed password works at once.
                let (_, initial) = try await accounts.addUser(name: name, roles: try RoleSet(roles), password: nil, actor: "demo", source: "demo")
                let password = SecretGenerator.password(for: accounts.policy.password)
                try await accounts.changePassword(name: name, current: initial!, new: password, source: "demo")
                say("login: \(name) \(password)  (\(roles.map(\.nameZH).joined(separator: "、")))")
            }
            let services = WebServices(store: store, accounts: accounts, warnings: WarningService(store: store, accounts: accounts),
                                       contactImport: ConsoleContactImport(store: store))
            let configuration = WebConfiguration(host: host, port: port)
            say("console: http://\(host):\(port)/console  (Ctrl-C stops)")
            try await buildApplication(services: services, configuration: configuration).runService()
        }
    }
}

/// Prints a line and flushes at once (the browser test reads the logins from a log file).
private func say(_ line: String) {
    print(line)
    fflush(nil)
}

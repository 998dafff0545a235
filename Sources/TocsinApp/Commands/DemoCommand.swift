import ArgumentParser
import Foundation
import TocsinSecurity
import TocsinStorage

/// `tocsin demo`: the platform on its embedded default. So far: a migrated SQLite database with
/// Beijing regions, hazards, levels, number segments, demo groups with subscriptions and a demo
/// address book. The console, carrier simulators and dispatch join as they are built.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Run Tocsin on SQLite with demo data (no setup needed).")
    @Option(help: "Folder for the demo database.") var dir = "demo-data"
    @Option(help: "How many demo contacts to generate on first run.") var contacts = 3000

    func run() async throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = (dir as NSString).appendingPathComponent("tocsin.sqlite")
        var options = DatabaseOptions()
        options.database = "sqlite:\(path)"
        // The demo keeps its own audit key next to its database (never do this in production:
        // the key belongs where the database admin cannot read it).
        let keyFile = (dir as NSString).appendingPathComponent("audit.key")
        if !FileManager.default.fileExists(atPath: keyFile) { try AuditKeySource.createKeyFile(at: keyFile) }
        options.auditKeyFile = keyFile
        try await withStore(options, requireSchema: false) { store in
            let m = try await store.migrate()
            print("database   sqlite:\(path) (schema version \(m.currentVersion)\(m.applied.isEmpty ? "" : ", migrations \(m.applied.map(String.init).joined(separator: ",")) applied"))")
            let s = try await DemoSeeder.seed(store: store, contacts: contacts, scratchDirectory: dir)
            print("address    \(s.contacts) contacts in \(s.groups) groups\(s.seeded ? " (generated now)" : " (already there)")")
            print("audit key  \(keyFile) (use --audit-key-file \(keyFile) with other commands)")
            print("catalogues \(try await store.regions().all.count) regions, \(try await store.hazards().all.count) hazard types, 4 warning levels")
        }
        print("""

        Try:
          swift run -c release tocsin contacts list --database sqlite:\(path) --group 防汛抗旱指挥部
          swift run -c release tocsin contacts export --database sqlite:\(path) contacts.xlsx

          swift run -c release tocsin simulate cmpp3 --port 7890     # a China Mobile gateway simulator

        Not yet part of the demo: the web console and dispatch (the carrier links and simulators
        exist and are exercised by `tocsin bench link`; see docs/status.md).
        """)
    }
}

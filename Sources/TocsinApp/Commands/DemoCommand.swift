import ArgumentParser
import Foundation
import Logging
import TocsinCore
import TocsinStorage
import TocsinWeb

/// `tocsin demo`: the whole platform on its embedded default, with nothing to set up — SQLite in
/// a local folder, Beijing's regions and hazards, a demo address book, demo users for every role,
/// the three carriers' gateways simulated in-process, dispatch, the JSON API and the console.
/// Ctrl-C stops everything cleanly. `tocsin serve` runs the same with a real configuration.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Run the whole platform on SQLite with demo data and simulated carriers (no setup needed).")
    @Option(help: "Folder for the demo database, audit key and logins.") var dir = "demo-data"
    @Option(help: "How many demo contacts to generate on first run.") var contacts = 3000
    @Option(help: "Address the console listens on.") var host = "127.0.0.1"
    @Option(help: "Port the console listens on.") var port = 8080
    @Option(help: "Login attempts allowed per client address per minute.") var loginAttempts = 10
    @Flag(help: "Prepare the database and users, print the logins, and exit without serving.") var prepareOnly = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
        guard contacts >= 0 else { throw ValidationError("--contacts must be 0 or more") }
        guard loginAttempts > 0 else { throw ValidationError("--login-attempts must be positive") }
    }

    func run() async throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = (dir as NSString).appendingPathComponent("tocsin.sqlite")
        // The demo keeps its own audit key next to its database (never do this in production:
        // the key belongs where the database admin cannot read it).
        let keyFile = try DatabaseOptions.ownKeyFile(at: (dir as NSString).appendingPathComponent("audit.key"))
        let options = DatabaseOptions(database: "sqlite:\(path)", auditKeyFile: keyFile)
        let store = try await options.open(requireSchema: false)
        do {
            try await prepare(store, path: path, keyFile: keyFile)
            if !prepareOnly { try await serve(store) }
        } catch {
            try? await store.shutdown()
            throw error
        }
        try await store.shutdown()
    }

    private func prepare(_ store: Store, path: String, keyFile: String) async throws {
        let m = try await store.migrate()
        print("database   sqlite:\(path) (schema version \(m.currentVersion)\(m.applied.isEmpty ? "" : ", migrations \(m.applied.map(String.init).joined(separator: ",")) applied"))")
        let s = try await DemoSeeder.seed(store: store, contacts: contacts, scratchDirectory: dir)
        print("address    \(s.contacts) contacts in \(s.groups) groups\(s.seeded ? " (generated now)" : " (already there)")")
        print("catalogues \(try await store.regions().all.count) regions, \(try await store.hazards().all.count) hazard types, 4 warning levels")
        print("audit key  \(keyFile) (use --audit-key-file \(keyFile) with other commands)")
        let users = try await DemoUsers.ensure(store: store, directory: dir)
        if users.created.isEmpty {
            print("logins     already created; they are in \(users.file)")
        } else {
            print("logins     (printed once; also kept in \(users.file))")
            for login in users.created {
                print("           \(login.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(login.password)   \(login.role.nameZH) \(login.role.rawValue)")
            }
        }
    }

    private func serve(_ store: Store) async throws {
        var logger = Logger(label: "tocsin.demo")
        logger.logLevel = .notice
        let carriers = try await DemoCarriers.start()
        let platform = Platform(store: store, links: carriers.links, web: WebConfiguration(host: host, port: port, loginAttemptsPerWindow: loginAttempts, version: "demo"),
                                logger: logger)
        let host = self.host, port = self.port
        do {
            try await platform.run { started in
                await carriers.connectReports(listenerPorts: started.sgipListenerPorts)
                print("""

                carriers   China Mobile CMPP 3.0, China Unicom SGIP 1.2, China Telecom SMGP 3.0 simulated on 127.0.0.1
                           (\(carriers.links.map { "\($0.name) :\($0.port)" }.joined(separator: ", ")))
                console    http://\(host):\(port)/console   (API: http://\(host):\(port)/api/v1, OpenAPI: /api/v1/openapi.json)

                Log in as zhang.bianji (author) to draft a warning, as li.shenhe and wang.shenhe (reviewers) to
                approve it — red needs both — and watch it go out on the simulated carriers. Ctrl-C stops everything.
                """)
                flushStandardOutput()
            }
        } catch {
            await carriers.stop()
            throw error
        }
        await carriers.stop()
        print("tocsin demo stopped")
    }
}

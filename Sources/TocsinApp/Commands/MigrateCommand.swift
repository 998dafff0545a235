import ArgumentParser
import TocsinStorage

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply the schema migrations this binary knows (safe to run again).")
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        try await withStore(db, requireSchema: false) { store in
            let report = try await store.migrate()
            if report.applied.isEmpty {
                print("\(try db.location): schema already at version \(report.currentVersion), nothing to do")
            } else {
                print("\(try db.location): applied migrations \(report.applied.map(String.init).joined(separator: ", ")); schema at version \(report.currentVersion)")
            }
        }
    }
}

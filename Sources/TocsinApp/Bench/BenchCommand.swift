import ArgumentParser
import Foundation
import TocsinStorage

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Benchmarks that print their figures.", subcommands: [ImportBench.self, CodecBench.self, LinkBench.self, TargetBench.self, DispatchBench.self, ConsoleBench.self])

    struct ImportBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Generate N contacts as CSV and import them into a fresh database; print contacts/s and peak memory.")
        @Option(help: "Number of contacts.") var contacts = 1_000_000
        @Option(help: "Database (default: a fresh SQLite file in a temporary folder). A postgres:// database must be empty.") var database: String?
        @Flag(help: "Keep the generated files.") var keep = false

        func run() async throws {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-bench-\(getpid())").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { if !keep { try? FileManager.default.removeItem(atPath: dir) } }
            let csv = (dir as NSString).appendingPathComponent("contacts.csv")
            let genStart = ContinuousClock.now
            try DemoAddressBook.writeCSV(path: csv, count: contacts)
            let genTime = ContinuousClock.now - genStart
            let size = (try FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0
            print("generated \(contacts) contacts (\(size / 1_048_576) MiB CSV) in \(genTime.seconds.formatted2) s")

            // Imports are audited; a throwaway database gets a throwaway key.
            let options = DatabaseOptions(database: database ?? "sqlite:\((dir as NSString).appendingPathComponent("bench.sqlite"))",
                                          auditKeyFile: try DatabaseOptions.ownKeyFile(at: (dir as NSString).appendingPathComponent("audit.key")))
            let rssBefore = PeakMemory.residentKiB()
            let result = try await withStore(options, requireSchema: false) { store in
                try await store.migrate()
                try await DemoSeeder.seedGroupsOnly(store: store)
                let start = ContinuousClock.now
                let bar = ProgressBar("importing")
                let report = try await ContactImporter(store: store).run(try CSVReader(path: csv), label: "contacts.csv", options: ImportOptions(actor: "bench"),
                                                                        progress: { bar.update($0, $1) })
                bar.finish()
                let elapsed = ContinuousClock.now - start
                let count = try await store.contactCount()
                return (report, elapsed, count)
            }
            let (report, elapsed, stored) = result
            guard report.committed, stored == contacts else {
                print("FAILED: committed=\(report.committed) stored=\(stored) rejected=\(report.rejected) \(report.problems.prefix(3))")
                throw ExitCode(1)
            }
            let secs = elapsed.seconds
            print("imported \(report.created) contacts into \(try options.location) in \(secs.formatted2) s = \(Int(Double(contacts) / secs)) contacts/s")
            print("peak RSS \(PeakMemory.peakKiB() / 1024) MiB (resident before import \(rssBefore / 1024) MiB)")
            print("targets: ≤ 60 s and ≤ 500 MB for 1 000 000 contacts on SQLite")
        }
    }
}

extension DemoSeeder {
    /// Only the demo groups (so generated rows' groups resolve), no contacts.
    static func seedGroupsOnly(store: Store) async throws {
        let known = Set(try await store.groups().map(\.name))
        for g in DemoAddressBook.groups where !known.contains(g.name) {
            try await store.createGroup(.init(name: g.name), actor: "bench", now: Date())
        }
    }
}

enum PeakMemory {
    /// VmHWM (peak resident set) of this process in KiB, from /proc (Linux).
    static func peakKiB() -> Int { field("VmHWM") }
    static func residentKiB() -> Int { field("VmRSS") }
    private static func field(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

extension Double {
    var formatted2: String { String(format: "%.2f", self) }
}

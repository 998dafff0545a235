import ArgumentParser
import Foundation
import TocsinCore
import TocsinStorage
#if canImport(Glibc)
import Glibc
#endif

/// `tocsin bench target`: recipient resolution and reach over a demo address book of N contacts.
struct TargetBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target",
        abstract: "Time recipient resolution and reach/ETA for a few realistic rules over an N-contact address book.")
    @Option(help: "Number of contacts (when building the address book).") var contacts = 1_000_000
    @Option(help: "SQLite file to reuse when it holds an address book, else to build it in (default: a fresh file in a temporary folder, removed after).")
    var database: String?
    @Option(help: "Timed runs per rule; the median is printed.") var runs = 5
    @Option(help: "Ported numbers to record (every 997th number moves to another carrier).") var ported = 1_000
    @Option(help: "Local send time (Beijing), HH:MM; the next such instant is used. 23:30 exercises quiet hours.") var at = "23:30"

    func run() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-bench-target-\(getpid())").path
        let path = database ?? (dir as NSString).appendingPathComponent("bench.sqlite")
        if database == nil { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        defer { if database == nil { try? FileManager.default.removeItem(atPath: dir) } }
        // Building the address book is audited; the bench's database gets its own key beside it.
        let options = DatabaseOptions(database: "sqlite:\(path)", auditKeyFile: try DatabaseOptions.ownKeyFile(at: path + ".audit.key"))
        try await withStore(options, requireSchema: false) { store in
            try await store.migrate()
            try await prepare(store, scratch: (path as NSString).deletingLastPathComponent)
            let sendTime = try nextLocalTime(at)
            print("address book: \(try await store.contactCount()) contacts in \(path); send time \(WarningReference.capDateTime(sendTime))")
            print("load average at start: \(Self.loadAverage())")
            let groups = Dictionary(try await store.groups().map { ($0.name, $0.id!) }, uniquingKeysWith: { a, _ in a })
            let rules: [(String, TargetingRequest)] = [
                ("red rainstorm, Chaoyang + Haidian, via subscriptions",
                 TargetingRequest(hazardCode: "11B03", level: .red, areaCodes: ["110105", "110108"], rule: TargetingRule(), sendTime: sendTime)),
                ("orange group send to 防汛抗旱指挥部 + 媒体联络人, citywide",
                 TargetingRequest(hazardCode: "11B03", level: .orange, areaCodes: ["110000"],
                                  rule: TargetingRule(useHazardSubscriptions: false, groupIDs: [groups["防汛抗旱指挥部"]!, groups["媒体联络人"]!]), sendTime: sendTime)),
                ("citywide blue rainstorm via subscriptions",
                 TargetingRequest(hazardCode: "11B03", level: .blue, areaCodes: ["110000"], rule: TargetingRule(), sendTime: sendTime)),
            ]
            // The in-memory snapshot (what `serve` and the demo use) is built once and timed.
            store.targetingSnapshotPolicy = .blocking
            let buildStart = ContinuousClock.now
            try await store.prepareTargetingSnapshot()
            let build = ContinuousClock.now - buildStart
            if let b = store.targetingSnapshotLastBuild {
                print("targeting snapshot: \(b.contacts) contacts in \(build.ms) ms, about \(b.bytes / 1_048_576) MiB of arrays (rebuilt after any address-book change, in the background)")
            }
            for (name, request) in rules {
                print("\n▶ \(name)")
                var results: [(path: String, list: RecipientList, reach: Reach, resolve: Timing, reachTime: Timing)] = []
                for (label, policy) in [("snapshot", TargetingSnapshotPolicy.blocking), ("SQL path", .off)] {
                    store.targetingSnapshotPolicy = policy
                    var list = RecipientList()
                    let resolve = try await Self.measure(runs) { list = try await store.resolveRecipients(request) }
                    var reach: Reach?
                    let reachTime = try await Self.measure(runs) { reach = try await store.reach(request, capacity: .default) }
                    results.append((label, list, reach!, resolve, reachTime))
                }
                let (list, r) = (results[0].list, results[0].reach)
                print("  recipients \(list.recipients.count)  \(Self.describe(list.countsByCarrier))")
                print("  excluded   \(list.exclusions.count)  \(Self.describe(list.exclusionCounts))")
                print("  reach      \(r.recipients) recipients, \(r.excluded) excluded; ETA \(r.eta.map { "\($0.seconds.formatted2) s" } ?? "∞") with \(Self.describe(LinkCapacity.default))")
                for result in results where result.reach.recipientsByCarrier != result.list.countsByCarrier
                    || result.reach.excludedByReason != result.list.exclusionCounts
                    || Set(result.list.recipients) != Set(list.recipients) || Set(result.list.exclusions) != Set(list.exclusions) {
                    print("  MISMATCH: \(result.path) disagrees (reach vs resolution, or with the snapshot)")
                    throw ExitCode(1)
                }
                for result in results {
                    print("  \(result.path.padding(toLength: 8, withPad: " ", startingAt: 0)): resolution median \(result.resolve.wall.ms) ms wall (\(result.resolve.cpu.ms) ms CPU), reach median \(result.reachTime.wall.ms) ms wall (\(result.reachTime.cpu.ms) ms CPU)")
                }
            }
            print("\nload average at end: \(Self.loadAverage())")
            print("targets: resolution ≤ 1 s and reach/ETA ≤ 200 ms over 1 000 000 contacts on SQLite (release build); the snapshot line is what serve and the demo answer with")
        }
    }

    /// Builds the demo address book (groups with subscriptions, N generated contacts through the
    /// importer) unless the database already has contacts, then records some ported numbers.
    private func prepare(_ store: Store, scratch: String) async throws {
        let existing = try await store.contactCount()
        guard existing == 0 else { return }
        let start = ContinuousClock.now
        let summary = try await DemoSeeder.seed(store: store, contacts: contacts, scratchDirectory: scratch)
        print("built \(summary.contacts) contacts in \((ContinuousClock.now - start).seconds.formatted2) s")
        var gen = DemoAddressBook()
        let now = Date()
        for k in 0..<ported {
            let number = try PhoneNumber(parsing: gen.person(k * 997 % max(contacts, 1), now: now).number)
            let carriers: [Carrier] = [.chinaMobile, .chinaUnicom, .chinaTelecom]
            try await store.setPorted(number, to: carriers[k % 3], actor: "bench", now: now)
        }
        if ported > 0 { print("recorded \(ported) ported numbers") }
    }

    private func nextLocalTime(_ hhmm: String) throws -> Date {
        let parts = hhmm.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else { throw ValidationError("--at must be HH:MM") }
        let offset = TargetingRequest.beijingTime.secondsFromGMT()
        let now = Int(Date().timeIntervalSince1970)
        let midnight = (now + offset) / 86_400 * 86_400 - offset
        var t = midnight + parts[0] * 3600 + parts[1] * 60
        if t <= now { t += 86_400 }
        return Date(timeIntervalSince1970: Double(t))
    }

    struct Timing { var wall: Duration; var cpu: Duration }

    /// Runs `body` once to warm caches, then `runs` times; medians of wall and process CPU time.
    static func measure(_ runs: Int, _ body: () async throws -> Void) async throws -> Timing {
        try await body()
        var walls: [Duration] = []
        var cpus: [Duration] = []
        for _ in 0..<max(1, runs) {
            let cpu0 = cpuTime()
            let start = ContinuousClock.now
            try await body()
            walls.append(ContinuousClock.now - start)
            cpus.append(cpuTime() - cpu0)
        }
        return Timing(wall: walls.sorted()[walls.count / 2], cpu: cpus.sorted()[cpus.count / 2])
    }

    /// User + system CPU time of this process (all threads).
    static func cpuTime() -> Duration {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let micros = (Int64(usage.ru_utime.tv_sec) + Int64(usage.ru_stime.tv_sec)) * 1_000_000 + Int64(usage.ru_utime.tv_usec) + Int64(usage.ru_stime.tv_usec)
        return .microseconds(micros)
    }

    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    }

    static func describe(_ counts: [Carrier: Int]) -> String {
        Carrier.allCases.compactMap { c in counts[c].map { "\(c.rawValue) \($0)" } }.joined(separator: ", ")
    }
    static func describe(_ counts: [ExclusionReason: Int]) -> String {
        ExclusionReason.allCases.compactMap { r in counts[r].map { "\(r.rawValue) \($0)" } }.joined(separator: ", ")
    }
    static func describe(_ capacity: LinkCapacity) -> String {
        Carrier.allCases.compactMap { c in capacity.submitsPerSecond[c].map { "\(c.rawValue) \(Int($0)) TPS" } }.joined(separator: ", ")
            + " + \(capacity.fixedOverhead.seconds.formatted2) s overhead"
    }
}

extension Duration {
    var ms: String { String(format: "%.0f", seconds * 1000) }
}

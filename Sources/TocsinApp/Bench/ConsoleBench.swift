import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import TocsinCore
import TocsinSecurity
import TocsinStorage
import TocsinWeb

/// `tocsin bench console`: render time of the console's main pages over an address book of N
/// contacts. The console runs in this process on 127.0.0.1 (the real router, middleware, session
/// and CSRF checks, SQLite store); one keep-alive connection requests each page many times and
/// the wall time per response is taken (so it includes the loopback HTTP round trip).
struct ConsoleBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: "Time console page renders (p50/p99) over an N-contact address book.")
    @Option(help: "Number of contacts (when building the address book).") var contacts = 1_000_000
    @Option(help: "SQLite file to reuse when it holds an address book, else to build it in (default: a fresh file in a temporary folder, removed after).")
    var database: String?
    @Option(help: "Timed requests per page.") var requests = 400
    @Option(help: "Port for the in-process console.") var port = 18_379

    static let password = "Night-Duty-Console-2026!"

    func run() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-bench-console-\(getpid())").path
        let path = database ?? (dir as NSString).appendingPathComponent("bench.sqlite")
        if database == nil { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        defer { if database == nil { try? FileManager.default.removeItem(atPath: dir) } }
        let options = DatabaseOptions(database: "sqlite:\(path)", auditKeyFile: try DatabaseOptions.ownKeyFile(at: path + ".audit.key"))
        try await withStore(options, requireSchema: false) { store in
            try await store.migrate()
            if try await store.contactCount() == 0 {
                let start = ContinuousClock.now
                let s = try await DemoSeeder.seed(store: store, contacts: contacts, scratchDirectory: (path as NSString).deletingLastPathComponent)
                print("built \(s.contacts) contacts in \((ContinuousClock.now - start).seconds.formatted2) s")
            }
            let count = try await store.contactCount()
            print("address book: \(count) contacts in \(path)")
            let accounts = AccountService(store: store)
            let dispatcher = StandInDispatcher(recipients: count)
            let warnings = WarningService(store: store, accounts: accounts, dispatcher: dispatcher)
            let detailID = try await prepareWarnings(store, accounts, warnings)
            let services = WebServices(store: store, accounts: accounts, warnings: warnings)
            var quiet = Logger(label: "tocsin.bench")
            quiet.logLevel = .warning
            let app = buildApplication(services: services, configuration: WebConfiguration(port: port, loginAttemptsPerWindow: 1000), logger: quiet)
            let group = ServiceGroup(services: [app], logger: quiet)
            let server = Task { try await group.run() }
            try await Task.sleep(for: .milliseconds(500))
            let middleID = count / 2
            let number = try await store.contact(id: Int64(middleID))?.contact.numbers.first?.digits ?? "13800138000"
            let pages: [(String, String)] = [
                ("dashboard", "/console"),
                ("contacts, first page", "/console/contacts"),
                ("contacts, deep keyset page (after id \(middleID))", "/console/contacts?after=\(middleID)"),
                ("contacts, search by name (张伟)", "/console/contacts?q=%E5%BC%A0%E4%BC%9F"),
                ("contacts, search by a surname (张)", "/console/contacts?q=%E5%BC%A0"),
                ("contacts, search by a rare name (欧阳修)", "/console/contacts?q=%E6%AC%A7%E9%98%B3%E4%BF%AE"),
                ("contacts, search by a whole number (\(PhoneNumber.mask(number)))", "/console/contacts?q=\(number)"),
                ("contacts, search by number prefix (\(number.prefix(7)))", "/console/contacts?q=\(number.prefix(7))"),
                ("contacts, search by a segment (\(number.prefix(3)))", "/console/contacts?q=\(number.prefix(3))"),
                ("contacts, search by two digits (13)", "/console/contacts?q=13"),
                ("warning detail (progress, curve, ledger page)", "/console/warnings/\(detailID)"),
                ("review queue", "/console/review"),
            ]
            print("load average at start: \(TargetBench.loadAverage())")
            let requests = self.requests, port = self.port
            let results = try await Self.onThread { try Self.measure(port: port, pages: pages, requests: requests) }
            for r in results {
                print("  \(r.name.padding(toLength: 50, withPad: " ", startingAt: 0)) p50 \(String(format: "%6.2f", r.p50)) ms   p99 \(String(format: "%6.2f", r.p99)) ms   (\(r.bytes / 1024) KiB, \(requests) requests)")
            }
            print("load average at end: \(TargetBench.loadAverage())")
            print("target: ≤ 50 ms p99 per page with 1 000 000 contacts (release build); progress and ledger on the detail page come from an in-memory stand-in dispatcher")
            await group.triggerGracefulShutdown()
            _ = try? await server.value
        }
    }

    /// One bench user with every non-administrator role; 20 warnings waiting for review and one
    /// approved (dispatched to the stand-in). Returns the approved warning's id.
    func prepareWarnings(_ store: Store, _ accounts: AccountService, _ warnings: WarningService) async throws -> WarningIdentifier {
        for name in ["bench", "bench-reviewer"] where try await store.user(named: name) == nil {
            let roles: Set<Role> = name == "bench" ? [.author, .reviewer, .addressBookAdmin, .operator] : [.reviewer]
            _ = try await accounts.addUser(name: name, roles: try RoleSet(roles), password: "Initial-Admin-Set-2026!#", actor: "bench", source: "bench")
            try await accounts.changePassword(name: name, current: "Initial-Admin-Set-2026!#", new: Self.password, source: "bench")
        }
        let author = Caller(principal: try await accounts.login(name: "bench", password: Self.password, source: "bench").principal, source: "bench")
        let reviewer = Caller(principal: try await accounts.login(name: "bench-reviewer", password: Self.password, source: "bench").principal, source: "bench")
        let now = warnings.now()
        func draft(_ level: WarningLevel) -> DraftInput {
            DraftInput(hazardCode: "11B03", level: level, regionCodes: ["110105", "110108"], effective: now, expires: now.addingTimeInterval(6 * 3600))
        }
        // At most ten identifiers per unit and second (GB/T 35965.1): wait for the next second.
        func create(_ level: WarningLevel) async throws -> StoredWarning {
            while true {
                do { return try await warnings.createDraft(draft(level), by: author) } catch let e as DomainError where e.code == .identifierExhausted {
                    try await Task.sleep(for: .seconds(1))
                }
            }
        }
        let queued = try await store.reviewQueue(limit: 50).count
        for i in queued..<20 {
            let d = try await create(WarningLevel.allCases[i % 4])
            _ = try await warnings.submit(d.warning.id, expectedVersion: d.version, by: author)
        }
        let d = try await create(.orange)
        let s = try await warnings.submit(d.warning.id, expectedVersion: d.version, by: author)
        return try await warnings.approve(d.warning.id, expectedVersion: s.warning.version, by: reviewer).warning.warning.id
    }

    struct PageTiming { var name: String; var p50: Double; var p99: Double; var bytes: Int }

    /// Logs in through the form, then requests each page `requests` times after 20 warm-ups.
    static func measure(port: Int, pages: [(String, String)], requests: Int) throws -> [PageTiming] {
        let client = try LoopbackHTTPClient(port: port)
        let login = try client.request("GET", "/console/login")
        let loginCookie = login.header("Set-Cookie").first { $0.hasPrefix("tocsin_login_csrf=") }?.split(separator: ";").first.map(String.init) ?? ""
        let token = login.text.components(separatedBy: "name=\"_csrf\" value=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
        let form = "_csrf=\(token)&name=bench&password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
        let answer = try client.request("POST", "/console/login", headers: [("Cookie", loginCookie), ("Content-Type", "application/x-www-form-urlencoded")], body: form)
        guard let session = answer.header("Set-Cookie").first(where: { $0.hasPrefix("tocsin_session=") })?.split(separator: ";").first.map(String.init) else {
            throw LoopbackHTTPClient.Failure(description: "bench login failed (HTTP \(answer.status))")
        }
        var out: [PageTiming] = []
        for (name, path) in pages {
            var times: [Double] = []
            var bytes = 0
            for i in 0..<(requests + 20) {
                let start = ContinuousClock.now
                let r = try client.request("GET", path, headers: [("Cookie", session)])
                let elapsed = (ContinuousClock.now - start).seconds * 1000
                guard r.status == 200 else { throw LoopbackHTTPClient.Failure(description: "\(path) answered HTTP \(r.status)") }
                bytes = r.body.count
                if i >= 20 { times.append(elapsed) }
            }
            times.sort()
            out.append(PageTiming(name: name, p50: times[times.count / 2], p99: times[min(times.count - 1, Int(Double(times.count) * 0.99))], bytes: bytes))
        }
        return out
    }

    /// Runs blocking work on its own thread so the server's tasks keep the cooperative pool.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}

/// Stands in for dispatch in the benchmark: the approved warning shows as sending to
/// `recipients` numbers with a synthetic ledger, so the detail page renders its full weight.
struct StandInDispatcher: WarningDispatcher {
    let recipients: Int
    func dispatch(_ warning: Warning, approvedAt: Date) async throws {}
    func stop(_ id: WarningIdentifier, reason: String, at: Date) async throws {}
    func progress(of id: WarningIdentifier) async throws -> DispatchProgress? {
        let t0 = Date().addingTimeInterval(-120)
        let mobile = DispatchProgress.Counts(planned: recipients * 6 / 10, submitted: recipients / 10, delivered: recipients * 5 / 10)
        let other = DispatchProgress.Counts(planned: recipients - mobile.planned, pending: recipients / 10, delivered: recipients * 3 / 10, failed: 12)
        let total = DispatchProgress.Counts(planned: recipients, pending: other.pending, submitted: mobile.submitted,
                                            delivered: mobile.delivered + other.delivered, failed: 12)
        return DispatchProgress(warningID: id, total: total, byCarrier: ["mobile": mobile, "unicom": other], approvedAt: t0,
                                firstSubmitAt: t0.addingTimeInterval(1), delivered50At: t0.addingTimeInterval(60), isFinished: false)
    }
    func ledger(of id: WarningIdentifier, after: Int64?, limit: Int) async throws -> [DeliveryLedgerEntry] {
        let start = (after ?? 0) + 1
        return (start..<(start + Int64(limit))).map { seq in
            DeliveryLedgerEntry(seq: seq, number: "139\(String(format: "%08d", seq))", carrier: seq % 3 == 0 ? "unicom" : "mobile", contactID: seq,
                                state: seq % 97 == 0 ? "failed" : "delivered", attempts: 1, link: "cmcc-1", submittedAt: Date(), finishedAt: Date(),
                                statusCode: seq % 97 == 0 ? "UNDELIV" : "DELIVRD", reason: seq % 97 == 0 ? "handset unreachable" : nil)
        }
    }
}

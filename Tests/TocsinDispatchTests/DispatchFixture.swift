import CarrierGateway
import CarrierSimulator
import Foundation
import Logging
import TocsinCore
import TocsinStorage
@testable import TocsinDispatch

/// Address books, warnings, clocks and in-process carriers for the dispatch tests.
enum DispatchFixture {
    static let account = "tocsin"
    static let secret = "secret12"
    static let base = Date(timeIntervalSince1970: 1_785_000_000) // 2026-07-25, Beijing afternoon

    /// `count` contacts in `region`, one number each: 138… (mobile), or cycling 138/186/189
    /// (mobile, unicom, telecom) with `mixed`. Numbers are `prefix + contact id`.
    static func seedContacts(_ store: Store, count: Int, region: String = "110105", mixed: Bool = false) async throws {
        let start = try await store.sql.raw("SELECT COALESCE(MAX(id), 0) AS m FROM contacts").first()?.decode(column: "m", as: Int.self) ?? 0
        let series = store.dialect == .sqlite
            ? "WITH RECURSIVE s(i) AS (SELECT \(start + 1) UNION ALL SELECT i + 1 FROM s WHERE i < \(start + count)) "
            : "WITH s(i) AS (SELECT generate_series(\(start + 1), \(start + count))) "
        let number = mixed
            ? "CAST((CASE id % 3 WHEN 0 THEN 13800000000 WHEN 1 THEN 18600000000 ELSE 18900000000 END) + id AS TEXT)"
            : "CAST(13800000000 + id AS TEXT)"
        try await store.transaction { db in
            try await db.raw("""
                \(unsafeRaw: series)INSERT INTO contacts (id, name, region_code, row_hash, created_at, updated_at)
                SELECT i, 'c' || CAST(i AS TEXT), \(bind: region), '', 0, 0 FROM s
                """).run()
            try await db.raw("""
                INSERT INTO contact_numbers (number, contact_id, position)
                SELECT \(unsafeRaw: number), id, 0 FROM contacts WHERE id > \(bind: start)
                """).run()
        }
    }

    /// A warning to the contacts of `region` (rule region path), valid for `validity`.
    static func warning(_ level: WarningLevel, mode: WarningMode = .actual, sequence: Int = 0, second: Int = 0,
                        region: String = "110105", validity: TimeInterval = 3600, text: String = "暴雨预警：请注意防范。",
                        approvedAt: Date = base) throws -> Warning {
        let unit = try IssuingUnitCode(regionCode: "110000", agencyCode: "001")
        let id = try WarningIdentifier(unit: unit, enteredAt: approvedAt.addingTimeInterval(TimeInterval(second)), sequence: sequence)
        var w = Warning(id: id, hazardCode: "11B03", level: level, category: .natural, regionCodes: [region], headline: "暴雨\(level.colourZH)预警",
                        smsText: text, signature: "【北京预警】", issuer: "北京市气象台", effective: approvedAt,
                        expires: approvedAt.addingTimeInterval(validity),
                        targeting: TargetingRule(useHazardSubscriptions: false, regionCodes: [region]), mode: mode, author: "author")
        w.state = .approved
        return w
    }

    static var quietLogger: Logger {
        var l = Logger(label: "tocsin.test.dispatch")
        // TOCSIN_TEST_LOG=debug (or info, …) shows what the dispatcher and links say.
        l.logLevel = ProcessInfo.processInfo.environment["TOCSIN_TEST_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        return l
    }
}

/// A wall clock the test moves.
final class ManualClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date
    init(_ instant: Date) { self.instant = instant }
    func now() -> Date { lock.withLock { instant } }
    func advance(by seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }
}

/// A real clock that starts at the fixture's base date (warnings are approved then).
struct ShiftedClock: WallClock {
    let offset: TimeInterval
    init(startingAt start: Date = DispatchFixture.base) { offset = start.timeIntervalSinceNow }
    func now() -> Date { Date().addingTimeInterval(offset) }
}

/// Records the workflow's view: started and finished warnings.
final class RecordingObserver: DispatchObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var _started: [WarningIdentifier] = []
    private var _finished: [WarningIdentifier] = []
    func dispatchStarted(_ id: WarningIdentifier, at: Date) async { lock.withLock { _started.append(id) } }
    func dispatchFinished(_ id: WarningIdentifier, at: Date) async { lock.withLock { _finished.append(id) } }
    var started: [WarningIdentifier] { lock.withLock { _started } }
    var finished: [WarningIdentifier] { lock.withLock { _finished } }
}

/// A carrier account that records the destination of every submit, in call order.
final class RecordingAccount: CarrierAccount, @unchecked Sendable {
    let group: LinkGroup
    private let lock = NSLock()
    private var _destinations: [String] = []
    init(_ group: LinkGroup) { self.group = group }
    var configuration: LinkConfiguration { group.configuration }
    var reports: ReportStream { group.reports }
    func submit(_ message: OutboundMessage) async throws -> SubmitOutcome {
        lock.withLock { _destinations.append(message.destination) }
        return try await group.submit(message)
    }
    func submit(_ message: OutboundMessage, answered: @escaping @Sendable (Result<SubmitOutcome, any Error>) -> Void) -> @Sendable () -> Void {
        lock.withLock { _destinations.append(message.destination) }
        return group.submit(message, answered: answered)
    }
    var destinations: [String] { lock.withLock { _destinations } }
}

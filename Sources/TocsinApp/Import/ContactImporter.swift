import Foundation
import SQLKit
import TocsinCore
import TocsinStorage

public struct ImportOptions: Sendable {
    /// Classify every row and report, change nothing.
    public var dryRun = false
    /// Import the good rows even when some are rejected (otherwise nothing is imported).
    public var skipInvalid = false
    /// Who is importing (change log).
    public var actor = "cli"
    /// Rows per database round (multi-row inserts inside the one transaction).
    public var batchSize = 2000
    public init(dryRun: Bool = false, skipInvalid: Bool = false, actor: String = "cli") {
        self.dryRun = dryRun
        self.skipInvalid = skipInvalid
        self.actor = actor
    }
}

/// What an import did (or, for a dry run / a rejected import, would have done).
public struct ImportReport: Sendable, Equatable {
    public var rows = 0
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    /// The first 10 000 problems, in row order.
    public var problems: [ImportProblem] = []
    /// True when the changes were committed.
    public var committed = false
    public var dryRun = false
}

/// Imports contacts from a CSV or XLSX source: validates every row, reports each bad row with its
/// row number, column and reason, merges rows whose number already belongs to a contact (updated or
/// unchanged, never doubled), and commits all or nothing in one transaction.
public struct ContactImporter: Sendable {
    let store: Store
    let clock: any WallClock

    public init(store: Store, clock: any WallClock = SystemWallClock()) {
        self.store = store
        self.clock = clock
    }

    private struct Rollback: Error { var report: ImportReport }

    /// Runs the import. `progress` is called after each batch with (fraction of file read, rows so far).
    public func run(_ source: any TabularSource, label: String, options: ImportOptions,
                    progress: @escaping @Sendable (Double, Int) -> Void = { _, _ in }) async throws -> ImportReport {
        let regions = try await store.regions()
        let groupIDs = Dictionary(try await store.groups().compactMap { g in g.id.map { (g.name, $0) } }, uniquingKeysWith: { a, _ in a })
        let box = SourceBox(source)
        let now = clock.now()
        do {
            return try await store.transaction { db in
                var report = try await self.process(box, label: label, regions: regions, groupIDs: groupIDs, options: options,
                                                    now: now, db: db, progress: progress)
                if options.dryRun || (report.rejected > 0 && !options.skipInvalid) { throw Rollback(report: report) }
                report.committed = true
                return report
            }
        } catch let rollback as Rollback {
            return rollback.report
        }
    }

    private func process(_ box: SourceBox, label: String, regions: RegionCatalogue, groupIDs: [String: Int64], options: ImportOptions,
                         now: Date, db: any SQLDatabase, progress: @Sendable (Double, Int) -> Void) async throws -> ImportReport {
        var report = ImportReport()
        report.dryRun = options.dryRun
        func reject(_ p: ImportProblem) {
            report.rejected += 1
            if report.problems.count < 10_000 { report.problems.append(p) }
        }
        var header: TabularRow?
        while let row = try box.source.next() {
            if row.cells.contains(where: { !$0.trimmedWhitespace.isEmpty }) { header = row; break }
        }
        guard let header else { throw TabularError("\(label) is empty: it needs a header row and at least one contact") }
        let layout: ContactLayout
        do { layout = try ContactLayout(header: header) } catch { throw TabularError("\(label): \(error)") }
        let parser = ContactRowParser(layout: layout, regions: regions, groupIDs: groupIDs)

        var seenNumbers: [UInt64: Int] = [:]   // number → first row that had it
        let touched = TouchedContacts()        // existing contact → row that updated it (writer side only)
        let mobileColumn = layout.column(.mobile)
        var batch: [BatchItem] = []
        var writerProblems: [ImportProblem] = []

        func absorb(_ outcome: BatchOutcome) {
            report.created += outcome.created
            report.updated += outcome.updated
            report.unchanged += outcome.unchanged
            report.rejected += outcome.problems.count
            if writerProblems.count < 10_000 { writerProblems += outcome.problems }
            progress(box.source.progress, report.rows)
        }

        // Parsing of batch k+1 overlaps the database work of batch k: one batch is written at a
        // time (so lookups and writes stay in row order), the reading and validation go on.
        try await withThrowingTaskGroup(of: BatchOutcome.self) { writers in
            var writing = false
            func startWrite() async throws {
                if writing, let done = try await writers.next() { absorb(done) }
                let items = batch
                batch = []
                // A rejected import is rolled back anyway; stop writing once it is certain.
                let write = !options.dryRun && (options.skipInvalid || report.rejected == 0)
                let store = self.store, actor = options.actor
                writers.addTask {
                    try await Self.writeBatch(items, store: store, db: db, touched: touched, mobileColumn: mobileColumn,
                                              label: label, actor: actor, now: now, write: write)
                }
                writing = true
            }
            while let row = try box.source.next() {
                if row.cells.allSatisfy({ $0.trimmedWhitespace.isEmpty }) && row.problem == nil { continue }
                report.rows += 1
                switch parser.parse(row) {
                case .failure(let p):
                    reject(p)
                case .success(let (record, groups)):
                    if let dup = record.contact.numbers.first(where: { seenNumbers[$0.key] != nil }) {
                        reject(ImportProblem(row: row.number, column: mobileColumn,
                                             reason: "number \(dup.masked) already appears on row \(seenNumbers[dup.key]!)"))
                        continue
                    }
                    for n in record.contact.numbers { seenNumbers[n.key] = row.number }
                    batch.append(BatchItem(row: row.number, record: record, groups: groups))
                    if batch.count >= options.batchSize { try await startWrite() }
                }
            }
            if !batch.isEmpty { try await startWrite() }
            while let done = try await writers.next() { absorb(done) }
        }
        report.problems = Array((report.problems + writerProblems).sorted { $0.row < $1.row }.prefix(10_000))
        return report
    }

    struct BatchItem: Sendable {
        var row: Int
        var record: ContactRecord
        var groups: [Int64]
    }

    struct BatchOutcome: Sendable {
        var created = 0, updated = 0, unchanged = 0
        var problems: [ImportProblem] = []
    }

    /// Classifies one batch against the book (merge by number: new, updated or unchanged) and,
    /// when `write`, writes it. Runs one at a time, in row order.
    private static func writeBatch(_ batch: [BatchItem], store: Store, db: any SQLDatabase, touched: TouchedContacts,
                                   mobileColumn: String?, label: String, actor: String, now: Date, write: Bool) async throws -> BatchOutcome {
        var outcome = BatchOutcome()
        let owners = try await store.owners(of: batch.flatMap { $0.record.contact.numbers.map(\.digits) }, in: db)
        var writes: [ContactWrite] = []
        for item in batch {
            let ids = Set(item.record.contact.numbers.compactMap { owners[$0.digits]?.contactID })
            if ids.count > 1 {
                outcome.problems.append(ImportProblem(row: item.row, column: mobileColumn,
                    reason: "the numbers belong to different existing contacts (\(ids.sorted().map { "#\($0)" }.joined(separator: ", "))); merge them first"))
                continue
            }
            if let id = ids.first {
                if let other = touched.rows[id] {
                    outcome.problems.append(ImportProblem(row: item.row, column: mobileColumn, reason: "updates the same contact #\(id) as row \(other)"))
                    continue
                }
                touched.rows[id] = item.row
                let fingerprint = item.record.contact.numbers.lazy.compactMap { owners[$0.digits]?.fingerprint }.first
                if fingerprint == item.record.fingerprint {
                    outcome.unchanged += 1
                } else {
                    outcome.updated += 1
                    writes.append(ContactWrite(existingID: id, record: item.record, groupIDs: item.groups, source: "\(label) row \(item.row)"))
                }
            } else {
                outcome.created += 1
                writes.append(ContactWrite(existingID: nil, record: item.record, groupIDs: item.groups, source: "\(label) row \(item.row)"))
            }
        }
        if write && !writes.isEmpty { try await store.writeContacts(writes, actor: actor, now: now, in: db) }
        return outcome
    }
}

/// Which existing contacts this import already updated, and from which row. Only the one batch
/// writer running at a time touches it (batches are written strictly one after another).
final class TouchedContacts: @unchecked Sendable {
    var rows: [Int64: Int] = [:]
}

/// Holds the (non-Sendable) row source while the import runs inside the store's transaction
/// closure. Only the one import task touches it, strictly sequentially.
private final class SourceBox: @unchecked Sendable {
    var source: any TabularSource
    init(_ source: any TabularSource) { self.source = source }
}

/// Opens a CSV or XLSX file by extension.
public func openTabular(path: String) throws -> any TabularSource {
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "csv", "txt": return try CSVReader(path: path)
    case "xlsx": return try XLSXReader(path: path)
    case "xls": throw TabularError("\(path) is an old .xls workbook; save it as .xlsx or CSV UTF-8")
    default: throw TabularError("\(path): unknown file type; use .csv or .xlsx")
    }
}

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
        var touched: [Int64: Int] = [:]        // existing contact → row that updated it
        var batch: [(row: Int, record: ContactRecord, groups: [Int64])] = []

        func flush() async throws {
            guard !batch.isEmpty else { return }
            let owners = try await store.owners(of: batch.flatMap { $0.record.contact.numbers.map(\.digits) }, in: db)
            var writes: [ContactWrite] = []
            for item in batch {
                let ids = Set(item.record.contact.numbers.compactMap { owners[$0.digits]?.contactID })
                if ids.count > 1 {
                    reject(ImportProblem(row: item.row, column: layout.column(.mobile),
                                         reason: "the numbers belong to different existing contacts (\(ids.sorted().map { "#\($0)" }.joined(separator: ", "))); merge them first"))
                    continue
                }
                if let id = ids.first {
                    if let other = touched[id] {
                        reject(ImportProblem(row: item.row, column: layout.column(.mobile), reason: "updates the same contact #\(id) as row \(other)"))
                        continue
                    }
                    touched[id] = item.row
                    let fingerprint = item.record.contact.numbers.lazy.compactMap { owners[$0.digits]?.fingerprint }.first
                    if fingerprint == item.record.fingerprint {
                        report.unchanged += 1
                    } else {
                        report.updated += 1
                        writes.append(ContactWrite(existingID: id, record: item.record, groupIDs: item.groups, source: "\(label) row \(item.row)"))
                    }
                } else {
                    report.created += 1
                    writes.append(ContactWrite(existingID: nil, record: item.record, groupIDs: item.groups, source: "\(label) row \(item.row)"))
                }
            }
            batch.removeAll(keepingCapacity: true)
            // A rejected import is rolled back anyway; stop writing once it is certain.
            if !options.dryRun && (options.skipInvalid || report.rejected == 0) {
                try await store.writeContacts(writes, actor: options.actor, now: now, in: db)
            }
            progress(box.source.progress, report.rows)
        }

        while let row = try box.source.next() {
            if row.cells.allSatisfy({ $0.trimmedWhitespace.isEmpty }) && row.problem == nil { continue }
            report.rows += 1
            switch parser.parse(row) {
            case .failure(let p):
                reject(p)
            case .success(let (record, groups)):
                if let dup = record.contact.numbers.first(where: { seenNumbers[$0.key] != nil }) {
                    reject(ImportProblem(row: row.number, column: layout.column(.mobile),
                                         reason: "number \(dup.masked) already appears on row \(seenNumbers[dup.key]!)"))
                    continue
                }
                for n in record.contact.numbers { seenNumbers[n.key] = row.number }
                batch.append((row.number, record, groups))
                if batch.count >= options.batchSize { try await flush() }
            }
        }
        try await flush()
        return report
    }
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

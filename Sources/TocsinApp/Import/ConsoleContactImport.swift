import Foundation
import TocsinCore
import TocsinStorage
import TocsinWeb

/// The console's import port (`ContactImportPort`, defined in TocsinWeb) implemented with this
/// module's `ContactImporter`: the upload is written to a private temporary file (the readers
/// work on files), imported or dry-run, and removed.
public struct ConsoleContactImport: ContactImportPort {
    let store: Store
    let clock: any WallClock

    public init(store: Store, clock: any WallClock = SystemWallClock()) {
        self.store = store
        self.clock = clock
    }

    public func importContacts(_ data: Data, fileName: String, dryRun: Bool, skipInvalid: Bool, actor: String) async throws -> ContactImportSummary {
        let ext = URL(fileURLWithPath: fileName).pathExtension.lowercased()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("upload.\(ext.isEmpty ? "csv" : ext)").path
        try data.write(to: URL(fileURLWithPath: path))
        let report = try await ContactImporter(store: store, clock: clock).run(try openTabular(path: path), label: fileName,
                                                                              options: ImportOptions(dryRun: dryRun, skipInvalid: skipInvalid, actor: actor))
        return ContactImportSummary(rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged,
                                    rejected: report.rejected,
                                    problems: report.problems.map { ContactImportProblem(row: $0.row, column: $0.column ?? "", message: $0.reason) },
                                    committed: report.committed, dryRun: report.dryRun)
    }
}

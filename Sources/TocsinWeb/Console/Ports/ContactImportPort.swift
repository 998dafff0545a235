import Foundation

/// One rejected row of a contact import: where it is and what is wrong.
public struct ContactImportProblem: Sendable, Hashable {
    /// 1-based row number in the file (the header is row 1).
    public var row: Int
    public var column: String
    public var message: String

    public init(row: Int, column: String, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }
}

/// What an import did, or would do (dry run).
public struct ContactImportSummary: Sendable, Hashable {
    public var rows: Int
    public var created: Int
    public var updated: Int
    public var unchanged: Int
    public var rejected: Int
    /// The first problems in row order (the page shows at most a few hundred).
    public var problems: [ContactImportProblem]
    public var committed: Bool
    public var dryRun: Bool

    public init(rows: Int, created: Int, updated: Int, unchanged: Int, rejected: Int, problems: [ContactImportProblem], committed: Bool, dryRun: Bool) {
        self.rows = rows
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.rejected = rejected
        self.problems = problems
        self.committed = committed
        self.dryRun = dryRun
    }
}

/// The contact importer as the console sees it. The importer (CSV/XLSX parsing, row validation,
/// all-or-nothing commit) lives in `TocsinApp`, which TocsinWeb cannot import; `TocsinApp`
/// implements this port and hands it in through `WebServices.contactImport`.
public protocol ContactImportPort: Sendable {
    /// Imports `data` (a CSV or XLSX file named `fileName`) as `actor`. A dry run classifies every
    /// row and changes nothing. Throws when the file cannot be read at all.
    func importContacts(_ data: Data, fileName: String, dryRun: Bool, skipInvalid: Bool, actor: String) async throws -> ContactImportSummary
}

import Foundation
import TocsinCore
import TocsinStorage

/// Writes the address book (or a filtered part) as CSV or XLSX with the same columns the importer
/// reads, so an export imports back as "unchanged".
public struct ContactExporter: Sendable {
    let store: Store
    public init(store: Store) { self.store = store }

    public static let columns: [ContactColumn] = [.name, .mobile, .organisation, .title, .region, .groups, .note, .validFrom, .validUntil, .quietHours]

    static func cells(_ r: ContactRecord) -> [String] {
        let c = r.contact
        return [c.name, c.numbers.map(\.digits).joined(separator: ";"), r.organisationName, c.title, c.regionCode ?? "",
                r.groupNames.joined(separator: ";"), c.note, ContactRowParser.format(c.validFrom), ContactRowParser.format(c.validUntil),
                c.quietHours?.text ?? ""]
    }

    /// Exports to `path` (.csv or .xlsx by extension). Returns the number of contacts written.
    @discardableResult
    public func export(to path: String, filter: ContactFilter = ContactFilter()) async throws -> Int {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard ext == "csv" || ext == "xlsx" else { throw TabularError("\(path): export writes .csv or .xlsx") }
        var csv = ext == "csv" ? try CSVWriter(path: path) : nil
        var xlsx = ext == "xlsx" ? XLSXWriter(path: path) : nil
        let header = Self.columns.map(\.headerZH)
        try csv?.write(header)
        xlsx?.write(header)
        var after: Int64 = 0
        var count = 0
        while true {
            let page = try await store.contacts(matching: filter, afterID: after, limit: 1000)
            guard let last = page.last?.contact.id else { break }
            for r in page {
                let row = Self.cells(r)
                try csv?.write(row)
                xlsx?.write(row)
            }
            count += page.count
            after = last
        }
        try csv?.close()
        try xlsx?.close()
        return count
    }
}

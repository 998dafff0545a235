import Foundation
import TocsinCore

/// Turns one spreadsheet row into a `ContactRecord`, or the first problem found in it.
struct ContactRowParser {
    let layout: ContactLayout
    let regions: RegionCatalogue
    let groupIDs: [String: Int64]

    func parse(_ row: TabularRow) -> Result<(ContactRecord, [Int64]), ImportProblem> {
        func fail(_ c: ContactColumn?, _ reason: String) -> Result<(ContactRecord, [Int64]), ImportProblem> {
            .failure(ImportProblem(row: row.number, column: c.flatMap(layout.column), reason: reason))
        }
        if let p = row.problem { return .failure(ImportProblem(row: row.number, column: nil, reason: p)) }
        var used = row.cells.count
        while used > 0, row.cells[used - 1].trimmedWhitespace.isEmpty { used -= 1 }
        if used > layout.width {
            return .failure(ImportProblem(row: row.number, column: columnLetter(used - 1),
                                          reason: "the row has \(used) columns but the header has \(layout.width)"))
        }
        let name = layout.value(.name, in: row)
        if name.isEmpty { return fail(.name, "name is empty") }
        if name.count > 100 { return fail(.name, "name is \(name.count) characters, at most 100") }

        let rawNumbers = layout.value(.mobile, in: row).split(whereSeparator: Self.isNumberSeparator)
            .map { String($0).trimmedWhitespace }.filter { !$0.isEmpty }
        if rawNumbers.isEmpty { return fail(.mobile, "mobile number is empty") }
        var numbers: [PhoneNumber] = []
        for (k, raw) in rawNumbers.enumerated() {
            do {
                let n = try PhoneNumber(parsing: raw)
                if !numbers.contains(n) { numbers.append(n) }
            } catch {
                return fail(.mobile, rawNumbers.count > 1 ? "number \(k + 1): \(error.message)" : error.message)
            }
        }

        var regionCode: String?
        let regionText = layout.value(.region, in: row)
        if !regionText.isEmpty {
            guard let r = regions.find(regionText) else { return fail(.region, "unknown region '\(regionText)'") }
            regionCode = r.code
        }

        var groups: [Int64] = []
        var groupNames: [String] = []
        for g in layout.value(.groups, in: row).split(whereSeparator: Self.isListSeparator).map({ String($0).trimmedWhitespace }) where !g.isEmpty {
            guard let id = groupIDs[g] else { return fail(.groups, "unknown group '\(g)'; create it first (tocsin groups add)") }
            if !groups.contains(id) { groups.append(id); groupNames.append(g) }
        }

        var validFrom: Date?
        var validUntil: Date?
        for (col, assign) in [(ContactColumn.validFrom, 0), (.validUntil, 1)] {
            let text = layout.value(col, in: row)
            guard !text.isEmpty else { continue }
            guard let d = Self.parseDate(text) else { return fail(col, "'\(text)' is not a date; use 2026-12-01 08:00") }
            if assign == 0 { validFrom = d } else { validUntil = d }
        }
        if let f = validFrom, let u = validUntil, u <= f { return fail(.validUntil, "valid-until is not after valid-from") }

        var quiet: QuietHours?
        let quietText = layout.value(.quietHours, in: row)
        if !quietText.isEmpty {
            do { quiet = try QuietHours(parsing: quietText) } catch { return fail(.quietHours, error.message) }
        }

        let contact = Contact(name: name, title: layout.value(.title, in: row), regionCode: regionCode, note: layout.value(.note, in: row),
                              numbers: numbers, validFrom: validFrom, validUntil: validUntil, quietHours: quiet)
        return .success((ContactRecord(contact: contact, organisationName: layout.value(.organisation, in: row), groupNames: groupNames.sorted()), groups))
    }

    /// Accepts `2026-12-01`, `2026-12-01 08:00[:00]`, `2026/12/01 08:00`, ISO 8601 with an offset,
    /// and Excel date serials (days since 1899-12-30). Local times are Beijing time.
    /// Separators between several numbers (or groups) in one cell; a switch, not `String.contains`,
    /// which resolves to Foundation's substring search and cost ~6 % of an import.
    static func isListSeparator(_ c: Character) -> Bool {
        switch c {
        case ";", "；", ",", "，", "、": true
        default: false
        }
    }

    static func isNumberSeparator(_ c: Character) -> Bool { isListSeparator(c) || c == "/" || c == "\n" }

    static func parseDate(_ text: String) -> Date? {
        if let serial = Double(text), serial > 20_000, serial < 80_000 {
            return Date(timeIntervalSince1970: (serial - 25_569) * 86_400 - 8 * 3600)
        }
        return BeijingTime.parse(text)
    }

    static func format(_ date: Date?) -> String {
        date.map { BeijingTime.format($0) } ?? ""
    }
}

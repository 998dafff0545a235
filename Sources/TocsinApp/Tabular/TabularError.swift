/// A problem with a spreadsheet file as a whole (not with one row).
public struct TabularError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One row of a spreadsheet, with its 1-based row number as the user sees it (header = row 1).
public struct TabularRow: Sendable, Hashable {
    public var number: Int
    public var cells: [String]
    /// Set when the row could not be read as cells (e.g. an unterminated quote).
    public var problem: String?
    public init(number: Int, cells: [String], problem: String? = nil) {
        self.number = number
        self.cells = cells
        self.problem = problem
    }
}

/// A source of rows: CSV or XLSX.
public protocol TabularSource {
    /// Reads the next row, nil at the end.
    mutating func next() throws -> TabularRow?
    /// 0…1, for progress bars.
    var progress: Double { get }
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
public func columnLetter(_ index: Int) -> String {
    var n = index + 1
    var s = ""
    while n > 0 {
        let r = (n - 1) % 26
        s = String(UnicodeScalar(UInt8(65 + r))) + s
        n = (n - 1) / 26
    }
    return s
}

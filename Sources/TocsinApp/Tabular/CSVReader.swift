import Foundation

/// A streaming RFC 4180 CSV reader: quoted fields with embedded commas, quotes ("") and line
/// breaks; CRLF or LF; a UTF-8 byte-order mark is skipped. Reads the file in 1 MiB chunks so a
/// million-row file does not sit in memory.
public struct CSVReader: TabularSource {
    private let handle: FileHandle
    private let totalBytes: Int
    private var consumed = 0
    private var buffer: [UInt8] = []
    private var position = 0
    private var eof = false
    private var rowNumber = 0
    private var startedFile = false

    public init(path: String) throws {
        guard let h = FileHandle(forReadingAtPath: path) else { throw TabularError("cannot open \(path)") }
        handle = h
        totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    public var progress: Double { totalBytes == 0 ? 1 : min(1, Double(consumed) / Double(totalBytes)) }

    private mutating func fill() -> Bool {
        if position < buffer.count { return true }
        if eof { return false }
        let data = handle.readData(ofLength: 1 << 20)
        if data.isEmpty { eof = true; try? handle.close(); return false }
        buffer = [UInt8](data)
        position = 0
        consumed += data.count
        if !startedFile {
            startedFile = true
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }
        return position < buffer.count
    }

    public mutating func next() throws -> TabularRow? {
        guard fill() else { return nil }
        rowNumber += 1
        var cells: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quotedField = false
        var problem: String?
        func finishField() {
            cells.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quotedField = false
        }
        while fill() {
            let b = buffer[position]
            position += 1
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if fill(), buffer[position] == UInt8(ascii: "\"") { field.append(b); position += 1 } else { inQuotes = false }
                } else {
                    field.append(b)
                }
                continue
            }
            switch b {
            case UInt8(ascii: ","):
                finishField()
            case UInt8(ascii: "\""):
                if field.isEmpty && !quotedField { inQuotes = true; quotedField = true } else { field.append(b) }
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\n"):
                finishField()
                return TabularRow(number: rowNumber, cells: cells, problem: validate(cells))
            default:
                field.append(b)
            }
        }
        if inQuotes { problem = "a quoted field is not closed before the end of the file" }
        finishField()
        return TabularRow(number: rowNumber, cells: cells, problem: problem ?? validate(cells))
    }

    private func validate(_ cells: [String]) -> String? {
        for (i, c) in cells.enumerated() where c.contains("\u{FFFD}") {
            return "column \(columnLetter(i)) is not valid UTF-8 text; save the file as “CSV UTF-8”"
        }
        return nil
    }
}

/// Writes CSV with a UTF-8 byte-order mark (so Excel shows Chinese correctly) and CRLF line ends.
public struct CSVWriter {
    private let handle: FileHandle
    private var pending: [UInt8] = []

    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
            throw TabularError("cannot create \(path)")
        }
        handle = h
        pending = [0xEF, 0xBB, 0xBF]
    }

    public mutating func write(_ cells: [String]) throws {
        for (i, c) in cells.enumerated() {
            if i > 0 { pending.append(UInt8(ascii: ",")) }
            if c.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || c.hasPrefix(" ") || c.hasSuffix(" ") {
                pending.append(UInt8(ascii: "\""))
                for b in c.utf8 {
                    if b == UInt8(ascii: "\"") { pending.append(b) }
                    pending.append(b)
                }
                pending.append(UInt8(ascii: "\""))
            } else {
                pending.append(contentsOf: c.utf8)
            }
        }
        pending.append(contentsOf: [0x0D, 0x0A])
        if pending.count > 1 << 20 { try flush() }
    }

    private mutating func flush() throws {
        try handle.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }

    public mutating func close() throws {
        try flush()
        try handle.close()
    }
}

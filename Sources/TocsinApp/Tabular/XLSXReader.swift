import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the first worksheet of an .xlsx workbook (Office Open XML) into rows of strings:
/// shared strings, inline strings and numbers (numbers as Excel stores them, e.g. "13800138000").
/// Empty cells between filled ones are kept as "" so columns stay aligned; cells are placed by
/// their reference (`C7`), not by order.
public struct XLSXReader: TabularSource {
    private var rows: [TabularRow]
    private var index = 0

    public init(path: String) throws {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw TabularError("\(path) is not an .xlsx workbook (not a zip archive)")
        }
        func entryData(_ name: String) throws -> Data? {
            guard let entry = archive[name] else { return nil }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            return data
        }
        let sheetPath = try Self.firstSheetPath(workbook: entryData("xl/workbook.xml"), rels: entryData("xl/_rels/workbook.xml.rels"))
        guard let sheet = try entryData(sheetPath) else { throw TabularError("\(path): the workbook has no worksheet (\(sheetPath) missing)") }
        let shared = try entryData("xl/sharedStrings.xml").map(Self.sharedStrings) ?? []
        let parser = SheetParser(shared: shared)
        let xml = XMLParser(data: sheet)
        xml.delegate = parser
        guard xml.parse() else {
            throw TabularError("\(path): the worksheet XML is malformed (\(xml.parserError.map { "\($0)" } ?? "unknown error"))")
        }
        if let p = parser.problem { throw TabularError("\(path): \(p)") }
        rows = parser.rows
    }

    public var progress: Double { rows.isEmpty ? 1 : Double(index) / Double(rows.count) }

    public mutating func next() throws -> TabularRow? {
        guard index < rows.count else { return nil }
        defer { index += 1 }
        return rows[index]
    }

    static func firstSheetPath(workbook: Data?, rels: Data?) throws -> String {
        guard let workbook, let rels else { return "xl/worksheets/sheet1.xml" }
        let wb = AttributeCollector(element: "sheet")
        let p1 = XMLParser(data: workbook)
        p1.delegate = wb
        p1.shouldProcessNamespaces = false
        _ = p1.parse()
        guard let rid = wb.found.first?["r:id"] else { return "xl/worksheets/sheet1.xml" }
        let rc = AttributeCollector(element: "Relationship")
        let p2 = XMLParser(data: rels)
        p2.delegate = rc
        _ = p2.parse()
        guard let target = rc.found.first(where: { $0["Id"] == rid })?["Target"] else { return "xl/worksheets/sheet1.xml" }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    static func sharedStrings(_ data: Data) throws -> [String] {
        let p = SharedStringsParser()
        let xml = XMLParser(data: data)
        xml.delegate = p
        guard xml.parse() else { throw TabularError("the workbook's shared strings are malformed") }
        return p.strings
    }

    /// Column index from a cell reference: "C7" → 2.
    static func columnIndex(_ ref: String) -> Int? {
        var n = 0
        var any = false
        for u in ref.unicodeScalars {
            guard u.value >= 65 && u.value <= 90 else { break }
            n = n * 26 + Int(u.value - 64)
            any = true
            if n > 16_384 { return nil }
        }
        return any ? n - 1 : nil
    }
}

private final class AttributeCollector: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []
    init(element: String) { self.element = element }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == element || name.hasSuffix(":" + element) { found.append(attributes) }
    }
}

private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inT = false
    private var inRPh = false
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "t": inT = true
        case "rPh": inRPh = true // phonetic runs are not part of the text
        default: break
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inT && !inRPh { current += string }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inT = false
        case "rPh": inRPh = false
        default: break
        }
    }
}

private final class SheetParser: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [TabularRow] = []
    var problem: String?
    private var cells: [String] = []
    private var rowNumber = 0
    private var cellColumn = 0
    private var cellType = ""
    private var text = ""
    private var capture = false

    init(shared: [String]) { self.shared = shared }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row":
            rowNumber = Int(attributes["r"] ?? "") ?? rowNumber + 1
            cells = []
        case "c":
            cellColumn = attributes["r"].flatMap(XLSXReader.columnIndex) ?? cells.count
            cellType = attributes["t"] ?? "n"
            text = ""
        case "v", "t":
            capture = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capture { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": capture = false
        case "c":
            var value = text
            if cellType == "s" {
                guard let i = Int(text), shared.indices.contains(i) else {
                    problem = "cell \(columnLetter(cellColumn))\(rowNumber) refers to a shared string that does not exist"
                    parser.abortParsing()
                    return
                }
                value = shared[i]
            } else if cellType == "n" {
                value = Self.plainNumber(text)
            }
            while cells.count < cellColumn { cells.append("") }
            if cells.count == cellColumn { cells.append(value) } else if cellColumn < cells.count { cells[cellColumn] = value }
        case "row":
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            rows.append(TabularRow(number: rowNumber, cells: cells))
        default: break
        }
    }

    /// "1.3800138E10" → "13800138000"; integral values lose ".0"; others are kept as written.
    static func plainNumber(_ s: String) -> String {
        guard s.contains("E") || s.contains("e") || s.hasSuffix(".0"), let d = Double(s), d.rounded() == d, abs(d) < 1e15 else { return s }
        return String(Int64(d))
    }
}

import Foundation
import ZIPFoundation
@testable import TocsinApp

/// Files for import tests, written to a temporary folder.
enum Fixtures {
    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func csv(_ text: String, in dir: URL, name: String = "contacts.csv") throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The issue's deliberately bad rows, one of each kind, between two good rows.
    static let badRowsCSV = """
    姓名,手机号码,单位,职务,区域,群组,备注
    王伟,13800138000,北京市应急管理局,值班员,朝阳区,防汛,
    李娜,1380013800,北京市应急管理局,值班员,朝阳区,防汛,
    张敏,13900139000,北京市气象局,预报员,火星区,气象,
    刘洋,13700137000,北京市水务局,科长,朝阳区,不存在的组,
    陈杰,+86 138 0013 8000,北京市水务局,科长,朝阳区,防汛,
    ,13600136000,北京市水务局,科长,朝阳区,防汛,
    杨勇,13500135000,北京市水务局,科长,朝阳区,防汛,备注,多出来的一列
    赵静,18612345678,北京市气象局,预报员,海淀区,"气象;防汛",夜间值班

    """

    /// (row, column, words the reason must contain) for badRowsCSV and badRowsXLSX.
    static let expectedProblems: [(Int, String, String)] = [
        (3, "B", "10 digits"),
        (4, "E", "unknown region '火星区'"),
        (5, "F", "unknown group '不存在的组'"),
        (6, "B", "already appears on row 2"),
        (7, "A", "name is empty"),
        (8, "H", "8 columns but the header has 7"),
    ]

    /// An .xlsx built by hand the way Excel writes it (shared strings, numbers as numeric cells,
    /// empty cells omitted) — independent of our own XLSXWriter.
    static func badRowsXLSX(in dir: URL) throws -> String {
        var strings: [String] = []
        func s(_ v: String) -> String {
            if let i = strings.firstIndex(of: v) { return "\(i)" }
            strings.append(v)
            return "\(strings.count - 1)"
        }
        let rows: [[(String, String)]] = [ // (column letter, value); numbers prefixed with '#'
            [("A", "姓名"), ("B", "手机号码"), ("C", "单位"), ("D", "职务"), ("E", "区域"), ("F", "群组"), ("G", "备注")],
            [("A", "王伟"), ("B", "#13800138000"), ("C", "北京市应急管理局"), ("D", "值班员"), ("E", "朝阳区"), ("F", "防汛")],
            [("A", "李娜"), ("B", "#1380013800"), ("C", "北京市应急管理局"), ("D", "值班员"), ("E", "朝阳区"), ("F", "防汛")],
            [("A", "张敏"), ("B", "#13900139000"), ("C", "北京市气象局"), ("D", "预报员"), ("E", "火星区"), ("F", "气象")],
            [("A", "刘洋"), ("B", "#13700137000"), ("C", "北京市水务局"), ("D", "科长"), ("E", "朝阳区"), ("F", "不存在的组")],
            [("A", "陈杰"), ("B", "+86 138 0013 8000"), ("C", "北京市水务局"), ("D", "科长"), ("E", "朝阳区"), ("F", "防汛")],
            [("B", "#13600136000"), ("C", "北京市水务局"), ("D", "科长"), ("E", "朝阳区"), ("F", "防汛")],
            [("A", "杨勇"), ("B", "#1.35001350E10"), ("C", "北京市水务局"), ("D", "科长"), ("E", "#110105"), ("F", "防汛"), ("G", "备注"), ("H", "多出来的一列")],
            [("A", "赵静"), ("B", "#18612345678"), ("C", "北京市气象局"), ("D", "预报员"), ("E", "海淀区"), ("F", "气象;防汛"), ("G", "夜间值班")],
        ]
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (i, row) in rows.enumerated() {
            sheet += "<row r=\"\(i + 1)\">"
            for (col, value) in row {
                if value.hasPrefix("#") {
                    sheet += "<c r=\"\(col)\(i + 1)\"><v>\(value.dropFirst())</v></c>"
                } else {
                    sheet += "<c r=\"\(col)\(i + 1)\" t=\"s\"><v>\(s(value))</v></c>"
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let shared = #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + strings.map { "<si><t>\(XLSXWriter.escape($0))</t></si>" }.joined() + "</sst>"
        let workbook = #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId7"/></sheets></workbook>"#
        let rels = #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/contacts.xml"/></Relationships>"#
        let url = dir.appendingPathComponent("contacts.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (name, text) in [("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels), ("xl/worksheets/contacts.xml", sheet), ("xl/sharedStrings.xml", shared)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return url.path
    }
}

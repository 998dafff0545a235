/// The columns of an address-book spreadsheet. Headers are matched in Chinese or English,
/// case-insensitively; order is free; `name` and `mobile` are required.
public enum ContactColumn: String, CaseIterable, Sendable {
    case name, mobile, organisation, title, region, groups, note, validFrom = "valid_from", validUntil = "valid_until", quietHours = "quiet_hours"

    /// The header written on export (Chinese, as customers keep their sheets).
    public var headerZH: String {
        switch self {
        case .name: "姓名"
        case .mobile: "手机号码"
        case .organisation: "单位"
        case .title: "职务"
        case .region: "区域"
        case .groups: "群组"
        case .note: "备注"
        case .validFrom: "生效时间"
        case .validUntil: "失效时间"
        case .quietHours: "免打扰时段"
        }
    }

    var aliases: [String] {
        switch self {
        case .name: ["姓名", "name", "名字"]
        case .mobile: ["手机号码", "手机", "手机号", "mobile", "numbers", "phone", "电话"]
        case .organisation: ["单位", "组织", "机构", "organisation", "organization", "org"]
        case .title: ["职务", "职位", "title"]
        case .region: ["区域", "地区", "行政区", "region"]
        case .groups: ["群组", "分组", "groups", "group"]
        case .note: ["备注", "note", "notes"]
        case .validFrom: ["生效时间", "valid_from", "valid from"]
        case .validUntil: ["失效时间", "有效期至", "valid_until", "valid until"]
        case .quietHours: ["免打扰时段", "免打扰", "quiet_hours", "quiet hours"]
        }
    }

    static func match(_ header: String) -> ContactColumn? {
        let h = header.trimmedWhitespace.lowercased()
        return allCases.first { $0.aliases.contains(h) }
    }
}

/// Where each column sits in this file.
public struct ContactLayout: Sendable {
    public var index: [ContactColumn: Int]
    public var width: Int

    /// Reads the header row. Throws naming the unknown, duplicated or missing column.
    public init(header: TabularRow) throws(ImportProblem) {
        var map: [ContactColumn: Int] = [:]
        for (i, h) in header.cells.enumerated() {
            let trimmed = h.trimmedWhitespace
            if trimmed.isEmpty { continue }
            guard let c = ContactColumn.match(trimmed) else {
                throw ImportProblem(row: header.number, column: columnLetter(i), reason: "unknown column '\(trimmed)'; expected one of \(ContactColumn.allCases.map(\.headerZH).joined(separator: "、"))")
            }
            if let first = map[c] {
                throw ImportProblem(row: header.number, column: columnLetter(i), reason: "column '\(trimmed)' repeats column \(columnLetter(first))")
            }
            map[c] = i
        }
        for required in [ContactColumn.name, .mobile] where map[required] == nil {
            throw ImportProblem(row: header.number, column: nil, reason: "the header has no '\(required.headerZH)' (\(required.rawValue)) column")
        }
        index = map
        width = header.cells.count
        while width > 0, header.cells[width - 1].trimmedWhitespace.isEmpty { width -= 1 }
    }

    func value(_ c: ContactColumn, in row: TabularRow) -> String {
        guard let i = index[c], i < row.cells.count else { return "" }
        return row.cells[i].trimmedWhitespace
    }

    func column(_ c: ContactColumn) -> String? { index[c].map(columnLetter) }
}

/// One rejected row: where and why. Never contains a full phone number.
public struct ImportProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    /// Column letter (A, B, …), nil when the problem is the row as a whole.
    public var column: String?
    public var reason: String
    public init(row: Int, column: String?, reason: String) {
        self.row = row
        self.column = column
        self.reason = reason
    }
    public var description: String {
        "row \(row)" + (column.map { ", column \($0)" } ?? "") + ": \(reason)"
    }
}

extension String {
    /// The string without leading and trailing white space (Unicode, incl. U+3000), without
    /// Foundation (whose trimming showed up at ~9 % of a million-row import).
    var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return self }
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}

/// An administrative region with its GB/T 2260 code, in a hierarchy (city → district → street).
public struct Region: Sendable, Hashable, Codable {
    public var code: String
    public var nameZH: String
    public var parentCode: String?

    public init(code: String, nameZH: String, parentCode: String? = nil) {
        self.code = code
        self.nameZH = nameZH
        self.parentCode = parentCode
    }
}

/// The region catalogue: Beijing by default; other cities load their own CSV
/// (`code,name,parent_code`, parents before children).
public struct RegionCatalogue: Sendable {
    public private(set) var byCode: [String: Region]

    public init(_ regions: [Region]) {
        byCode = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
    }

    public var all: [Region] { byCode.values.sorted { $0.code < $1.code } }

    /// Finds by code ("110105") or name ("朝阳区", also without the 区/县 suffix: "朝阳").
    public func find(_ token: String) -> Region? {
        let t = token.trimmingCharacters(in: .whitespaces)
        if let r = byCode[t] { return r }
        return byCode.values.first { $0.nameZH == t }
            ?? byCode.values.first { $0.nameZH.count > 2 && ($0.nameZH.hasSuffix("区") || $0.nameZH.hasSuffix("县")) && String($0.nameZH.dropLast()) == t }
    }

    /// The region and all regions below it.
    public func descendants(of code: String) -> Set<String> {
        var result: Set<String> = [code]
        var changed = true
        while changed {
            changed = false
            for r in byCode.values where !result.contains(r.code) {
                if let p = r.parentCode, result.contains(p) { result.insert(r.code); changed = true }
            }
        }
        return result
    }

    public init(csv: String) throws(DomainError) {
        var list: [Region] = []
        var known: Set<String> = []
        for (i, row) in CatalogueCSV.rows(csv).enumerated() where i > 0 || row.first?.lowercased() != "code" {
            guard row.count >= 2, !row[0].isEmpty, row[0].allSatisfy(\.isASCIIDigit) else {
                throw DomainError(.invalidValue, "region catalogue row \(i + 1): expected code,name[,parent_code] with a numeric code")
            }
            let parent = row.count > 2 && !row[2].isEmpty ? row[2] : nil
            if let parent, !known.contains(parent) {
                throw DomainError(.unknownRegion, "region catalogue row \(i + 1): parent \(parent) is not defined above it")
            }
            known.insert(row[0])
            list.append(Region(code: row[0], nameZH: row[1], parentCode: parent))
        }
        self.init(list)
    }

    /// Beijing's 16 districts (GB/T 2260) and the Beijing Economic-Technological Development Area.
    /// The development area is a functional zone, not a GB/T 2260 division: 110400 is the code the
    /// city's statistical division tables use for it; change it here if your centre uses another.
    public static let beijingCSV = """
    code,name,parent_code
    110000,北京市,
    110101,东城区,110000
    110102,西城区,110000
    110105,朝阳区,110000
    110106,丰台区,110000
    110107,石景山区,110000
    110108,海淀区,110000
    110109,门头沟区,110000
    110111,房山区,110000
    110112,通州区,110000
    110113,顺义区,110000
    110114,昌平区,110000
    110115,大兴区,110000
    110116,怀柔区,110000
    110117,平谷区,110000
    110118,密云区,110000
    110119,延庆区,110000
    110400,北京经济技术开发区,110000
    """

    public static let beijing: RegionCatalogue = try! RegionCatalogue(csv: beijingCSV)
}

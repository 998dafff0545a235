/// A hazard type with its GB/T 35561-2017 code (e.g. 11B03 暴雨).
public struct HazardType: Sendable, Hashable, Codable {
    public var code: String
    public var nameZH: String
    public var category: EventCategory
    /// Provenance remarks, e.g. that a code could not be verified against the standard text.
    public var note: String

    public init(code: String, nameZH: String, category: EventCategory, note: String = "") {
        self.code = code
        self.nameZH = nameZH
        self.category = category
        self.note = note
    }
}

/// The hazard catalogue: seeded by migration, replaceable from a CSV (`code,name,category,note`).
public struct HazardCatalogue: Sendable {
    public private(set) var byCode: [String: HazardType]

    public init(_ hazards: [HazardType]) {
        byCode = Dictionary(hazards.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
    }

    public var all: [HazardType] { byCode.values.sorted { $0.code < $1.code } }

    /// Finds by code ("11B03") or Chinese name ("暴雨").
    public func find(_ token: String) -> HazardType? {
        let t = token.trimmingCharacters(in: .whitespaces)
        return byCode[t.uppercased()] ?? byCode.values.first { $0.nameZH == t }
    }

    public init(csv: String) throws(DomainError) {
        var list: [HazardType] = []
        for (i, row) in CatalogueCSV.rows(csv).enumerated() where i > 0 || row.first?.lowercased() != "code" {
            guard row.count >= 3, let cat = EventCategory(rawValue: row[2]) else {
                throw DomainError(.invalidValue, "hazard catalogue row \(i + 1): expected code,name,category with category one of \(EventCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            list.append(HazardType(code: row[0].uppercased(), nameZH: row[1], category: cat, note: row.count > 3 ? row[3] : ""))
        }
        self.init(list)
    }

    /// GB/T 35561 codes as used by 12379 consumers (reference/warning-domain.md). The forest-fire and
    /// geological codes could not be verified against the standard text; they are marked so.
    public static let defaultCSV = """
    code,name,category,note
    11B01,台风,natural,
    11B03,暴雨,natural,
    11B04,暴雪,natural,
    11B05,寒潮,natural,
    11B06,大风,natural,
    11B07,沙尘暴,natural,
    11B09,高温,natural,
    11B14,雷电,natural,
    11B15,冰雹,natural,
    11B16,霜冻,natural,
    11B17,大雾,natural,
    11B19,霾,natural,
    11B20,雷雨大风,natural,
    11B21,道路结冰,natural,
    11B22,干旱,natural,
    11E02,风暴潮,natural,
    11E06,海浪,natural,
    11D00,地质灾害,natural,code unverified (category-level placeholder)
    11G00,森林火险,natural,code unverified (category-level placeholder)
    """

    public static let `default`: HazardCatalogue = try! HazardCatalogue(csv: defaultCSV)
}

/// Minimal CSV splitting for the small catalogue files we ship (no quoted commas in them).
enum CatalogueCSV {
    static func rows(_ text: String) -> [[String]] {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
    }
}

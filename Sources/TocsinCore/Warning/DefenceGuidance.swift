/// Standard defence guidance (防御指南) for one hazard at one level: the signal's criterion and
/// what people and agencies should do. Written in our own words after the China Meteorological
/// Administration's public warning signals; each centre may replace the library with its own.
public struct DefenceGuidance: Sendable, Hashable, Codable {
    public var hazardCode: String
    public var level: WarningLevel
    /// What the signal means, phrased to follow the region: "{region}" + criterion
    /// ("12小时内降雨量将达50毫米以上…").
    public var criterion: String
    /// Defence tips, most important first.
    public var tips: [String]
    /// False where the CMA national signal set has no such level (e.g. 高温 blue): the text then
    /// follows common local practice and should be confirmed by the issuing bureau.
    public var isNationalSignal: Bool

    public init(hazardCode: String, level: WarningLevel, criterion: String, tips: [String], isNationalSignal: Bool = true) {
        self.hazardCode = hazardCode
        self.level = level
        self.criterion = criterion
        self.tips = tips
        self.isNationalSignal = isNationalSignal
    }

    /// The tips numbered for the long text: "1. …；2. …。".
    public var text: String {
        tips.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "；") + "。"
    }

    /// The first tip, for the SMS.
    public var advice: String { tips.first.map { $0 + "。" } ?? "" }
}

/// The guidance per hazard × level. A value; replace or extend it from configuration.
public struct GuidanceLibrary: Sendable {
    public struct Key: Sendable, Hashable {
        public var hazardCode: String
        public var level: WarningLevel
        public init(_ hazardCode: String, _ level: WarningLevel) {
            self.hazardCode = hazardCode
            self.level = level
        }
    }

    public private(set) var entries: [Key: DefenceGuidance]

    public init(_ guidance: [DefenceGuidance]) {
        entries = Dictionary(guidance.map { (Key($0.hazardCode, $0.level), $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The guidance for a hazard code at a level, nil when the library has none.
    public func guidance(for hazardCode: String, level: WarningLevel) -> DefenceGuidance? {
        entries[Key(hazardCode.uppercased(), level)]
    }

    /// Hazard codes with guidance for at least one level.
    public var hazardCodes: Set<String> { Set(entries.keys.map(\.hazardCode)) }

    /// 暴雨, 暴雪, 寒潮, 大风, 台风, 高温, 雷电, 大雾, 道路结冰 at all four levels.
    public static let standard = GuidanceLibrary(precipitation + windAndTemperature + visibilityAndLightning)
}

import Foundation
import TocsinCore

/// A deterministic generator of realistic responsible persons: Beijing organisations, groups,
/// districts, and numbers spread over the three carriers. Used by `tocsin demo` and the benchmarks.
public struct DemoAddressBook: Sendable {
    public struct Person: Sendable {
        public var name: String
        public var number: String
        public var organisation: String
        public var title: String
        public var regionCode: String
        public var groups: [String]
        public var validFrom: Date?
        public var validUntil: Date?
        public var quietHours: String
    }

    /// Groups with the hazards they subscribe to (nil = every hazard) and the minimum level.
    public static let groups: [(name: String, hazards: [String]?, minLevel: WarningLevel)] = [
        ("市应急管理局", nil, .blue),
        ("区应急管理局", nil, .blue),
        ("气象系统", nil, .blue),
        ("防汛抗旱指挥部", ["11B03", "11B01", "11B20", "11B15"], .blue),
        ("森林防火指挥部", ["11G00", "11B09", "11B22", "11B06"], .yellow),
        ("规划和自然资源委", ["11D00", "11B03"], .orange),
        ("民政局", ["11B05", "11B04", "11B09"], .orange),
        ("交通委", ["11B17", "11B21", "11B04", "11B19"], .yellow),
        ("媒体联络人", nil, .orange),
        ("重大活动临时人员", nil, .yellow),
    ]

    static let organisations: [(String, [String], Int)] = [
        // name, titles, group index
        ("北京市应急管理局", ["局长", "副局长", "值班员", "处长"], 0),
        ("北京市气象局", ["预报员", "首席预报员", "值班主任"], 2),
        ("北京市水务局", ["防汛值班员", "处长", "科长"], 3),
        ("北京市园林绿化局", ["森林防火值班员", "科长"], 4),
        ("北京市规划和自然资源委员会", ["地质灾害值班员", "处长"], 5),
        ("北京市民政局", ["救助处处长", "值班员"], 6),
        ("北京市交通委员会", ["路网值班员", "科长"], 7),
        ("北京广播电视台", ["新闻值班编辑"], 8),
    ]
    static let districtOffices = "应急管理局"
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红玲建国建华志强文博宇航晨阳子涵欣怡浩然梓萱思远雨桐一鸣天佑嘉怡俊杰")
    static let prefixes = ["138", "139", "135", "136", "150", "187", "188", "182", "198", "130", "131", "132", "155", "156", "185", "186", "176", "166", "133", "153", "180", "181", "189", "177", "199", "191"]

    var state: UInt64

    public init(seed: UInt64 = 12379) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ array: [T]) -> T { array[Int(next() % UInt64(array.count))] }

    /// The i-th person (i must be unique per generator run to keep numbers unique): the number is
    /// derived from `i` so a million people never collide.
    public mutating func person(_ i: Int, now: Date) -> Person {
        let districts = RegionCatalogue.beijing.all.filter { $0.parentCode != nil }
        let region = districts[i % districts.count]
        let prefix = Self.prefixes[i % Self.prefixes.count]
        let suffix = String(format: "%08d", (i / Self.prefixes.count) % 100_000_000)
        let name = String(pick(Self.surnames)) + String(pick(Self.given)) + (next() % 2 == 0 ? String(pick(Self.given)) : "")
        var organisation: String
        var title: String
        var groups: [String]
        if next() % 3 == 0 {
            organisation = region.nameZH + Self.districtOffices
            title = pick(["值班员", "科长", "副局长"])
            groups = ["区应急管理局"]
        } else {
            let o = pick(Self.organisations)
            organisation = o.0
            title = pick(o.1)
            groups = [Self.groups[o.2].name]
        }
        if next() % 10 == 0 { groups.append("气象系统") }
        var from: Date?
        var until: Date?
        if next() % 50 == 0 {
            groups = ["重大活动临时人员"]
            organisation = "重大活动保障组"
            title = "临时联络员"
            from = now.addingTimeInterval(-86_400 * 3)
            until = now.addingTimeInterval(next() % 2 == 0 ? 86_400 * 7 : -3_600) // some have already expired
        }
        let quiet = next() % 8 == 0 ? "22:00-07:00" : ""
        return Person(name: name, number: prefix + suffix, organisation: organisation, title: title, regionCode: region.code,
                      groups: Array(Set(groups)).sorted(), validFrom: from, validUntil: until, quietHours: quiet)
    }

    /// The row as the importer reads it (ContactExporter.columns order).
    public static func cells(_ p: Person) -> [String] {
        [p.name, p.number, p.organisation, p.title, p.regionCode, p.groups.joined(separator: ";"), "",
         ContactRowParser.format(p.validFrom), ContactRowParser.format(p.validUntil), p.quietHours]
    }

    /// Writes `count` people as a CSV the importer reads.
    public static func writeCSV(path: String, count: Int, seed: UInt64 = 12379, now: Date = Date()) throws {
        var w = try CSVWriter(path: path)
        try w.write(ContactExporter.columns.map(\.headerZH))
        var gen = DemoAddressBook(seed: seed)
        for i in 0..<count { try w.write(cells(gen.person(i, now: now))) }
        try w.close()
    }
}

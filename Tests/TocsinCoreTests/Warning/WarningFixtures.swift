import Foundation
@testable import TocsinCore

/// Shared values for the warning tests: a Beijing meteorological-bureau rainstorm warning.
enum WarningFixtures {
    static let unit = try! IssuingUnitCode(regionCode: "110000", agencyCode: "416")
    /// 2024-07-30 14:00:00 Beijing time.
    static let t0 = Date(timeIntervalSince1970: 1_722_319_200)
    static let signature = "【北京市预警信息发布中心】"

    static func id(_ secondsAfterT0: TimeInterval = 0, sequence: Int = 0) -> WarningIdentifier {
        try! WarningIdentifier(unit: unit, enteredAt: t0.addingTimeInterval(secondsAfterT0), sequence: sequence)
    }

    static func rainstorm(level: WarningLevel = .yellow, state: WarningState = .draft, author: String = "alice") -> Warning {
        var w = Warning(
            id: id(), hazardCode: "11B03", level: level, category: .natural,
            regionCodes: ["110105", "110108"],
            headline: "北京市气象台发布暴雨\(level.colourZH)预警信号",
            body: "预计7月30日14时至31日08时，朝阳区、海淀区将出现暴雨。",
            smsText: "北京市气象台7月30日14时发布暴雨\(level.colourZH)预警信号：预计30日14时至31日08时，朝阳区、海淀区将出现暴雨，请注意防范。",
            signature: signature, issuer: "北京市气象台",
            effective: t0, expires: t0.addingTimeInterval(18 * 3600),
            targeting: TargetingRule(groupIDs: [7]), author: author)
        w.state = state
        return w
    }
}

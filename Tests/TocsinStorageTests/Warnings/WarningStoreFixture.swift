import Foundation
import TocsinCore
import TocsinStorage

/// Warnings for the store tests: a Beijing rainstorm warning moved through the lifecycle.
enum WarningStoreFixture {
    static let unit = try! IssuingUnitCode(regionCode: "110000", agencyCode: "416")
    /// 2024-07-30 14:00:00 Beijing time.
    static let t0 = Date(timeIntervalSince1970: 1_722_319_200)
    static let lifecycle = WarningLifecycle()

    static func id(_ seconds: Int, sequence: Int = 0) -> WarningIdentifier {
        try! WarningIdentifier(unit: unit, enteredAt: t0.addingTimeInterval(Double(seconds)), sequence: sequence)
    }

    static func draft(_ seconds: Int = 0, level: WarningLevel = .yellow, author: String = "alice", mode: WarningMode = .actual) -> Warning {
        Warning(id: id(seconds), hazardCode: "11B03", level: level, category: .natural, regionCodes: ["110105"],
                headline: "北京市气象台发布暴雨\(level.colourZH)预警信号",
                smsText: "北京市气象台发布暴雨\(level.colourZH)预警信号：预计朝阳区将出现暴雨，请注意防范。",
                signature: "【北京市预警信息发布中心】", issuer: "北京市气象台",
                effective: t0, expires: t0.addingTimeInterval(18 * 3600), targeting: TargetingRule(groupIDs: [7]), mode: mode, author: author)
    }

    /// Applies `command` to the stored warning and saves the transition at its version.
    @discardableResult
    static func move(_ store: Store, _ id: WarningIdentifier, _ action: WarningAction, by actor: String, at seconds: Int = 60,
                     comment: String = "") async throws -> StoredWarning {
        let stored = try await store.warning(id: id)!
        let t = try lifecycle.apply(WarningCommand(action, by: actor, at: t0.addingTimeInterval(Double(seconds)), comment: comment), to: stored.warning)
        return try await store.saveWarnings([.transition(t, expectedVersion: stored.version)], source: "10.0.0.9")[0]
    }

    /// Creates a draft and takes it to `approved` (alice writes, bob approves).
    static func approved(_ store: Store, _ seconds: Int = 0) async throws -> StoredWarning {
        let w = draft(seconds)
        try await store.saveWarnings([.create(w, at: t0)], source: "10.0.0.9")
        try await move(store, w.id, .submit, by: "alice")
        return try await move(store, w.id, .approve, by: "bob")
    }
}

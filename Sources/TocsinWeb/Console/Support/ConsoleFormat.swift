import Foundation
import TocsinCore
import TocsinStorage

/// How values look on console pages: Beijing time, level badges with their word (never colour
/// alone), states, carriers and durations in the reader's language.
enum ConsoleFormat {
    static func time(_ date: Date?) -> String { date.map { BeijingTime.format($0) } ?? "—" }
    static func timeSeconds(_ date: Date?) -> String { date.map { BeijingTime.format($0, seconds: true) } ?? "—" }

    /// The value of an `<input type="datetime-local">` in Beijing time.
    static func inputTime(_ date: Date) -> String { BeijingTime.format(date).replacingOccurrences(of: " ", with: "T") }

    /// `{value, label}` for a level badge: `红色 Ⅰ级` / `Red (I)`.
    static func level(_ level: WarningLevel, _ lang: ConsoleLanguage) -> [String: Any] {
        let label = lang == .zh ? "\(level.colourZH)预警 \(level.roman)级" : "\(lang.t("level_\(level.rawValue)")) (\(level.roman))"
        return ["value": level.rawValue, "label": label]
    }

    static func state(_ state: WarningState, _ lang: ConsoleLanguage) -> [String: Any] {
        ["value": state.rawValue, "label": lang == .zh ? state.nameZH : lang.t("state_\(state.rawValue)")]
    }

    static func carrier(_ raw: String, _ lang: ConsoleLanguage) -> String {
        guard let c = Carrier(rawValue: raw) else { return raw }
        return carrier(c, lang)
    }

    static func carrier(_ c: Carrier, _ lang: ConsoleLanguage) -> String { lang == .zh ? c.nameZH : lang.t("carrier_\(c.rawValue)") }

    static func duration(_ d: Duration?, _ lang: ConsoleLanguage) -> String {
        guard let d else { return "—" }
        let s = Int(d.components.seconds)
        if s < 60 { return "\(s) \(lang.t("unit_s"))" }
        if s < 3600 { return "\(s / 60) \(lang.t("unit_min")) \(s % 60) \(lang.t("unit_s"))" }
        return "\(s / 3600) \(lang.t("unit_h")) \(s % 3600 / 60) \(lang.t("unit_min"))"
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0 %" }
        let p = Double(part) * 100 / Double(whole)
        return p >= 99.95 || p == 0 ? "\(Int(p.rounded())) %" : String(format: "%.1f %%", p)
    }

    /// Region names for codes, joined.
    static func regions(_ codes: [String], _ catalogue: RegionCatalogue) -> String {
        codes.map { catalogue.byCode[$0]?.nameZH ?? $0 }.joined(separator: "、")
    }

    /// The row of a warning list: id, level, state, headline, regions, author, times.
    static func warningRow(_ s: StoredWarning, _ lang: ConsoleLanguage, regions: RegionCatalogue, hazards: HazardCatalogue) -> [String: Any] {
        let w = s.warning
        return [
            "id": w.id.description, "href": "/console/warnings/\(w.id)", "level": level(w.level, lang), "state": state(w.state, lang),
            "headline": w.headline, "hazard": hazards.byCode[w.hazardCode]?.nameZH ?? w.hazardCode, "regions": self.regions(w.regionCodes, regions),
            "author": w.author, "updated": time(s.updatedAt), "created": time(s.createdAt), "drill": w.mode.isDrillOrTest,
            "mode": lang.t("mode_\(w.mode.rawValue)"), "msgType": lang.t("msgtype_\(w.msgType.rawValue)"), "isFollowUp": w.msgType != .alert,
        ]
    }
}

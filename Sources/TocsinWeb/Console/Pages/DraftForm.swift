import Foundation
import TocsinCore
import TocsinStorage

/// The warning editor's fields: read from a submitted form into `DraftInput`, and back into the
/// values the template shows (with the catalogues as choices and the live preview).
struct DraftForm {
    var hazardCode: String
    var level: WarningLevel
    var regionCodes: [String]
    var effective: Date
    var expires: Date
    var headline: String?
    var sms: String?
    var body: String?
    var drill: Bool
    var useSubscriptions: Bool
    var groupIDs: Set<Int64>
    var contactIDs: Set<Int64>
    var excludedIDs: Set<Int64>

    /// A fresh form: 暴雨 when the catalogue has it, blue, effective at the next five minutes for six hours.
    static func fresh(hazards: HazardCatalogue, now: Date, hazard: String?, level: String?) -> DraftForm {
        let start = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 300).rounded(.up) * 300)
        let code = hazard.flatMap { hazards.find($0)?.code } ?? hazards.find("11B03")?.code ?? hazards.all.first?.code ?? ""
        return DraftForm(hazardCode: code, level: level.flatMap(WarningLevel.init(token:)) ?? .blue, regionCodes: [], effective: start,
                         expires: start.addingTimeInterval(6 * 3600), drill: false, useSubscriptions: true, groupIDs: [], contactIDs: [], excludedIDs: [])
    }

    /// The form of a stored warning (editing a draft).
    init(_ w: Warning) {
        self.init(hazardCode: w.hazardCode, level: w.level, regionCodes: w.regionCodes, effective: w.effective, expires: w.expires,
                  headline: w.headline, sms: w.smsText, body: w.body, drill: w.mode.isDrillOrTest,
                  useSubscriptions: w.targeting.useHazardSubscriptions, groupIDs: w.targeting.groupIDs, contactIDs: w.targeting.contactIDs,
                  excludedIDs: w.targeting.excludedContactIDs)
    }

    init(hazardCode: String, level: WarningLevel, regionCodes: [String], effective: Date, expires: Date, headline: String? = nil, sms: String? = nil,
         body: String? = nil, drill: Bool, useSubscriptions: Bool, groupIDs: Set<Int64>, contactIDs: Set<Int64>, excludedIDs: Set<Int64>) {
        self.hazardCode = hazardCode
        self.level = level
        self.regionCodes = regionCodes
        self.effective = effective
        self.expires = expires
        self.headline = headline
        self.sms = sms
        self.body = body
        self.drill = drill
        self.useSubscriptions = useSubscriptions
        self.groupIDs = groupIDs
        self.contactIDs = contactIDs
        self.excludedIDs = excludedIDs
    }

    /// Reads a submitted editor form. Throws `ConsoleError.badInput` naming the field that is wrong.
    init(_ form: ConsoleForm, _ lang: ConsoleLanguage) throws {
        guard let level = form.value("level").flatMap(WarningLevel.init(token:)) else { throw ConsoleError.badInput(lang.t("bad_level")) }
        func time(_ name: String) throws -> Date {
            guard let text = form.text(name), let date = BeijingTime.parse(text) else {
                throw ConsoleError.badInput(lang.t("bad_time").replacingOccurrences(of: "{field}", with: lang.t(name == "effective" ? "effective" : "expires")))
            }
            return date
        }
        func ids(_ name: String) throws -> Set<Int64> {
            var out: Set<Int64> = []
            for token in (form.value(name) ?? "").split(whereSeparator: { ", ，;\n\t".contains($0) }) {
                guard let id = Int64(token), id > 0 else {
                    throw ConsoleError.badInput(lang.t("bad_contact_id").replacingOccurrences(of: "{value}", with: String(token)))
                }
                out.insert(id)
            }
            return out
        }
        self.init(hazardCode: form.text("hazard") ?? "", level: level, regionCodes: form.values("region"), effective: try time("effective"),
                  expires: try time("expires"), headline: form.text("headline"), sms: form.text("sms"), body: form.text("body"),
                  drill: form.flag("drill"), useSubscriptions: form.flag("subscriptions"), groupIDs: Set(try form.values("group").map { v in
                      guard let id = Int64(v) else { throw ConsoleError.badInput(lang.t("bad_group")) }
                      return id
                  }), contactIDs: try ids("contacts"), excludedIDs: try ids("exclude"))
    }

    /// The input for the warning service; texts left empty come from the template.
    var input: DraftInput {
        DraftInput(hazardCode: hazardCode, level: level, regionCodes: regionCodes, effective: effective, expires: expires,
                   headline: headline, smsText: sms, body: body,
                   targeting: TargetingRule(useHazardSubscriptions: useSubscriptions, groupIDs: groupIDs, regionCodes: Set(regionCodes),
                                            contactIDs: contactIDs, excludedContactIDs: excludedIDs),
                   mode: drill ? .drill : .actual)
    }

    /// The same form with the texts the template gives (the editor's starting point).
    func withTemplateTexts(_ w: Warning) -> DraftForm {
        var f = self
        f.headline = f.headline ?? w.headline
        f.sms = f.sms ?? w.smsText
        f.body = f.body ?? w.body
        return f
    }

    /// The editor's values with the catalogues as choices.
    func data(_ lang: ConsoleLanguage, hazards: HazardCatalogue, regions: RegionCatalogue, groups: [ContactGroup]) -> [String: Any] {
        func idList(_ s: Set<Int64>) -> String { s.sorted().map(String.init).joined(separator: ", ") }
        return [
            "hazards": hazards.all.map { ["code": $0.code, "name": $0.nameZH, "selected": $0.code == hazardCode] },
            "levels": WarningLevel.allCases.map { l -> [String: Any] in
                var d = ConsoleFormat.level(l, lang)
                d["selected"] = l == level
                return d
            },
            "regions": regions.all.map { ["code": $0.code, "name": $0.nameZH, "selected": regionCodes.contains($0.code)] },
            "groups": groups.compactMap { g in g.id.map { ["id": $0, "name": g.name, "selected": groupIDs.contains($0)] } },
            "hasGroups": !groups.isEmpty,
            "effective": ConsoleFormat.inputTime(effective), "expires": ConsoleFormat.inputTime(expires),
            "headline": headline ?? "", "sms": sms ?? "", "body": body ?? "", "drill": drill, "useSubscriptions": useSubscriptions,
            "contacts": idList(contactIDs), "exclude": idList(excludedIDs),
        ]
    }
}

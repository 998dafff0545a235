import Foundation
import Testing
@testable import TocsinCore

@Suite struct TemplateTextTests {
    @Test func rendersVariablesAndEscapedBraces() throws {
        #expect(try TemplateText.render("{a}发布{b}", values: ["a": "甲", "b": "乙"]) == "甲发布乙")
        #expect(try TemplateText.render("{{literal}} {a}", values: ["a": "x"]) == "{literal} x")
        #expect(try TemplateText.render("无变量", values: [:]) == "无变量")
        #expect(try TemplateText.variables(in: "{a}{b}{a}") == ["a", "b"])
    }

    @Test func unknownVariablesAreNamed() {
        let error = #expect(throws: DomainError.self) { try TemplateText.render("{region}{town}{street}", values: ["region": "朝阳区"]) }
        #expect(error?.code == .unknownTemplateVariable)
        #expect(error?.message.contains("{town}, {street}") == true)
        #expect(error?.message.contains("known: {region}") == true)
    }

    @Test(arguments: ["{region", "region}", "{}", "{地区}", "{a b}", "x{y"])
    func malformedTemplates(_ text: String) {
        let error = #expect(throws: DomainError.self) { try TemplateText.render(text, values: ["region": "x", "y": "y"]) }
        #expect(error?.code == .malformedTemplate)
    }
}

@Suite struct WarningTemplateTests {
    typealias F = WarningFixtures
    let rain = HazardCatalogue.default.find("暴雨")!

    func variables(_ level: WarningLevel, guidance: DefenceGuidance?) -> TemplateVariables {
        TemplateVariables(hazard: rain, level: level, regionNames: ["朝阳区", "海淀区"], issuer: "北京市气象台",
                          time: F.t0.addingTimeInterval(5 * 60), effective: F.t0, expires: F.t0.addingTimeInterval(18 * 3600), guidance: guidance)
    }

    @Test func standardTemplateRendersARealisticWarning() throws {
        let template = try #require(WarningTemplateLibrary.standard().template(for: "11B03", level: .orange))
        let text = try template.render(variables(.orange, guidance: GuidanceLibrary.standard.guidance(for: "11B03", level: .orange)))
        #expect(text.headline == "北京市气象台发布暴雨橙色预警信号")
        #expect(text.smsText == "北京市气象台7月30日14时05分发布暴雨橙色预警信号：预计朝阳区、海淀区3小时内降雨量将达50毫米以上，或已达50毫米以上且降雨可能持续。各相关部门按职责启动防范暴雨的应急工作。")
        #expect(text.body.contains("[Ⅱ级/严重]"))
        #expect(text.body.contains("有效期7月30日14时至7月31日8时"))
        #expect(text.body.contains("防御指南：1. 各相关部门"))
        #expect(!text.smsText.contains("{"))
    }

    @Test func everyStandardTemplateFitsFourSegmentsAndLintsClean() throws {
        let library = WarningTemplateLibrary.standard()
        #expect(library.templates.count == 36)
        for template in library.templates.values {
            try template.check()
            let hazard = try #require(HazardCatalogue.default.byCode[template.hazardCode])
            let vars = TemplateVariables(hazard: hazard, level: template.level, regionNames: ["门头沟区", "石景山区", "北京经济技术开发区"],
                                         issuer: "北京市气象台", time: F.t0, effective: F.t0, expires: F.t0.addingTimeInterval(3600),
                                         guidance: GuidanceLibrary.standard.guidance(for: template.hazardCode, level: template.level))
            let text = try template.render(vars)
            let preview = SMSPreview(text: text.smsText, signature: F.signature)
            #expect(preview.segmentCount <= 4, "\(hazard.nameZH)\(template.level.colourZH): \(preview.segmentCount) segments")
            var w = F.rainstorm(level: template.level)
            w.hazardCode = template.hazardCode
            w.regionCodes = ["110109", "110107", "110400"]
            w.headline = text.headline
            w.smsText = text.smsText
            w.body = text.body
            let findings = ContentLint().check(w, hazards: .default, regions: .beijing)
            #expect(findings.isEmpty, "\(hazard.nameZH)\(template.level.colourZH): \(findings.map(\.code.rawValue))")
        }
    }

    @Test func withoutGuidanceTheGuidanceVariablesAreUnknown() throws {
        let template = try #require(WarningTemplateLibrary.standard().template(for: "11B03", level: .blue))
        let error = #expect(throws: DomainError.self) { try template.render(variables(.blue, guidance: nil)) }
        #expect(error?.code == .unknownTemplateVariable)
        #expect(error?.message.hasPrefix("SMS text: unknown template variables {criterion}, {advice}") == true)
    }

    @Test func checkingATemplateNamesTheField() {
        let bad = WarningTemplate(hazardCode: "11B03", level: .red, headline: "{hazard}{colour}", smsText: "{region}", body: "")
        let error = #expect(throws: DomainError.self) { try bad.check() }
        #expect(error?.code == .unknownTemplateVariable)
        #expect(error?.message.hasPrefix("headline: unknown template variable {colour}") == true)
        let broken = WarningTemplate(hazardCode: "11B03", level: .red, headline: "", smsText: "", body: "{guidance")
        #expect((#expect(throws: DomainError.self) { try broken.check() })?.code == .malformedTemplate)
    }

    @Test func extraVariablesOverrideAndAdd() throws {
        var v = variables(.red, guidance: nil)
        v = TemplateVariables(values: v.values.merging(["region": "全市", "rain": "120毫米"]) { _, n in n })
        #expect(try TemplateText.render("{region}{rain}", values: v.values) == "全市120毫米")
        #expect(TemplateVariables.chineseTime(F.t0.addingTimeInterval(9 * 60)) == "7月30日14时09分")
    }
}

@Suite struct DefenceGuidanceTests {
    static let required = ["暴雨", "大风", "高温", "暴雪", "寒潮", "雷电", "大雾", "道路结冰", "台风"]

    @Test(arguments: required)
    func everyRequiredHazardHasAllFourLevels(_ name: String) throws {
        let hazard = try #require(HazardCatalogue.default.find(name))
        for level in WarningLevel.allCases {
            let g = try #require(GuidanceLibrary.standard.guidance(for: hazard.code, level: level), "\(name) \(level)")
            #expect(g.tips.count >= 3)
            #expect(!g.criterion.isEmpty)
            #expect(g.text.hasPrefix("1. "))
            #expect(g.advice.hasSuffix("。"))
            // Guidance never names a colour, so it cannot contradict the warning's level.
            let colours = WarningLevel.allCases.map(\.colourZH)
            #expect(!colours.contains { g.text.contains($0) || g.criterion.contains($0) })
        }
    }

    @Test func levelsEscalate() throws {
        let rain = GuidanceLibrary.standard
        #expect(rain.guidance(for: "11B03", level: .red)?.criterion.contains("100毫米") == true)
        #expect(rain.guidance(for: "11b03", level: .blue)?.criterion.contains("12小时") == true)
        #expect(rain.hazardCodes.count == 9)
        #expect(rain.guidance(for: "11B09", level: .blue)?.isNationalSignal == false)
        #expect(rain.guidance(for: "11B09", level: .red)?.isNationalSignal == true)
        #expect(rain.guidance(for: "11B07", level: .red) == nil)
    }
}

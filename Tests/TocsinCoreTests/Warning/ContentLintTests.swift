import Foundation
import Testing
@testable import TocsinCore

@Suite struct ContentLintTests {
    typealias F = WarningFixtures
    let lint = ContentLint()

    func codes(_ w: Warning, now: Date? = nil, lint: ContentLint = ContentLint()) -> [LintFinding.Code] {
        lint.check(w, hazards: .default, regions: .beijing, now: now).map(\.code)
    }

    @Test func aGoodWarningIsClean() {
        #expect(codes(F.rainstorm(), now: F.t0).isEmpty)
    }

    @Test func levelWordMustMatch() {
        var w = F.rainstorm(level: .yellow)
        w.smsText = w.smsText.replacingOccurrences(of: "黄色", with: "橙色")
        let findings = lint.check(w, hazards: .default, regions: .beijing)
        #expect(findings.map(\.code) == [.levelWordMissing, .levelWordConflict])
        #expect(findings.allSatisfy { $0.severity == .error && $0.field == "sms_text" })
        #expect(findings[1].messageZH.contains("橙色"))
        #expect(findings[1].messageEN.contains("orange"))
    }

    @Test func anUpdateMayNameThePreviousLevel() {
        var w = F.rainstorm(level: .orange)
        w.msgType = .update
        w.smsText = "北京市气象台将暴雨黄色预警信号升级为暴雨橙色预警信号：朝阳区、海淀区3小时内降雨量将达50毫米以上。"
        let findings = lint.check(w, hazards: .default, regions: .beijing)
        #expect(findings.map(\.code) == [.levelWordConflict])
        #expect(findings.first?.severity == .warning)
    }

    @Test func regionsNamedMustBeTargeted() {
        var w = F.rainstorm()
        w.smsText += "丰台、通州也可能受影响。"
        let findings = lint.check(w, hazards: .default, regions: .beijing)
        #expect(findings.map(\.code) == [.regionNotTargeted])
        #expect(findings[0].messageZH.contains("丰台区、通州区"))
        #expect(findings[0].messageEN.contains("丰台区, 通州区"))
    }

    @Test func targetedRegionsMustBeNamed() {
        var w = F.rainstorm()
        w.regionCodes.append("110119")
        let findings = lint.check(w, hazards: .default, regions: .beijing)
        #expect(findings.map(\.code) == [.regionNotMentioned])
        #expect(findings[0].messageZH.contains("延庆区"))
    }

    @Test func theIssuerAndParentRegionsDoNotCountAsStrayRegions() {
        var w = F.rainstorm()
        w.smsText = "北京市气象台发布暴雨黄色预警信号：北京市朝阳区、海淀区将出现暴雨。"
        #expect(codes(w).isEmpty)
    }

    @Test func aCityWideWarningMayNameDistrictsOrSayWholeCity() {
        var w = F.rainstorm()
        w.regionCodes = ["110000"]
        #expect(codes(w).isEmpty) // names 朝阳区 and 海淀区, both inside the city
        w.smsText = "北京市气象台发布暴雨黄色预警信号：预计全市将出现暴雨。"
        #expect(codes(w).isEmpty)
        w.smsText = "北京市气象台发布暴雨黄色预警信号：预计将出现暴雨。"
        #expect(codes(w) == [.regionNotMentioned])
    }

    @Test func signatureIsChecked() {
        var w = F.rainstorm()
        w.signature = ""
        #expect(codes(w) == [.signatureMissing])
        w.signature = "北京市预警信息发布中心"
        #expect(codes(w) == [.signatureMalformed])
        w.signature = F.signature
        w.smsText = F.signature + w.smsText
        #expect(codes(w) == [.signatureDuplicated])
    }

    @Test func validityIsChecked() {
        var w = F.rainstorm()
        w.expires = w.effective
        #expect(codes(w) == [.expiryNotAfterEffective])
        #expect(codes(F.rainstorm(), now: F.t0.addingTimeInterval(18 * 3600)) == [.alreadyExpired])
    }

    @Test func lengthIsCheckedAgainstTheConfiguredMaximum() {
        let w = F.rainstorm() // 73 units with the signature: 2 segments
        #expect(codes(w, lint: ContentLint(configuration: SMSConfiguration(maxSegments: 2))).isEmpty)
        let strict = ContentLint(configuration: SMSConfiguration(maxSegments: 1))
        let findings = strict.check(w, hazards: .default, regions: .beijing)
        #expect(findings.map(\.code) == [.tooManySegments])
        #expect(findings[0].messageZH.contains("需2条"))
    }

    @Test func emptyFieldsAreErrorsAndSortFirst() {
        var w = F.rainstorm()
        w.headline = "  "
        w.smsText = ""
        let findings = lint.check(w, hazards: .default, regions: .beijing)
        #expect(findings.prefix(2).map(\.code) == [.headlineEmpty, .smsTextEmpty])
        #expect(findings.first?.severity == .error)
        #expect(zip(findings, findings.dropFirst()).allSatisfy { $0.severity <= $1.severity })
    }

    @Test func hazardNameMustAppear() {
        var w = F.rainstorm()
        w.headline = "北京市气象台发布黄色预警信号"
        let findings = lint.check(w, hazards: .default, regions: .beijing)
        #expect(findings.map(\.code) == [.hazardNameMissing])
        #expect(findings[0].field == "headline")
        #expect(findings[0].severity == .warning)
        w.hazardCode = "11B99"
        #expect(codes(w) == [.unknownHazard])
    }

    @Test func everyFindingIsBilingual() {
        var w = F.rainstorm()
        w.headline = ""
        w.smsText = "台风红色：丰台"
        w.signature = "x"
        w.expires = w.effective
        let findings = lint.check(w, hazards: .default, regions: .beijing)
        #expect(findings.count >= 6)
        #expect(findings.allSatisfy { !$0.messageZH.isEmpty && !$0.messageEN.isEmpty && $0.messageZH != $0.messageEN })
    }
}

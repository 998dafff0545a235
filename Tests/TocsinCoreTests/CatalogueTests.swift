import Foundation
import Testing
@testable import TocsinCore

@Suite struct CatalogueTests {
    @Test func beijingHasSixteenDistrictsAndTheDevelopmentArea() {
        let all = RegionCatalogue.beijing.all
        #expect(all.filter { $0.parentCode == "110000" }.count == 17)
        #expect(RegionCatalogue.beijing.find("朝阳区")?.code == "110105")
        #expect(RegionCatalogue.beijing.find("朝阳")?.code == "110105")
        #expect(RegionCatalogue.beijing.find("110108")?.nameZH == "海淀区")
        #expect(RegionCatalogue.beijing.find("北京经济技术开发区")?.code == "110400")
        #expect(RegionCatalogue.beijing.find("浦东新区") == nil)
        #expect(RegionCatalogue.beijing.descendants(of: "110000").count == 18)
        #expect(RegionCatalogue.beijing.descendants(of: "110105") == ["110105"])
    }

    @Test func regionCSVRequiresParentsFirst() {
        #expect(throws: DomainError.self) { try RegionCatalogue(csv: "310115,浦东新区,310000\n310000,上海市,") }
        let shanghai = try? RegionCatalogue(csv: "code,name,parent_code\n310000,上海市,\n310115,浦东新区,310000\n310115001,潍坊新村街道,310115")
        #expect(shanghai?.descendants(of: "310000").count == 3)
    }

    @Test func levels() {
        #expect(WarningLevel(token: "红色") == .red)
        #expect(WarningLevel(token: "Ⅱ") == .orange)
        #expect(WarningLevel(token: "iii") == .yellow)
        #expect(WarningLevel(token: "4") == .blue)
        #expect(WarningLevel(token: "purple") == nil)
        #expect(WarningLevel.red.isAtLeast(.orange))
        #expect(!WarningLevel.yellow.isAtLeast(.orange))
        #expect(WarningLevel.allCases.sorted() == [.red, .orange, .yellow, .blue])
    }

    @Test func hazards() {
        #expect(HazardCatalogue.default.find("暴雨")?.code == "11B03")
        #expect(HazardCatalogue.default.find("11b01")?.nameZH == "台风")
        #expect(HazardCatalogue.default.all.allSatisfy { $0.category == .natural })
        #expect(EventCategory.allCases.count == 4)
    }
}

@Suite struct AddressBookValueTests {
    @Test func quietHoursAcrossMidnight() throws {
        let q = try QuietHours(parsing: "22:00-07:00")
        #expect(q.contains(minuteOfDay: 23 * 60))
        #expect(q.contains(minuteOfDay: 6 * 60 + 59))
        #expect(!q.contains(minuteOfDay: 7 * 60))
        #expect(!q.allows(.blue, atMinuteOfDay: 3 * 60))
        #expect(q.allows(.red, atMinuteOfDay: 3 * 60))
        #expect(!q.allows(.orange, atMinuteOfDay: 3 * 60))
        #expect(try QuietHours(parsing: "22:00-07:00", orangeOverrides: true).allows(.orange, atMinuteOfDay: 3 * 60))
        #expect(q.allows(.blue, atMinuteOfDay: 12 * 60))
        #expect(q.text == "22:00-07:00")
        #expect(throws: DomainError.self) { try QuietHours(parsing: "25:00-07:00") }
        #expect(throws: DomainError.self) { try QuietHours(parsing: "07:00-07:00") }
    }

    @Test func temporaryUsersExpireByThemselves() throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let c = Contact(name: "临时", numbers: [try PhoneNumber(parsing: "13800138000")], validFrom: start, validUntil: start + 3600)
        #expect(!c.isValid(at: start - 1))
        #expect(c.isValid(at: start))
        #expect(c.isValid(at: start + 3599))
        #expect(!c.isValid(at: start + 3600))
        #expect(Contact(name: "常驻", numbers: []).isValid(at: start))
    }

    @Test func fingerprintIgnoresOrderButNotContent() throws {
        let a = try PhoneNumber(parsing: "13800138000"), b = try PhoneNumber(parsing: "13900139000")
        let r1 = ContactRecord(contact: Contact(name: "王伟", numbers: [a, b]), organisationName: "市应急局", groupNames: ["甲", "乙"])
        let r2 = ContactRecord(contact: Contact(name: "王伟", numbers: [b, a]), organisationName: "市应急局", groupNames: ["乙", "甲"])
        var r3 = r1
        r3.contact.title = "局长"
        #expect(r1.fingerprint == r2.fingerprint)
        #expect(r1.fingerprint != r3.fingerprint)
        #expect(r1.fingerprint.count == 16)
    }

    @Test func subscriptionMatching() {
        let s = Subscription(subject: .group(1), hazardCode: "11B03", minimumLevel: .orange)
        #expect(s.matches(hazardCode: "11B03", level: .red))
        #expect(s.matches(hazardCode: "11B03", level: .orange))
        #expect(!s.matches(hazardCode: "11B03", level: .yellow))
        #expect(!s.matches(hazardCode: "11B01", level: .red))
        #expect(Subscription(subject: .contact(1), hazardCode: nil).matches(hazardCode: "11B01", level: .blue))
    }
}

@Suite struct BeijingTimeTests {
    @Test(arguments: [
        ("2026-12-01", 1_796_054_400.0),
        ("2026-12-01 08:00", 1_796_083_200.0),
        ("2026/12/01 08:00:30", 1_796_083_230.0),
        ("2026-12-01T08:00:00+08:00", 1_796_083_200.0),
        ("2026-12-01T00:00:00Z", 1_796_083_200.0),
        ("2024-02-29 23:59", 1_709_222_340.0),
    ])
    func parses(text: String, epoch: Double) {
        #expect(BeijingTime.parse(text) == Date(timeIntervalSince1970: epoch))
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "2026-12-01 24:00", "2026-12-1", "1.5", "", "2026-12-01 08:00+0860"])
    func rejects(text: String) {
        #expect(BeijingTime.parse(text) == nil)
    }

    @Test func formatsAndRoundTrips() {
        let d = Date(timeIntervalSince1970: 1_796_083_230)
        #expect(BeijingTime.format(d) == "2026-12-01 08:00")
        #expect(BeijingTime.format(d, seconds: true) == "2026-12-01 08:00:30")
        for epoch in stride(from: -86_400.0 * 400, to: 86_400.0 * 40_000, by: 86_400.0 * 37 + 3_671) {
            let date = Date(timeIntervalSince1970: epoch)
            #expect(BeijingTime.parse(BeijingTime.format(date, seconds: true)) == date)
        }
    }
}

import Foundation
import Testing
@testable import TocsinCore

@Suite struct WarningIdentifierTests {
    let unit = try! IssuingUnitCode(regionCode: "110000", agencyCode: "416")
    /// 2024-07-30 14:05:09 Beijing time = 06:05:09 UTC.
    let instant = Date(timeIntervalSince1970: 1_722_319_509)

    @Test func formatsTheIssuingUnitWithDefaults() throws {
        #expect(unit.description == "11000041600000")
        let full = try IssuingUnitCode(regionCode: "110105", agencyCode: "416", subCode: "012", extensionCode: "07")
        #expect(full.description == "11010541601207")
    }

    @Test func makesBeijingTimeIdentifiers() throws {
        let id = try WarningIdentifier(unit: unit, enteredAt: instant, sequence: 3)
        #expect(id.description == "11000041600000_20240730140509_3")
        #expect(id.description.count == 31)
        #expect(id.enteredAt == instant)
    }

    @Test func beijingTimeCrossesMidnightAheadOfUTC() throws {
        // 2024-12-31 16:30:00 UTC is already 2025-01-01 00:30 in Beijing.
        let id = try WarningIdentifier(unit: unit, enteredAt: Date(timeIntervalSince1970: 1_735_662_600))
        #expect(id.entryTime == "20250101003000")
    }

    @Test func parsesAndRoundTrips() throws {
        let id = try WarningIdentifier(parsing: "44040041600000_20210830130023_0")
        #expect(id.unit.regionCode == "440400")
        #expect(id.unit.agencyCode == "416")
        #expect(id.unit.subCode == "000")
        #expect(id.unit.extensionCode == "00")
        #expect(id.sequence == 0)
        #expect(id.description == "44040041600000_20210830130023_0")
        let json = try JSONEncoder().encode(id)
        #expect(String(decoding: json, as: UTF8.self) == "\"44040041600000_20210830130023_0\"")
        #expect(try JSONDecoder().decode(WarningIdentifier.self, from: json) == id)
    }

    @Test func acceptsTheFeedFileNameOnlyWhenAskedTo() throws {
        #expect(throws: DomainError.self) { try WarningIdentifier(parsing: "44040041600000_20210830130023") }
        let id = try WarningIdentifier(parsing: "44040041600000_20210830130023", allowMissingSequence: true)
        #expect(id.sequence == 0)
    }

    @Test(arguments: [
        "",
        "11000041600000_20240730140509",          // no sequence
        "1100004160000_20240730140509_1",         // 13-digit unit
        "110000416000000_20240730140509_1",       // 15-digit unit
        "11000041600000_20240730140509_10",       // two-digit sequence
        "11000041600000_20240730140509_x",
        "11000041600000_2024073014050_1",         // 13-digit time
        "11000041600000_20240230140509_1",        // 30 February
        "11000041600000_20241301140509_1",        // month 13
        "11000041600000_20240730250509_1",        // hour 25
        "11000041600000_20240730146009_1",        // minute 60
        "00000041600000_20240730140509_1",        // province 00
        "9900004160000A_20240730140509_1",        // letter
        "11000041600000-20240730140509-1",
        "11000041600000_20240730140509_1_2",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(throws: DomainError.self) { try WarningIdentifier(parsing: text) }
        do { _ = try WarningIdentifier(parsing: text) } catch { #expect(error.code == .invalidIdentifier) }
    }

    @Test func validatesParts() {
        #expect(throws: DomainError.self) { try IssuingUnitCode(regionCode: "11000", agencyCode: "416") }
        #expect(throws: DomainError.self) { try IssuingUnitCode(regionCode: "110000", agencyCode: "41") }
        #expect(throws: DomainError.self) { try IssuingUnitCode(regionCode: "110000", agencyCode: "416", subCode: "1") }
        #expect(throws: DomainError.self) { try IssuingUnitCode(regionCode: "110000", agencyCode: "416", extensionCode: "0a") }
        #expect(throws: DomainError.self) { try IssuingUnitCode(regionCode: "830000", agencyCode: "416") }
        #expect(throws: DomainError.self) { try WarningIdentifier(unit: unit, enteredAt: instant, sequence: 10) }
        #expect(throws: DomainError.self) { try WarningIdentifier(unit: unit, enteredAt: instant, sequence: -1) }
    }

    @Test func generatorCountsWithinOneSecondAndResets() throws {
        var gen = WarningIdentifierGenerator(unit: unit)
        let ids = try (0..<10).map { _ in try gen.next(at: instant) }
        #expect(ids.map(\.sequence) == Array(0...9))
        #expect(Set(ids).count == 10)
        #expect(throws: DomainError.self) { try gen.next(at: instant.addingTimeInterval(0.5)) }
        do { _ = try gen.next(at: instant) } catch { #expect(error.code == .identifierExhausted) }
        let next = try gen.next(at: instant.addingTimeInterval(1))
        #expect(next.description == "11000041600000_20240730140510_0")
    }

    @Test func generatorNeverRepeatsWhenTheClockStepsBack() throws {
        var gen = WarningIdentifierGenerator(unit: unit, last: try WarningIdentifier(parsing: "11000041600000_20240730140509_4"))
        let id = try gen.next(at: instant.addingTimeInterval(-30))
        #expect(id.description == "11000041600000_20240730140509_5")
        #expect(gen.last == id)
    }

    @Test func ordersByEntryTime() throws {
        let a = try WarningIdentifier(parsing: "44040041600000_20210830130023_9")
        let b = try WarningIdentifier(parsing: "11000041600000_20210830130024_0")
        #expect(a < b)
    }
}

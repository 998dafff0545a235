import Foundation
import Testing
@testable import TocsinCore

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("13800138000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("+8613800138000", "13800138000"),
        ("0086-138-0013-8000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),
        (" 199 1234 5678 ", "19912345678"),
        ("(162) 1234-5678", "16212345678"),
    ])
    func normalises(raw: String, canonical: String) throws {
        #expect(try PhoneNumber(parsing: raw).digits == canonical)
    }

    @Test(arguments: [
        ("", "empty"),
        ("1380013800", "10 digits"),
        ("138001380001", "12 digits"),
        ("12800138000", "start with 13–19"),
        ("23800138000", "start with 13–19"),
        ("1380013800a", "contains 'a'"),
        ("010-12345678", "start with 13–19"),
        ("138+00138000", "contains '+'"),
    ])
    func rejects(raw: String, reasonContains: String) {
        #expect {
            try PhoneNumber(parsing: raw)
        } throws: { error in
            guard let e = error as? DomainError else { return false }
            return e.code == .invalidNumber && e.message.contains(reasonContains) && !(raw.count >= 11 && e.message.contains(raw))
        }
    }

    @Test func masksForLogs() throws {
        let n = try PhoneNumber(parsing: "13800138000")
        #expect(n.masked == "138****8000")
        #expect("\(n)" == "138****8000")
    }
}

@Suite struct CarrierDetectionTests {
    @Test(arguments: [
        ("13800138000", Carrier.chinaMobile), ("13400001111", .chinaMobile), ("13490001111", .chinaTelecom),
        ("19812345678", .chinaMobile), ("17031234567", .chinaMobile), ("17041234567", .chinaUnicom), ("17001234567", .chinaTelecom),
        ("13012345678", .chinaUnicom), ("16612345678", .chinaUnicom), ("19612345678", .chinaUnicom),
        ("13312345678", .chinaTelecom), ("19912345678", .chinaTelecom), ("16212345678", .chinaTelecom), ("19312345678", .chinaTelecom),
        ("19212345678", .chinaBroadnet),
    ])
    func bySegment(number: String, carrier: Carrier) throws {
        #expect(NumberSegmentTable.default.carrier(for: try PhoneNumber(parsing: number)) == carrier)
    }

    @Test func unallocatedSegmentIsUnknown() throws {
        #expect(NumberSegmentTable.default.carrier(for: try PhoneNumber(parsing: "14012345678")) == nil)
    }

    @Test func portedNumberOverridesSegment() throws {
        let n = try PhoneNumber(parsing: "13800138000")
        let resolver = CarrierResolver(ported: [n: .chinaTelecom])
        #expect(resolver.carrier(for: n) == .chinaTelecom)
        #expect(resolver.carrier(for: try PhoneNumber(parsing: "13800138001")) == .chinaMobile)
    }

    @Test func segmentCSVErrorsNameTheLine() {
        #expect(throws: DomainError.self) { try NumberSegmentTable(csv: "prefix,carrier\n138,mobile\n13x,mobile") }
        do {
            _ = try NumberSegmentTable(csv: "138,mobile\n139,martian")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("line 2") && error.message.contains("martian"))
        }
    }
}

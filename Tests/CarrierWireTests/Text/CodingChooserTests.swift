import Testing
@testable import CarrierWire

@Suite struct CodingChooserTests {
    @Test func chineseAlwaysGoesUCS2() throws {
        for profile in [CodingProfile.cmpp, .sgip, .smgp, .smpp()] {
            let entry = try CodingChooser.choose(for: "【预警】暴雨红色预警", profile: profile)
            #expect(entry == CodingProfile.Entry(.ucs2, 8), "\(profile.name)")
        }
    }

    @Test func asciiTextStaysSingleByte() throws {
        #expect(try CodingChooser.choose(for: "Test 12379", profile: .cmpp) == CodingProfile.Entry(.ascii, 0))
        #expect(try CodingChooser.choose(for: "Test 12379", profile: .smgp) == CodingProfile.Entry(.ascii, 0))
        #expect(try CodingChooser.choose(for: "Test 12379", profile: .smpp()) == CodingProfile.Entry(.gsm7, 0))
        #expect(try CodingChooser.choose(for: "Test 12379", profile: .smpp(defaultAlphabet: .latin1)) == CodingProfile.Entry(.ascii, 1))
    }

    @Test func picksFewestSegments() throws {
        // 150 plain characters: one GSM message, two ASCII segments → GSM even if listed later.
        let plain = String(repeating: "a", count: 150)
        #expect(try CodingChooser.choose(for: plain, allowed: [.ascii, .gsm7, .ucs2]) == .gsm7)
        // 140 braces: 280 septets (2 segments) in GSM, 140 octets (1 message) in ASCII.
        let braces = String(repeating: "{", count: 140)
        #expect(try CodingChooser.choose(for: braces, allowed: [.gsm7, .ascii, .ucs2]) == .ascii)
        // Ties go to the earlier coding.
        #expect(try CodingChooser.choose(for: "short", allowed: [.ascii, .gsm7]) == .ascii)
    }

    @Test func nonAsciiEuropeanText() throws {
        #expect(try CodingChooser.choose(for: "café €5", profile: .smpp()) == CodingProfile.Entry(.gsm7, 0))
        #expect(try CodingChooser.choose(for: "naïve", profile: .smpp()) == CodingProfile.Entry(.latin1, 3))
        #expect(try CodingChooser.choose(for: "naïve", profile: .cmpp) == CodingProfile.Entry(.ucs2, 8))
        #expect(try CodingChooser.choose(for: "Zażółć", profile: .smpp()) == CodingProfile.Entry(.ucs2, 8))
    }

    @Test func fallsBackToGBOnlyWithoutUCS2() throws {
        #expect(try CodingChooser.choose(for: "预警", allowed: [.ascii, .gbk]) == .gbk)
        #expect(try CodingChooser.choose(for: "预警😀", allowed: [.ascii, .gbk, .gb18030]) == .gb18030)
        let error = #expect(throws: TextError.self) { try CodingChooser.choose(for: "预警😀", allowed: [.ascii, .gbk]) }
        #expect(error?.code == .noSuitableCoding)
        #expect(throws: TextError.self) { try CodingChooser.choose(for: "x", allowed: []) }
    }
}

@Suite struct CodingProfileTests {
    @Test func outboundValues() {
        #expect(CodingProfile.cmpp.value(for: .ucs2) == 8)
        #expect(CodingProfile.cmpp.value(for: .gbk) == 15)
        #expect(CodingProfile.cmpp.value(for: .gsm7) == nil)
        #expect(CodingProfile.sgip.value(for: .gbk) == 15)
        #expect(CodingProfile.smgp.value(for: .gb18030) == 15)
        #expect(CodingProfile.smgp.value(for: .gbk) == nil)
        #expect(CodingProfile.smpp().value(for: .latin1) == 3)
        #expect(CodingProfile.smpp(defaultAlphabet: .latin1).value(for: .gsm7) == nil)
    }

    @Test func inboundValues() {
        #expect(CodingProfile.cmpp.coding(forValue: 9) == .ucs2)
        #expect(CodingProfile.cmpp.coding(forValue: 15) == .gbk)
        #expect(CodingProfile.smgp.coding(forValue: 15) == .gb18030)
        #expect(CodingProfile.cmpp.coding(forValue: 4) == nil)       // binary
        #expect(CodingProfile.cmpp.coding(forValue: 0x18) == .ucs2)  // GSM DCS: UCS2, class 0
        #expect(CodingProfile.smpp().coding(forValue: 0xF0) == .gsm7)
        #expect(CodingProfile.smpp().coding(forValue: 0xF4) == nil)
        #expect(CodingProfile.smpp().coding(forValue: 0x14) == nil)  // 8-bit data
        #expect(CodingProfile.smpp().coding(forValue: 0) == .gsm7)
        #expect(CodingProfile.smpp(defaultAlphabet: .latin1).coding(forValue: 0) == .latin1)
        #expect(CodingProfile.smpp(defaultAlphabet: .ascii).coding(forValue: 0) == .ascii)
    }
}

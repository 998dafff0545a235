import Testing
@testable import TocsinCore

@Suite struct SMSSegmentationTests {
    static let han = "测"
    static let emoji = "😀" // U+1F600: a surrogate pair in UTF-16

    @Test(arguments: [(0, 0), (1, 1), (140, 1), (141, 2), (268, 2), (269, 3), (402, 3), (403, 4)])
    func asciiCountsOctets(_ length: Int, _ segments: Int) {
        let s = SMSSegmentation(String(repeating: "a", count: length))
        #expect(s.encoding == .ascii)
        #expect(s.length == length)
        #expect(s.segmentCount == segments)
        #expect(s.segments.joined() == String(repeating: "a", count: length))
        #expect(s.segments.dropLast().allSatisfy { $0.utf8.count == 134 } || segments == 1)
    }

    @Test(arguments: [(1, 1), (70, 1), (71, 2), (134, 2), (135, 3), (201, 3), (202, 4)])
    func ucs2CountsCodeUnits(_ length: Int, _ segments: Int) {
        let text = String(repeating: Self.han, count: length)
        let s = SMSSegmentation(text)
        #expect(s.encoding == .ucs2)
        #expect(s.length == length)
        #expect(s.segmentCount == segments)
        #expect(s.segments.joined() == text)
        if segments > 1 { #expect(s.segments.dropLast().allSatisfy { $0.utf16.count == 67 }) }
    }

    @Test func oneNonASCIICharacterMakesItUCS2() {
        let s = SMSSegmentation(String(repeating: "a", count: 100) + "é")
        #expect(s.encoding == .ucs2)
        #expect(s.length == 101)
        #expect(s.segmentCount == 2)
    }

    @Test func aSurrogatePairCountsTwoUnits() {
        let fits = SMSSegmentation(String(repeating: Self.han, count: 68) + Self.emoji)
        #expect(fits.length == 70)
        #expect(fits.segmentCount == 1)
        let over = SMSSegmentation(String(repeating: Self.han, count: 69) + Self.emoji)
        #expect(over.length == 71)
        #expect(over.segmentCount == 2)
    }

    @Test func aStraddlingPairMovesWholeToTheNextSegment() {
        // Units 0…65 Han, 66–67 the pair: the first segment stops at 66 units.
        let text = String(repeating: Self.han, count: 66) + Self.emoji + String(repeating: Self.han, count: 10)
        let s = SMSSegmentation(text)
        #expect(s.segments.map { $0.utf16.count } == [66, 12])
        #expect(s.segments[1].hasPrefix(Self.emoji))
        #expect(s.segments.joined() == text)
    }

    @Test func aStraddlingPairCanCostASegment() {
        // 134 units would be exactly 2 × 67, but the pair at 66–67 pushes one unit into a third.
        let text = String(repeating: Self.han, count: 66) + Self.emoji + String(repeating: Self.han, count: 66)
        #expect(text.utf16.count == 134)
        let s = SMSSegmentation(text)
        #expect(s.segments.map { $0.utf16.count } == [66, 67, 1])
        #expect(s.segmentCount == 3)
        #expect(s.segments.allSatisfy { !$0.unicodeScalars.contains("\u{FFFD}") })
    }

    @Test func aPairNotOnABoundaryChangesNothing() {
        let text = Self.emoji + String(repeating: Self.han, count: 100)
        #expect(SMSSegmentation(text).segments.map { $0.utf16.count } == [67, 35])
    }
}

@Suite struct SMSPreviewTests {
    let sig = "【北京市预警信息发布中心】"

    @Test func composesWithTheSignature() {
        let p = SMSPreview(text: "测试", signature: sig)
        #expect(p.text == "【北京市预警信息发布中心】测试")
        #expect(p.length == 15)
        #expect(p.encoding == .ucs2)
        #expect(p.segmentCount == 1)
        let suffix = SMSPreview(text: "测试", signature: sig, configuration: SMSConfiguration(signaturePlacement: .suffix))
        #expect(suffix.text == "测试【北京市预警信息发布中心】")
    }

    @Test func aChineseSignatureMakesAnASCIITextUCS2() {
        let p = SMSPreview(text: String(repeating: "A", count: 60), signature: sig)
        #expect(p.encoding == .ucs2)
        #expect(p.length == 73)
        #expect(p.segmentCount == 2)
        let plain = SMSPreview(text: String(repeating: "A", count: 130), signature: "[TOCSIN]")
        #expect(plain.encoding == .ascii)
        #expect(plain.length == 138)
        #expect(plain.segmentCount == 1)
    }

    @Test func everyCarrierIsPreviewedWithItsProtocol() {
        let p = SMSPreview(warning: WarningFixtures.rainstorm())
        #expect(p.perCarrier.count == 4)
        #expect(p.perCarrier[.chinaMobile]?.protocolName == "CMPP")
        #expect(p.perCarrier[.chinaUnicom]?.protocolName == "SGIP")
        #expect(p.perCarrier[.chinaTelecom]?.protocolName == "SMGP")
        #expect(p.perCarrier[.chinaBroadnet]?.protocolName == "CMPP")
        #expect(p.perCarrier.values.allSatisfy { $0.segmentCount == p.segmentCount })
        #expect(!p.carriersDiffer)
        #expect(p.text.hasPrefix(sig))
        #expect(p.length == p.text.utf16.count)
        #expect(p.segmentCount == 2) // 13-character signature + a 60-character rainstorm text = 73 > 70
    }

    @Test func aConfiguredRuleShowsAsACarrierDifference() {
        // A gateway using the 7-byte UDH (06 08 04 …) fits 66 UCS-2 units per segment.
        let config = SMSConfiguration(segmentRules: [.chinaTelecom: SegmentRule(multiUCS2Units: 66)])
        let p = SMSPreview(text: String(repeating: "测", count: 121), signature: sig, configuration: config)
        #expect(p.length == 134)
        #expect(p.perCarrier[.chinaMobile]?.segmentCount == 2)
        #expect(p.perCarrier[.chinaTelecom]?.segmentCount == 3)
        #expect(p.carriersDiffer)
        #expect(p.maxSegmentCount == 3)
    }
}

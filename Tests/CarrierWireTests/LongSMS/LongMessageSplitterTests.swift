import Testing
@testable import CarrierWire

@Suite struct LongMessageSplitterTests {
    let splitter = LongMessageSplitter()
    let han = "预"

    @Test func singleMessageHasNoHeader() throws {
        let segments = try splitter.split("测试", coding: .ucs2, concatenation: .udh8(reference: 0x2A))
        #expect(segments == [MessageSegment(coding: .ucs2, udh: [], payload: hexBytes("6d4b8bd5"), number: 1, total: 1, reference: nil)])
        #expect(segments[0].content == hexBytes("6d4b8bd5"))
        #expect(!segments[0].hasHeader && !segments[0].isConcatenated)
        #expect(try splitter.split("", coding: .ascii, concatenation: .udh8(reference: 1)).map(\.payload) == [[]])
    }

    @Test func cmppSheetSplitExample() throws {
        // cmpp.md §8.4: 150 Chinese characters → 67 + 67 + 16; Msg_Length 140, 140, 38.
        let segments = try splitter.split(String(repeating: han, count: 150), coding: .ucs2, concatenation: .udh8(reference: 0x2A))
        #expect(segments.map(\.udh) == [hexBytes("0500032a0301"), hexBytes("0500032a0302"), hexBytes("0500032a0303")])
        #expect(segments.map(\.content.count) == [140, 140, 38])
        #expect(segments.map(\.payload.count) == [134, 134, 32])
        #expect(segments.map(\.number) == [1, 2, 3])
        #expect(segments.allSatisfy { $0.total == 3 && $0.reference == 0x2A && $0.hasHeader })
    }

    @Test func sheetSegmentHeaders() {
        // cmpp.md §13 / smpp.md §12 long-SMS segment: UDH 05 00 03 2a 02 01.
        #expect(Concatenation.udh8(reference: 0x2A).header(total: 2, number: 1) == hexBytes("0500032a0201"))
        #expect(Concatenation.udh16(reference: 0x1234).header(total: 3, number: 2) == hexBytes("06080412340302"))
        #expect(Concatenation.sar(reference: 0x1234).header(total: 3, number: 2).isEmpty)
    }

    @Test func sixteenBitReferenceSegments() throws {
        let segments = try splitter.split(String(repeating: han, count: 134), coding: .ucs2, concatenation: .udh16(reference: 0xBEEF))
        #expect(segments.map { $0.payload.count / 2 } == [66, 66, 2])
        #expect(segments[0].udh == hexBytes("060804beef0301"))
        #expect(segments.allSatisfy { $0.content.count <= 140 })
    }

    @Test func sarSegmentsCarryNoHeader() throws {
        let segments = try splitter.split(String(repeating: han, count: 71), coding: .ucs2, concatenation: .sar(reference: 0x1234))
        #expect(segments.count == 2)
        #expect(segments.allSatisfy { !$0.hasHeader && $0.reference == 0x1234 && $0.total == 2 })
        #expect(segments[0].payload.count == 132)
    }

    @Test(arguments: [
        // (coding, character, length, form, expected segments)
        (TextCoding.ucs2, "预", 70, Concatenation.Form.udh8, 1), (.ucs2, "预", 71, .udh8, 2),
        (.ucs2, "预", 134, .udh8, 2), (.ucs2, "预", 135, .udh8, 3),
        (.ucs2, "预", 132, .udh16, 2), (.ucs2, "预", 133, .udh16, 3),
        (.gbk, "预", 70, .udh8, 1), (.gbk, "预", 71, .udh8, 2), (.gbk, "预", 134, .udh8, 2), (.gbk, "预", 135, .udh8, 3),
        (.ascii, "a", 140, .udh8, 1), (.ascii, "a", 141, .udh8, 2), (.ascii, "a", 268, .udh8, 2), (.ascii, "a", 269, .udh8, 3),
        (.ascii, "a", 266, .udh16, 2), (.ascii, "a", 267, .udh16, 3),
        (.latin1, "é", 140, .udh8, 1), (.latin1, "é", 141, .udh8, 2),
        (.gsm7, "a", 160, .udh8, 1), (.gsm7, "a", 161, .udh8, 2), (.gsm7, "a", 306, .udh8, 2), (.gsm7, "a", 307, .udh8, 3),
        (.gsm7, "a", 304, .udh16, 2), (.gsm7, "a", 305, .udh16, 3),
        (.gsm7, "€", 80, .udh8, 1), (.gsm7, "€", 81, .udh8, 2),
    ])
    func segmentCountsAtTheLimits(coding: TextCoding, character: String, length: Int, form: Concatenation.Form, expected: Int) throws {
        let text = String(repeating: character, count: length)
        #expect(try splitter.segmentCount(text, coding: coding, form: form) == expected)
        let concatenation: Concatenation = switch form {
        case .udh8: .udh8(reference: 7)
        case .udh16: .udh16(reference: 7)
        case .sar: .sar(reference: 7)
        }
        #expect(try splitter.split(text, coding: coding, concatenation: concatenation).count == expected)
    }

    @Test func maxSegmentsLimit() throws {
        let limited = LongMessageSplitter(maxSegments: 2)
        #expect(try limited.split(String(repeating: han, count: 134), coding: .ucs2, concatenation: .udh8(reference: 1)).count == 2)
        let error = #expect(throws: TextError.self) {
            try limited.split(String(repeating: han, count: 135), coding: .ucs2, concatenation: .udh8(reference: 1))
        }
        #expect(error?.code == .tooManySegments)
        // segmentCount reports the need even above the limit.
        #expect(try limited.segmentCount(String(repeating: han, count: 135), coding: .ucs2) == 3)
        #expect(LongMessageSplitter(maxSegments: 0).maxSegments == 1)
        #expect(LongMessageSplitter(maxSegments: 1000).maxSegments == 255)
    }

    @Test func protocolCeilingOf255Segments() throws {
        let fits = String(repeating: "a", count: 134 * 255)
        let segments = try splitter.split(fits, coding: .ascii, concatenation: .udh8(reference: 9))
        #expect(segments.count == 255 && segments.last?.number == 255 && segments.last?.total == 255)
        #expect(throws: TextError.self) {
            try splitter.split(fits + "a", coding: .ascii, concatenation: .udh8(reference: 9))
        }
    }

    @Test func unencodableText() {
        let error = #expect(throws: TextError.self) {
            try splitter.split("ok 预警", coding: .gsm7, concatenation: .udh8(reference: 1))
        }
        #expect(error?.code == .unencodable && error?.scalarOffset == 3)
        #expect(throws: TextError.self) { try splitter.segmentCount("预警", coding: .ascii) }
    }
}

import Testing
@testable import CarrierWire

@Suite struct UCS2Tests {
    @Test func sheetExamples() {
        // protocols/README.md §1.1
        #expect(UCS2.encode("测试") == hexBytes("6d 4b 8b d5"))
        #expect(UCS2.encode("【预警】") == hexBytes("30 10 98 84 8b 66 30 11"))
        #expect(UCS2.decode(hexBytes("6d 4b 8b d5")) == "测试")
        #expect(UCS2.decode(hexBytes("30 10 98 84 8b 66 30 11")) == "【预警】")
        #expect(TextCoding.ucs2.decode(hexBytes("65 36 52 30")) == "收到")
    }

    @Test func surrogatePairs() {
        #expect(UCS2.encode("😀") == hexBytes("d8 3d de 00"))
        #expect(UCS2.encode("A𠀀") == hexBytes("00 41 d8 40 dc 00"))
        #expect(UCS2.decode(hexBytes("d8 3d de 00 00 41")) == "😀A")
    }

    @Test func invalidInputBecomesReplacementCharacter() {
        #expect(UCS2.decode(hexBytes("00 41 00")) == "A\u{FFFD}")
        #expect(UCS2.decode(hexBytes("d8 3d 00 41")) == "\u{FFFD}A")
        #expect(UCS2.decode(hexBytes("de 00")) == "\u{FFFD}")
        #expect(UCS2.decode([]) == "")
    }

    @Test func codingDispatchMatches() throws {
        let text = "预警 Warning 😀"
        #expect(try TextCoding.ucs2.encode(text) == UCS2.encode(text))
        #expect(TextCoding.ucs2.decode(UCS2.encode(text)) == text)
        #expect(TextCoding.ucs2.canEncode(text))
    }
}

@Suite struct SingleByteTextTests {
    @Test func asciiRoundTripAndRejection() throws {
        #expect(try ASCII.encode("Hi 12379") == Array("Hi 12379".utf8))
        #expect(ASCII.decode(Array("ok".utf8)) == "ok")
        #expect(ASCII.decode([0x41, 0x80, 0xFF]) == "A\u{FFFD}\u{FFFD}")
        #expect(ASCII.canEncode("plain") && !ASCII.canEncode("café"))
        let error = #expect(throws: TextError.self) { try ASCII.encode("ab中c") }
        #expect(error?.code == .unencodable)
        #expect(error?.scalarOffset == 2)
    }

    @Test func latin1RoundTripAndRejection() throws {
        #expect(try Latin1.encode("café") == [0x63, 0x61, 0x66, 0xE9])
        #expect(Latin1.decode([0x63, 0x61, 0x66, 0xE9, 0xFF]) == "café\u{FF}")
        let all = (0...255).map { UInt8($0) }
        #expect(try Latin1.encode(Latin1.decode(all)) == all)
        #expect(!Latin1.canEncode("€"))
        let error = #expect(throws: TextError.self) { try TextCoding.latin1.encode("€") }
        #expect(error?.code == .unencodable)
        #expect(error?.scalarOffset == 0)
    }

    @Test func errorTextHoldsNoContent() {
        let error = #expect(throws: TextError.self) { try ASCII.encode("secret 中") }
        #expect(error?.description.contains("secret") == false)
        #expect(error?.description.contains("中") == false)
    }
}

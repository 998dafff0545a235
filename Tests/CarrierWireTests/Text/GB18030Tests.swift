import Testing
@testable import CarrierWire

@Suite struct GB18030Tests {
    @Test func sheetExamples() throws {
        // protocols/README.md §1.1 and cmpp.md §13: GBK = GB18030 for these.
        #expect(GB18030.encode("测试") == hexBytes("b2 e2 ca d4"))
        #expect(try GB18030.encodeGBK("测试") == hexBytes("b2 e2 ca d4"))
        #expect(GB18030.encode("【预警】") == hexBytes("a1 be d4 a4 be af a1 bf"))
        #expect(GB18030.decode(hexBytes("b2 e2 ca d4")) == "测试")
        #expect(GB18030.decode(hexBytes("a1 be d4 a4 be af a1 bf")) == "【预警】")
    }

    @Test func fourByteCodes() {
        // Vectors from CPython's gb18030 codec.
        let cases: [(String, String)] = [
            ("\u{80}", "81308130"), ("\u{FFFF}", "8431a439"), ("\u{1E3F}", "8135f437"),
            ("😀", "9439fc36"), ("\u{10000}", "90308130"), ("\u{10FFFF}", "e3329a35"),
            ("𠀀", "95328236"),
        ]
        for (text, hex) in cases {
            #expect(hexString(GB18030.encode(text)) == hex, "\(hex)")
            #expect(GB18030.decode(hexBytes(hex)) == text, "\(hex)")
        }
        #expect(GB18030.decode(hexBytes("41 9439fc36 42 b2e2")) == "A😀B测")
    }

    @Test func gbkRejectsFourByteCharacters() {
        #expect(GB18030.canEncodeGBK("测试 ok【】"))
        #expect(!GB18030.canEncodeGBK("ok😀"))
        #expect(!TextCoding.gbk.canEncode("\u{80}"))
        let error = #expect(throws: TextError.self) { try TextCoding.gbk.encode("预警😀") }
        #expect(error?.code == .unencodable)
        #expect(error?.scalarOffset == 2)
        #expect(TextCoding.gb18030.canEncode("预警😀"))
    }

    @Test func decodeNeverTraps() {
        let cases: [(String, String)] = [
            ("80", "\u{FFFD}"),                     // not a lead byte
            ("ff 41", "\u{FFFD}A"),
            ("b2", "\u{FFFD}"),                     // lead byte at the end
            ("b2 20", "\u{FFFD} "),                 // ASCII follower is kept
            ("b2 41", "\u{775E}"),                  // (0x41 is a GBK trail byte)
            ("b2 7f", "\u{FFFD}\u{7F}"),            // 0x7F is no trail byte
            ("81 30", "\u{FFFD}0"),                 // truncated four-byte code
            ("81 30 81", "\u{FFFD}0\u{FFFD}"),
            ("81 30 20 30", "\u{FFFD}0 0"),         // bad third byte
            ("84 31 a5 30", "\u{FFFD}"),            // past the mapped BMP area
            ("85 30 81 30", "\u{FFFD}"),            // unassigned four-byte lead
            ("e3 32 9a 36", "\u{FFFD}"),            // above U+10FFFF
            ("fe 39 fe 39", "\u{FFFD}"),
        ]
        for (hex, expected) in cases {
            #expect(GB18030.decode(hexBytes(hex)) == expected, "\(hex)")
        }
    }

    @Test func randomBytesDecodeAndReencodeConsistently() {
        var generator = SplitMix64(seed: 18030)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = GB18030.decode(bytes)
            // Whatever decoded (U+FFFD included) encodes and decodes to itself.
            #expect(GB18030.decode(GB18030.encode(text)) == text)
        }
    }
}

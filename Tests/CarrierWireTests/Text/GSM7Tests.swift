import Testing
@testable import CarrierWire

@Suite struct GSM7Tests {
    @Test func alphabetShape() {
        #expect(GSM7.alphabet.count == 128)
        #expect(GSM7.alphabet[0x00] == "@")
        #expect(GSM7.alphabet[0x11] == "_")
        #expect(GSM7.alphabet[0x24] == "\u{A4}")  // ¤, not $
        #expect(GSM7.alphabet[0x7F] == "\u{E0}")  // à
        #expect(GSM7.reverse.count == 127 + 10)   // all but ESC, plus the extension table
    }

    @Test func encodesDefaultAndExtensionCharacters() throws {
        #expect(try GSM7.encode("Hello") == [0x48, 0x65, 0x6C, 0x6C, 0x6F])
        #expect(try GSM7.encode("@£$") == [0x00, 0x01, 0x02])
        #expect(try GSM7.encode("€") == [0x1B, 0x65])
        #expect(try GSM7.encode("{[~]}|\\^") == [0x1B, 0x28, 0x1B, 0x3C, 0x1B, 0x3D, 0x1B, 0x3E, 0x1B, 0x29, 0x1B, 0x40, 0x1B, 0x2F, 0x1B, 0x14])
        #expect(GSM7.septetCount("a€b") == 4)
        #expect(GSM7.septetCount("a中") == nil)
    }

    @Test func rejectsCharactersOutsideBothTables() {
        #expect(!GSM7.canEncode("预警"))
        #expect(!GSM7.canEncode("`"))
        #expect(!GSM7.canEncode("naïve"))  // ï is not in the table
        #expect(GSM7.canEncode("Ärger über Öl, Ñoño"))
        let error = #expect(throws: TextError.self) { try GSM7.encode("ok`") }
        #expect(error?.code == .unencodable)
        #expect(error?.scalarOffset == 2)
    }

    @Test func roundTripsEveryCharacter() throws {
        var text = String.UnicodeScalarView()
        for (septet, scalar) in GSM7.alphabet.enumerated() where septet != 0x1B { text.append(scalar) }
        for scalar in GSM7.extensionTable.values { text.append(scalar) }
        let string = String(text)
        #expect(GSM7.decode(try GSM7.encode(string)) == string)
    }

    @Test func decodeNeverTraps() {
        #expect(GSM7.decode([0x1B, 0x65, 0x41]) == "€A")
        #expect(GSM7.decode([0x1B, 0x41]) == "A")       // unknown extension → default character
        #expect(GSM7.decode([0x1B, 0x1B]) == " ")       // reserved second escape
        #expect(GSM7.decode([0x41, 0x1B]) == "A\u{FFFD}")
        #expect(GSM7.decode([0x80, 0xFF, 0x41]) == "\u{FFFD}\u{FFFD}A")
        #expect(TextCoding.gsm7.decode([]) == "")
    }

    @Test func packsLeastSignificantBitFirst() throws {
        // Classic GSM 03.38 example: "hellohello" → E8 32 9B FD 46 97 D9 EC 37.
        let septets = try GSM7.encode("hellohello")
        #expect(GSM7.pack(septets) == hexBytes("e8329bfd4697d9ec37"))
        #expect(GSM7.unpack(hexBytes("e8329bfd4697d9ec37"), septetCount: 10) == septets)
        // Eight septets fill seven octets exactly.
        #expect(GSM7.pack(try GSM7.encode("12345678")).count == 7)
        #expect(GSM7.unpack(GSM7.pack(try GSM7.encode("12345678"))) == (try GSM7.encode("12345678")))
    }

    @Test func fillBitsAfterHeaders() throws {
        #expect(GSM7.fillBits(afterHeaderOfLength: 6) == 1)
        #expect(GSM7.fillBits(afterHeaderOfLength: 7) == 0)
        #expect(GSM7.fillBits(afterHeaderOfLength: 0) == 0)
        let septets = try GSM7.encode("Warning: flood {level 3}")
        for fill in 0...6 {
            let packed = GSM7.pack(septets, fillBits: fill)
            #expect(packed.count == (fill + 7 * septets.count + 7) / 8)
            #expect(GSM7.unpack(packed, septetCount: septets.count, fillBits: fill) == septets)
        }
        // With one fill bit the first octet's lowest bit stays clear.
        #expect(GSM7.pack([0x7F], fillBits: 1) == [0xFE])
    }

    @Test func unpackClampsImpossibleCounts() {
        #expect(GSM7.unpack([0xFF], septetCount: 50).count == 1)
        #expect(GSM7.unpack([], septetCount: 3).isEmpty)
        #expect(GSM7.unpack([0x01, 0x02], septetCount: -1).isEmpty)
        #expect(GSM7.unpack([0xFF], fillBits: 6).isEmpty)
    }
}

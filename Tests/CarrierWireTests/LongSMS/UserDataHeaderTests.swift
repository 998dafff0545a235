import Testing
@testable import CarrierWire

@Suite struct UserDataHeaderTests {
    @Test func eightBitConcatenation() throws {
        // smgp.md §10 MO long-SMS content: UDH 05 00 03 33 02 01 + UCS2 "收到".
        let (header, payload) = try UserDataHeader.parse(hexBytes("050003330201 65365230"))
        #expect(header.concatenation == .init(reference: 0x33, isSixteenBit: false, total: 2, number: 1))
        #expect(header.elements == [.init(identifier: 0x00, data: [0x33, 0x02, 0x01])])
        #expect(TextCoding.ucs2.decode(payload) == "收到")
    }

    @Test func sixteenBitReferenceIsShiftedNotOred() throws {
        let (header, payload) = try UserDataHeader.parse(hexBytes("06080412340302 0041"))
        #expect(header.concatenation?.reference == 0x1234)  // not 0x12 | 0x34
        #expect(header.concatenation?.isSixteenBit == true)
        #expect(header.concatenation?.total == 3 && header.concatenation?.number == 2)
        #expect(payload == [0x00, 0x41])
    }

    @Test func skipsOtherElementsBeforeConcatenation() throws {
        // Port addressing IE 0x05 (4 octets) first, then the concatenation IE.
        let (header, payload) = try UserDataHeader.parse(hexBytes("0b 0504 0b8423f0 0003 2a0201 ff"))
        #expect(header.elements.map(\.identifier) == [0x05, 0x00])
        #expect(header.concatenation?.reference == 0x2A)
        #expect(payload == [0xFF])
    }

    @Test func emptyHeaderAndNoConcatenation() throws {
        let (empty, rest) = try UserDataHeader.parse([0x00, 0x41])
        #expect(empty.elements.isEmpty && empty.concatenation == nil && rest == [0x41])
        let (ports, body) = try UserDataHeader.parse(hexBytes("04 0502 1234"))
        #expect(ports.concatenation == nil && body.isEmpty)
    }

    @Test func invalidCountersAreIgnoredPerGSM0340() throws {
        #expect(try UserDataHeader.parse(hexBytes("0500032a0200")).header.concatenation == nil)  // number 0
        #expect(try UserDataHeader.parse(hexBytes("0500032a0203")).header.concatenation == nil)  // number > total
        #expect(try UserDataHeader.parse(hexBytes("0500032a0000")).header.concatenation == nil)  // total 0
        // A later valid IE still counts.
        #expect(try UserDataHeader.parse(hexBytes("0a 0003 2a0203 0003 2b0202")).header.concatenation?.reference == 0x2B)
    }

    @Test(arguments: [
        "",                      // no UDHL
        "05 000300",             // UDHL past the content
        "01 00",                 // element without its length octet
        "03 0005 00",            // element length past UDHL
        "04 0002 2a02",          // IE 0x00 with length 2
        "06 0004 2a020100",      // IE 0x00 with length 4
        "05 0803 123402",        // IE 0x08 with length 3
    ])
    func malformedHeadersAreRejected(hex: String) {
        let error = #expect(throws: TextError.self) { try UserDataHeader.parse(hexBytes(hex)) }
        #expect(error?.code == .malformedHeader)
    }

    @Test func randomContentNeverTraps() {
        var generator = SplitMix64(seed: 0x0340)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...24, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if !bytes.isEmpty && Bool.random(using: &generator) { bytes[0] = UInt8.random(in: 0...8, using: &generator) }
            if let (header, payload) = try? UserDataHeader.parse(bytes) {
                let headerLength = header.elements.reduce(0) { $0 + 2 + $1.data.count }
                #expect(1 + headerLength + payload.count == bytes.count)
            }
        }
    }
}

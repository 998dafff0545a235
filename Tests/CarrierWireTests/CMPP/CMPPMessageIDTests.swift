import Testing
@testable import CarrierWire

@Suite("CMPP Msg_Id")
struct CMPPMessageIDTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var fields: (Int, Int, Int, Int, Int, Int, Int)
        var decimal: String
        var hex: String
        var digits: String
        var testDescription: String { decimal }
    }

    /// cmpp.md §13.2.
    static let rows = [
        Row(fields: (8, 30, 10, 56, 0, 300, 32768), decimal: "10316480108930301952", hex: "8f2b8000012c8000", digits: "0830105600000030032768"),
        Row(fields: (1, 13, 10, 40, 53, 73722, 39738), decimal: "1633273125724134202", hex: "16aa8d411ffa9b3a", digits: "0113104053007372239738"),
        Row(fields: (11, 21, 13, 45, 7, 10001, 1), decimal: "13454171560035287041", hex: "bab6d1c027110001", digits: "1121134507001000100001"),
    ]

    @Test(arguments: rows)
    func vector(_ row: Row) throws {
        let f = row.fields
        let id = try #require(CMPP.MessageID(month: f.0, day: f.1, hour: f.2, minute: f.3, second: f.4, gatewayID: f.5, sequence: f.6))
        #expect(id.decimalString == row.decimal)
        #expect(id.description == row.decimal)
        #expect(id.hexString == row.hex)
        #expect(id.digitString == row.digits)
        #expect([id.month, id.day, id.hour, id.minute, id.second, id.gatewayID, id.sequence] == [f.0, f.1, f.2, f.3, f.4, f.5, f.6])
        #expect(CMPP.MessageID(decimalString: row.decimal) == id)
        #expect(CMPP.MessageID(hexString: row.hex) == id)
        #expect(CMPP.MessageID(hexString: row.hex.uppercased()) == id)
        #expect(CMPP.MessageID(digitString: row.digits) == id)
    }

    @Test func monthsFromAugustExceedSignedRange() throws {
        let august = try #require(CMPP.MessageID(decimalString: "10316480108930301952"))
        #expect(august.rawValue > UInt64(Int64.max))
        #expect(Int64(bitPattern: august.rawValue) < 0)
    }

    @Test func composingRejectsValuesWiderThanTheirBits() {
        #expect(CMPP.MessageID(month: 16, day: 1, hour: 0, minute: 0, second: 0, gatewayID: 0, sequence: 0) == nil)
        #expect(CMPP.MessageID(month: 1, day: 1, hour: 0, minute: 0, second: 0, gatewayID: 0x40_0000, sequence: 0) == nil)
        #expect(CMPP.MessageID(month: 1, day: 1, hour: 0, minute: 0, second: 0, gatewayID: 0, sequence: 0x1_0000) == nil)
        #expect(CMPP.MessageID(month: -1, day: 1, hour: 0, minute: 0, second: 0, gatewayID: 0, sequence: 0) == nil)
        let max = CMPP.MessageID(month: 15, day: 31, hour: 31, minute: 63, second: 63, gatewayID: 0x3F_FFFF, sequence: 0xFFFF)
        #expect(max?.rawValue == .max)
    }

    @Test func parsersRejectMalformedText() {
        #expect(CMPP.MessageID(hexString: "") == nil)
        #expect(CMPP.MessageID(hexString: "1" + String(repeating: "0", count: 16)) == nil)
        #expect(CMPP.MessageID(hexString: "xyz") == nil)
        #expect(CMPP.MessageID(decimalString: "18446744073709551616") == nil)
        #expect(CMPP.MessageID(digitString: "083010560000003003276") == nil)
        #expect(CMPP.MessageID(digitString: "08301056000000300327a8") == nil)
        #expect(CMPP.MessageID(digitString: "1630105600000030032768") == nil) // month 16
        #expect(CMPP.MessageID(digitString: "0830105600000030065536") == nil) // sequence 65536
    }

    @Test func outOfRangeFieldsAreStillAnId() {
        // Decoding never rejects: month 0 / minute 63 are representable and round-trip.
        let odd = CMPP.MessageID(rawValue: 0x0FFF_FFFF_FFFF_FFFF)
        #expect(odd.month == 0)
        #expect(odd.minute == 63)
        #expect(CMPP.MessageID(hexString: odd.hexString) == odd)
    }

    @Test func groupSendRecipientsAdvanceSequenceAndWrap() throws {
        let base = try #require(CMPP.MessageID(month: 8, day: 30, hour: 10, minute: 56, second: 0, gatewayID: 300, sequence: 0xFFFE))
        #expect(base.recipient(0) == base)
        #expect(base.recipient(1).sequence == 0xFFFF)
        let wrapped = base.recipient(2)
        #expect(wrapped.sequence == 0)
        #expect(wrapped.gatewayID == 300)
        #expect(wrapped.month == 8 && wrapped.day == 30 && wrapped.minute == 56)
        #expect(base.recipient(3).sequence == 1)
    }
}

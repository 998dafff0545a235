import Testing
@testable import CarrierWire

@Suite struct SMGPMsgIDTests {
    @Test func specExample() throws {
        let id = try #require(SMGPMsgID(bytes: [0x01, 0x00, 0x61, 0x01, 0x16, 0x17, 0x00, 0x01, 0x23, 0x45]))
        #expect(id.isBCD)
        #expect(id.description == "01006101161700012345")
        #expect(id.gatewayCode == "010061")
        #expect(id.time == "01161700")
        #expect(id.sequence == 12345)
        #expect(SMGPMsgID(gatewayCode: 10061, month: 1, day: 16, hour: 17, minute: 0, sequence: 12345) == id)
        #expect(SMGPMsgID(hex: id.description) == id)
    }

    @Test func nonBCDFallsBackToHex() throws {
        let id = try #require(SMGPMsgID(bytes: [0xAB, 0xCD, 0xEF, 0x01, 0x16, 0x17, 0x00, 0x01, 0x23, 0x4F]))
        #expect(!id.isBCD)
        #expect(id.description == "abcdef0116170001234f")
        #expect(id.gatewayCode == nil && id.time == nil && id.sequence == nil)
        #expect(id.advanced(by: 1) == nil)
        #expect(SMGPMsgID(hex: "ABCDEF0116170001234F") == id)
    }

    @Test func rejectsBadInput() {
        #expect(SMGPMsgID(bytes: [1, 2, 3]) == nil)
        #expect(SMGPMsgID(hex: "0100610116170001234") == nil)
        #expect(SMGPMsgID(hex: "0100610116170001234g") == nil)
        #expect(SMGPMsgID(gatewayCode: 1_000_000, month: 1, day: 1, hour: 0, minute: 0, sequence: 0) == nil)
        #expect(SMGPMsgID(gatewayCode: 1, month: 1, day: 1, hour: 0, minute: 0, sequence: 1_000_000) == nil)
    }

    @Test func groupRangeWraps() {
        // smgp.md §5.2: the sequence part wraps 999999 → 0.
        let id = SMGPMsgID(hex: "01006101161700999998")!
        #expect(id.advanced(by: 0) == id)
        #expect(id.advanced(by: 1)?.description == "01006101161700999999")
        #expect(id.advanced(by: 2)?.description == "01006101161700000000")
        #expect(id.advanced(by: 99)?.description == "01006101161700000097")
        #expect(id.advanced(by: -1) == nil)
    }

    @Test func zero() {
        #expect(SMGPMsgID.zero.description == String(repeating: "0", count: 20))
        #expect(SMGPMsgID.zero.isBCD)
    }
}

import NIOCore
import Testing
@testable import CarrierWire

@Suite struct SMGPTLVTests {
    private func decodeTLVs(_ bytes: [UInt8]) throws(WireError) -> SMGPTLVList {
        var reader = FieldReader(body: ByteBuffer(bytes: bytes), protocolName: SMGP.name, commandID: 2, header: .none)
        return try SMGPTLVList(decoding: &reader)
    }

    private func encodeTLVs(_ list: SMGPTLVList) throws -> [UInt8] {
        var buffer = ByteBuffer()
        try list.encode(into: &buffer)
        return Array(buffer.readableBytesView)
    }

    @Test func tagValues() {
        // smgp.md §6.
        let tags: [(SMGPTLV.Tag, UInt16)] = [
            (.tpPid, 1), (.tpUdhi, 2), (.linkID, 3), (.chargeUserType, 4), (.chargeTermType, 5), (.chargeTermPseudo, 6),
            (.destTermType, 7), (.destTermPseudo, 8), (.pkTotal, 9), (.pkNumber, 10), (.submitMsgType, 11),
            (.spDealResult, 12), (.srcTermType, 13), (.srcTermPseudo, 14), (.nodesCount, 15), (.msgSrc, 16),
            (.srcType, 17), (.mServiceID, 18),
        ]
        for (tag, raw) in tags { #expect(tag.rawValue == raw) }
        #expect(SMGPTLV.Tag.pkNumber.description == "0x000A")
    }

    @Test func typedAccessorsEncodeAsSpecified() throws {
        var list = SMGPTLVList()
        list.tpUdhi = 1
        list.pkTotal = 2
        list.pkNumber = 2
        #expect(try encodeTLVs(list) == hexBytes("00 02 00 01 01 00 09 00 01 02 00 0a 00 01 02"))
        try list.setMsgSrc("SP01")
        #expect(list.value(for: .msgSrc) == Array("SP01".utf8) + [0, 0, 0, 0])
        #expect(list.msgSrc == "SP01")
        try list.setLinkID(String(repeating: "L", count: 20))
        #expect(list.linkID?.count == 20)
        try list.setMServiceID("P")
        #expect(list.value(for: .mServiceID)?.count == 21)
        #expect(list.mServiceID == "P")
    }

    @Test func octetStringTooLong() {
        var list = SMGPTLVList()
        #expect(throws: WireError.self) { try list.setLinkID(String(repeating: "L", count: 21)) }
        #expect(throws: WireError.self) { try list.setMsgSrc("123456789") }
        #expect(throws: WireError.self) { try list.setMServiceID(String(repeating: "P", count: 22)) }
        #expect(list.isEmpty)
    }

    @Test func setterReplacesInPlaceAndNilRemoves() throws {
        var list: SMGPTLVList = [SMGPTLV(tag: .pkTotal, value: [1]), SMGPTLV(tag: .tpUdhi, value: [0]), SMGPTLV(tag: .pkTotal, value: [5])]
        list.pkTotal = 3
        #expect(list.elements == [SMGPTLV(tag: .pkTotal, value: [3]), SMGPTLV(tag: .tpUdhi, value: [0])])
        list.tpUdhi = nil
        try list.setLinkID(nil)
        #expect(list.elements == [SMGPTLV(tag: .pkTotal, value: [3])])
        list.srcTermPseudo = [1]
        #expect(list.elements.last == SMGPTLV(tag: .srcTermPseudo, value: [1]))
    }

    @Test func allAccessorsRoundTrip() throws {
        var list = SMGPTLVList()
        list.tpPid = 1; list.tpUdhi = 2; list.chargeUserType = 3; list.chargeTermType = 4
        list.chargeTermPseudo = [5]; list.destTermType = 6; list.destTermPseudo = [7, 7]; list.pkTotal = 8
        list.pkNumber = 9; list.submitMsgType = 10; list.spDealResult = 11; list.srcTermType = 12
        list.srcTermPseudo = [13]; list.nodesCount = 14; list.srcType = 15
        try list.setLinkID("link"); try list.setMsgSrc("src"); try list.setMServiceID("mservice")
        let decoded = try decodeTLVs(try encodeTLVs(list))
        #expect(decoded == list)
        #expect(decoded.tpPid == 1 && decoded.tpUdhi == 2 && decoded.chargeUserType == 3 && decoded.chargeTermType == 4)
        #expect(decoded.chargeTermPseudo == [5] && decoded.destTermType == 6 && decoded.destTermPseudo == [7, 7])
        #expect(decoded.pkTotal == 8 && decoded.pkNumber == 9 && decoded.submitMsgType == 10 && decoded.spDealResult == 11)
        #expect(decoded.srcTermType == 12 && decoded.srcTermPseudo == [13] && decoded.nodesCount == 14 && decoded.srcType == 15)
        #expect(decoded.linkID == "link" && decoded.msgSrc == "src" && decoded.mServiceID == "mservice")
    }

    @Test func unknownTagsArePreserved() throws {
        let bytes = hexBytes("7f 01 00 03 aa bb cc 00 09 00 01 02 ff ff 00 00")
        let list = try decodeTLVs(bytes)
        #expect(list.elements.count == 3)
        #expect(list.value(for: SMGPTLV.Tag(rawValue: 0x7F01)) == [0xAA, 0xBB, 0xCC])
        #expect(list.pkTotal == 2)
        #expect(try encodeTLVs(list) == bytes)
    }

    @Test func wrongWidthU8ReadsAsNil() throws {
        let list = try decodeTLVs(hexBytes("00 09 00 02 01 02"))
        #expect(list.pkTotal == nil)
        #expect(list.value(for: .pkTotal) == [1, 2])
    }

    @Test func malformedTLVsAreStructureErrors() {
        for hex in ["00 09 00 02 01", "00 09 00", "00", "00 09 00 01 01 00"] {
            do {
                _ = try decodeTLVs(hexBytes(hex))
                Issue.record("expected an error for \(hex)")
            } catch {
                #expect(error.code == .invalidField, "\(hex)")
            }
        }
        do {
            _ = try decodeTLVs([UInt8](repeating: 0, count: SMGPTLVList.maxEncodedLength + 1))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidField)
        }
    }

    @Test func tooManyTLVBytesOnEncode() {
        let list: SMGPTLVList = [SMGPTLV(tag: .destTermPseudo, value: [UInt8](repeating: 1, count: SMGPTLVList.maxEncodedLength))]
        #expect(throws: WireError.self) { try encodeTLVs(list) }
    }

    @Test func overrunningTLVInAPacket() {
        var bytes = hexBytes(SMGPVectors.submitHex)
        bytes[bytes.count - 2] = 2 // PkNumber declares 2 value bytes, 1 present
        #expect(decodeErrorCode(SMGP.self, bytes) == .invalidField)
    }
}

import Testing
@testable import CarrierWire

@Suite struct SMPPDeliverSMTests {
    @Test func receiptGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.deliverReceipt.0, SMPPGolden.deliverReceipt.1)
    }

    @Test func moGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.deliverMO.0, SMPPGolden.deliverMO.1)
        guard case .deliverSM(let deliver) = SMPPGolden.deliverMO.0.body else { return }
        #expect(deliver.deliveryReceipt == nil, "an MO message is not a receipt")
    }

    @Test func receiptBuilderReproducesTheGoldenVector() throws {
        let receipt = SMPP.DeliveryReceipt(messageID: "0A1B2C3D", submitted: 1, delivered: 1, submitDate: "2508301056",
                                           doneDate: "2508301057", stat: "DELIVRD", error: "000", text: "")
        let deliver = SMPP.DeliverSM.deliveryReceipt(receipt, source: .international("8613800138000"), destination: .international("12379"))
        try expectGolden(SMPP.self, SMPP.Packet(.deliverSM(deliver), sequenceNumber: 0x4D), SMPPGolden.deliverReceipt.1)
    }

    @Test func receiptFromTheGoldenVector() throws {
        guard case .deliverSM(let deliver) = try SMPP.decode(bytes: hexBytes(SMPPGolden.deliverReceipt.1)).body,
              let receipt = deliver.deliveryReceipt else {
            Issue.record("no receipt")
            return
        }
        #expect(receipt == SMPP.DeliveryReceipt(messageID: "0A1B2C3D", submitted: 1, delivered: 1, submitDate: "2508301056",
                                                doneDate: "2508301057", stat: "DELIVRD", state: .delivered, error: "000", text: ""))
    }

    @Test func tlvsWinOverText() {
        var tlvs = SMPP.TLVList()
        tlvs.receiptedMessageID = "FF"
        tlvs.messageState = .undeliverable
        tlvs.networkErrorCode = SMPP.NetworkErrorCode(networkType: 3, errorCode: 0x0022)
        let deliver = SMPP.DeliverSM(source: .international("1"), destination: SMPP.Address("2"), esmClass: .deliveryReceipt,
                                     shortMessage: Array("id:255 stat:DELIVRD err:000".utf8), tlvs: tlvs)
        let receipt = deliver.deliveryReceipt
        #expect(receipt?.messageID == "FF")
        #expect(receipt?.state == .undeliverable)
        #expect(receipt?.stat == "DELIVRD", "the raw text stays visible")
        #expect(receipt?.networkErrorCode == SMPP.NetworkErrorCode(networkType: 3, errorCode: 0x22))
    }

    @Test func receiptOnlyInTLVsOrInMessagePayload() {
        var tlvsOnly = SMPP.DeliverSM(source: SMPP.Address(), destination: SMPP.Address(), esmClass: .deliveryReceipt)
        tlvsOnly.tlvs.receiptedMessageID = "77"
        tlvsOnly.tlvs.messageState = .expired
        #expect(tlvsOnly.deliveryReceipt == SMPP.DeliveryReceipt(messageID: "77", state: .expired))

        var payload = SMPP.DeliverSM(source: SMPP.Address(), destination: SMPP.Address(), esmClass: [.deliveryReceipt])
        payload.tlvs.messagePayload = Array("id:9 stat:EXPIRED".utf8)
        #expect(payload.deliveryReceipt?.state == .expired)

        let empty = SMPP.DeliverSM(source: SMPP.Address(), destination: SMPP.Address(), esmClass: .deliveryReceipt,
                                   shortMessage: Array("hello".utf8))
        #expect(empty.deliveryReceipt == nil)
    }

    @Test func roundTripLongMOWithUDH() throws {
        let deliver = SMPP.DeliverSM(serviceType: "", source: .international("8613800138000"), destination: SMPP.Address("12379"),
                                     esmClass: .udhi, dataCoding: .ucs2,
                                     shortMessage: [0x06, 0x08, 0x04, 0x12, 0x34, 0x03, 0x02] + SMPPFixture.ucs2(String(repeating: "警", count: 66)))
        try expectRoundTrip(SMPP.self, SMPP.Packet(.deliverSM(deliver), sequenceNumber: 100))
    }

    @Test func truncatedBodyAtEveryField() throws {
        // Cut the MO vector after each byte of the mandatory part: always .truncated, never a trap.
        let full = hexBytes(SMPPGolden.deliverMO.1)
        for cut in 33..<full.count {
            var bytes = Array(full[..<cut])
            bytes[3] = UInt8(cut)
            let code = decodeErrorCode(SMPP.self, bytes)
            #expect(code == .truncated, "cut at \(cut)")
        }
    }
}

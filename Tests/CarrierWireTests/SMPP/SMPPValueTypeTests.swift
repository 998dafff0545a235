import Testing
@testable import CarrierWire

@Suite struct SMPPValueTypeTests {
    @Test func sequenceNumbersRunFrom1To0x7FFFFFFFAndWrap() {
        var generator = SMPP.SequenceNumberGenerator()
        #expect(generator.next() == 1)
        #expect(generator.next() == 2)
        var nearEnd = SMPP.SequenceNumberGenerator(startingAfter: 0x7FFF_FFFE)
        #expect(nearEnd.next() == 0x7FFF_FFFF)
        #expect(nearEnd.next() == 1)
        var outside = SMPP.SequenceNumberGenerator(startingAfter: 0xFFFF_FFFF)
        #expect(outside.next() == 1)
    }

    @Test func esmClassBits() {
        let receiptWithUDH: SMPP.ESMClass = [.deliveryReceipt, .udhi]
        #expect(receiptWithUDH.rawValue == 0x44)
        #expect(receiptWithUDH.isDeliveryReceipt)
        #expect(receiptWithUDH.hasUDH)
        #expect(!SMPP.ESMClass(rawValue: 0x0C).isDeliveryReceipt, "0x0C is not the receipt type even though bit 2 is set")
        #expect(SMPP.ESMClass(rawValue: 0x23).messagingMode == 3)
        #expect(SMPP.ESMClass(rawValue: 0x23).messageType == .intermediateNotification)
        #expect(SMPP.ESMClass.udhi.rawValue == 0x40)
        #expect(SMPP.ESMClass.replyPath.rawValue == 0x80)
    }

    @Test func registeredDeliveryAndDataCodingValues() {
        #expect(SMPP.RegisteredDelivery.finalOutcome.rawValue == 0x01)
        #expect(SMPP.RegisteredDelivery([.failureOnly, .intermediateNotification]).rawValue == 0x12)
        #expect(SMPP.DataCoding.smscDefault.rawValue == 0)
        #expect(SMPP.DataCoding.latin1.rawValue == 3)
        #expect(SMPP.DataCoding.ucs2.rawValue == 8)
        #expect(SMPP.DataCoding(rawValue: 0xF4) != .gsmFlash, "open: other coding-group values pass through")
    }

    @Test func commandIDs() {
        #expect(SMPP.CommandID.submitSMResponse.isResponse)
        #expect(!SMPP.CommandID.outbind.isResponse)
        #expect(SMPP.CommandID.genericNack.description == "0x80000000")
        #expect(SMPP.Body.bindTransceiver(SMPPFixture.esmeCredentials).commandID == SMPP.CommandID(rawValue: 9))
    }
}

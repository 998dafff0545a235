import Testing
@testable import CarrierWire

@Suite struct SMPPDeliveryReceiptTests {
    @Test func parsesTheSpecLayout() {
        let receipt = SMPP.DeliveryReceipt(parsing: SMPPGolden.receiptText)
        #expect(receipt == SMPP.DeliveryReceipt(messageID: "0A1B2C3D", submitted: 1, delivered: 1, submitDate: "2508301056",
                                                doneDate: "2508301057", stat: "DELIVRD", error: "000", text: ""))
        #expect(receipt?.state == .delivered)
    }

    @Test func builderProducesTheSpecText() {
        let receipt = SMPP.DeliveryReceipt(messageID: "0A1B2C3D", submitted: 1, delivered: 1, submitDate: "2508301056",
                                           doneDate: "2508301057", state: .delivered, error: "000", text: "")
        #expect(receipt.receiptText == SMPPGolden.receiptText)
        var parsed = receipt
        parsed.stat = "DELIVRD"  // the builder wrote the word for `state`; parsing keeps it raw
        #expect(SMPP.DeliveryReceipt(parsing: receipt.receiptText) == parsed)
    }

    @Test func builderCutsTextTo20Characters() {
        let receipt = SMPP.DeliveryReceipt(messageID: "1", stat: "UNDELIV", text: "【预警】台风红色预警信号，请立即停止户外作业并就近避险")
        #expect(receipt.receiptText == "id:1 stat:UNDELIV text:【预警】台风红色预警信号，请立即停止户外")
    }

    @Test func toleratesCaseOrderWidthAndMissingFields() {
        let text = "ID:1234567890123 Sub:1 DLVRD:0 Submit Date:250830105612 Done_Date:250830105733 STAT:undeliv Err:21 Text:Hello id:fake"
        let receipt = SMPP.DeliveryReceipt(parsing: text)
        #expect(receipt?.messageID == "1234567890123")
        #expect(receipt?.submitted == 1)
        #expect(receipt?.delivered == 0)
        #expect(receipt?.submitDate == "250830105612")
        #expect(receipt?.doneDate == "250830105733")
        #expect(receipt?.stat == "undeliv")
        #expect(receipt?.state == .undeliverable)
        #expect(receipt?.error == "21")
        #expect(receipt?.text == "Hello id:fake", "text runs to the end")

        let sparse = SMPP.DeliveryReceipt(parsing: "stat:EXPIRED id:c0ffee")
        #expect(sparse == SMPP.DeliveryReceipt(messageID: "c0ffee", stat: "EXPIRED"))
        #expect(sparse?.submitted == nil && sparse?.text == nil)
    }

    @Test func keywordsInsideValuesAreNotKeys() {
        let receipt = SMPP.DeliveryReceipt(parsing: "id:abc sub:001 xid:999 stat:DELIVRD")
        #expect(receipt?.messageID == "abc")
        #expect(receipt?.stat == "DELIVRD")
    }

    @Test func firstOccurrenceWinsAndGarbageIsNotAReceipt() {
        #expect(SMPP.DeliveryReceipt(parsing: "id:1 id:2")?.messageID == "1")
        #expect(SMPP.DeliveryReceipt(parsing: "hello world") == nil)
        #expect(SMPP.DeliveryReceipt(parsing: "") == nil)
        #expect(SMPP.DeliveryReceipt(parsing: "id:") == SMPP.DeliveryReceipt(messageID: ""))
        #expect(SMPP.DeliveryReceipt(parsing: "stat:WEIRD")?.state == nil)
        #expect(SMPP.DeliveryReceipt(parsing: "id:5 stat:DELIVRD\0\0") == SMPP.DeliveryReceipt(messageID: "5", stat: "DELIVRD"))
    }

    @Test func messageStateWords() {
        #expect(SMPP.MessageState(receiptStat: "delivrd") == .delivered)
        #expect(SMPP.MessageState(receiptStat: "ACCEPTD") == .accepted)
        #expect(SMPP.MessageState(receiptStat: "REJECTD") == .rejected)
        #expect(SMPP.MessageState(receiptStat: "enroute") == .enroute)
        #expect(SMPP.MessageState(receiptStat: "Delivered") == .delivered)
        #expect(SMPP.MessageState.undeliverable.receiptStat == "UNDELIV")
        #expect(SMPP.MessageState(rawValue: 42).receiptStat == nil)
    }

    @Test func idsInHexOrDecimalNormalise() {
        // Kannel msg-id-type: submit_sm_resp id in hex, receipt id in decimal.
        #expect(SMPP.normalizedMessageID("0A1B2C3D", format: .hexadecimal) == "169552957")
        #expect(SMPP.normalizedMessageID("0169552957", format: .decimal) == "169552957")
        #expect(SMPP.normalizedMessageID("0a1b2c3d", format: .hexadecimal) == SMPP.normalizedMessageID("0A1B2C3D", format: .hexadecimal))
        #expect(SMPP.normalizedMessageID(" abc-1 ", format: .opaque) == "abc-1")
        // Not a 64-bit number: falls back to the trimmed text.
        let long = "1234567890ABCDEF1234567890ABCDEF"
        #expect(SMPP.normalizedMessageID(long.lowercased(), format: .hexadecimal) == long)
        #expect(SMPP.normalizedMessageID("x12", format: .decimal) == "x12")
        // Blanks and NULs anywhere go, ASCII ones and others (ideographic space, no-break space).
        #expect(SMPP.normalizedMessageID("\t0A\r\n\0", format: .hexadecimal) == "10")
        #expect(SMPP.normalizedMessageID("\u{3000}12\u{00A0}3\u{3000}", format: .decimal) == "123")
        #expect(SMPP.normalizedMessageID("abc-1", format: .opaque) == "abc-1")
        #expect(SMPP.DeliveryReceipt(parsing: "id:\u{3000}77\u{00A0} stat:DELIVRD\t")?.messageID == "77")
        #expect(SMPP.DeliveryReceipt(parsing: "id:\u{3000}77\u{00A0} stat:DELIVRD\t")?.stat == "DELIVRD")
    }
}

@testable import CarrierGateway
import CarrierSession
import CarrierWire
import Testing

@Suite struct GatewayUnitTests {
    @Test func tokenBucketPacesAtItsRate() {
        let start = ContinuousClock.now
        var bucket = TokenBucket(rate: 100, capacity: 2, now: start)
        #expect(bucket.take(now: start) == nil)
        #expect(bucket.take(now: start) == nil)
        let wait = bucket.take(now: start)
        #expect(wait == .milliseconds(10))
        #expect(bucket.take(now: start.advanced(by: .milliseconds(10))) == nil)
        bucket.drain(now: start.advanced(by: .seconds(5)))
        #expect(bucket.take(now: start.advanced(by: .seconds(5))) != nil)
    }

    @Test func secretsAreNeverPrinted() {
        let configuration = LinkConfiguration(
            name: "m", carrier: "mobile", wireProtocol: .smpp, host: "h", port: 1, account: "a",
            secret: "S3cr3t-value", sourceAddress: "12379")
        #expect(!"\(configuration)".contains("S3cr3t"))
        #expect(!String(reflecting: configuration).contains("S3cr3t"))
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains("S3cr3t"))
    }

    @Test func numbersAreMasked() {
        #expect(maskedNumber("13812345678") == "138****5678")
        #expect("\(OutboundMessage(destination: "8613812345678", content: [1, 2]))".contains("861******5678"))
        #expect(maskedNumber("12345") == "*****")
    }

    @Test func smppAdapterBuildsSubmitsAndReadsReceipts() throws {
        let configuration = LinkConfiguration(
            name: "m", carrier: "c", wireProtocol: .smpp, host: "h", port: 1, account: "esme01",
            secret: "pwd12345", sourceAddress: "12379")
        var adapter = SMPPAdapter(configuration: configuration, options: .init(receiptIDFormat: .hexadecimal))
        let key = adapter.nextKey()
        let message = OutboundMessage(destination: "8613800138000", content: [0x6D, 0x4B], validity: .seconds(90_061))
        guard case .submitSM(let submit) = try adapter.submit(message, key: key).body else {
            Issue.record("not a submit_sm")
            return
        }
        #expect(submit.validityPeriod == "000001010101000R")
        #expect(submit.registeredDelivery == .finalOutcome)
        #expect(submit.dataCoding == .ucs2)
        let receipt = SMPP.DeliverSM.deliveryReceipt(
            SMPP.DeliveryReceipt(messageID: "0A1B2C3D", stat: "UNDELIV", error: "001"),
            source: .international("8613800138000"), destination: SMPP.Address("12379"))
        guard case .report(let report) = adapter.peerRequest(SMPP.Packet(.deliverSM(receipt), sequenceNumber: 9), link: "m") else {
            Issue.record("not a report")
            return
        }
        #expect(report.messageID == "169552957")  // 0x0A1B2C3D normalised to decimal
        #expect(report.outcome == .undeliverable)
        let deferred = adapter.answer(SMPP.Packet(.deliverSM(receipt), sequenceNumber: 9), .deferred)
        #expect(deferred?.commandStatus == .receiverTemporaryError)
        let throttled = adapter.submitOutcome(.init(status: .throttled, messageID: nil))
        #expect(throttled.retryClass == .throttle)
    }
}

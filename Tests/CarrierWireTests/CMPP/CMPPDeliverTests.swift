import NIOCore
import Testing
@testable import CarrierWire

@Suite("CMPP DELIVER / DELIVER_RESP and status reports")
struct CMPPDeliverTests {
    typealias V = CMPPVectors

    @Test func reportDeliver30Golden() throws {
        try expectGolden(CMPP3.self, CMPP.Packet(sequenceID: 0x10, body: .deliver(V.reportDeliver)), V.reportDeliver3)
        let decoded = try CMPP3.decode(bytes: hexBytes(V.reportDeliver3))
        guard case .deliver(let deliver) = decoded.body else { Issue.record("not a deliver"); return }
        #expect(deliver.report?.msgID == V.submittedID)
        #expect(deliver.report?.stat == .delivered)
    }

    @Test func deliverResponseGoldenBothVersions() throws {
        let report = CMPP.DeliverResponse(msgID: V.reportDeliver.msgID)
        try expectGolden(CMPP3.self, CMPP.Packet(sequenceID: 0x10, body: .deliverResponse(report)), V.deliverResponse3)
        let mo = CMPP.DeliverResponse(msgID: V.moDeliver.msgID, result: .success)
        try expectGolden(CMPP2.self, CMPP.Packet(sequenceID: 0x11, body: .deliverResponse(mo)), V.moDeliverResponse2)
        let busy = CMPP.DeliverResponse(msgID: V.moDeliver.msgID, result: .flowControl)
        try expectRoundTrip(CMPP2.self, CMPP.Packet(sequenceID: 1, body: .deliverResponse(busy)))
        try expectRoundTrip(CMPP3.self, CMPP.Packet(sequenceID: 1, body: .deliverResponse(busy)))
        expectWireError(.valueTooLong) {
            _ = try CMPP2.encode(CMPP.Packet(sequenceID: 1, body: .deliverResponse(.init(msgID: .zero, result: .init(rawValue: 300)))))
        }
    }

    @Test func moDeliverGoldenBothVersions() throws {
        try expectGolden(CMPP3.self, CMPP.Packet(sequenceID: 0x11, body: .deliver(V.moDeliver)), V.moDeliver3)
        try expectGolden(CMPP2.self, CMPP.Packet(sequenceID: 0x11, body: .deliver(V.moDeliver)), V.moDeliver2)
        #expect(V.moDeliver.report == nil)
    }

    @Test func report20ContentGolden() throws {
        let golden = hexBytes(V.report2Content)
        #expect(golden.count == 60)
        #expect(try V.report.content(layout: .v2) == golden)
        #expect(try CMPP.StatusReport(content: golden, protocolName: "CMPP2") == V.report)
        #expect(try V.report.content(layout: .v3).count == 71)
        try expectRoundTrip(CMPP2.self, CMPP.Packet(sequenceID: 0x10, body: .deliver(V.reportDeliver)))
    }

    @Test func v3SessionAcceptsA60ByteReport() throws {
        // 3.0 header fields up to Registered_Delivery (body offset 76), then a 60-byte 2.0 report.
        let golden = hexBytes(V.reportDeliver3)
        let bytes = withFixedLength(Array(golden.prefix(CMPP.headerLength + 76)) + [60] + hexBytes(V.report2Content)
                                    + [UInt8](repeating: 0, count: 20))
        #expect(bytes.count == 12 + 97 + 60)
        #expect(try CMPP3.decode(bytes: bytes) == CMPP.Packet(sequenceID: 0x10, body: .deliver(V.reportDeliver)))
    }

    @Test func v3ToleratesShortLinkID() throws {
        let golden = hexBytes(V.reportDeliver3)
        let short = withFixedLength(Array(golden.dropLast(11)))
        #expect(try CMPP3.decode(bytes: short) == CMPP.Packet(sequenceID: 0x10, body: .deliver(V.reportDeliver)))
        let none = withFixedLength(Array(golden.dropLast(20)))
        #expect(try CMPP3.decode(bytes: none) == CMPP.Packet(sequenceID: 0x10, body: .deliver(V.reportDeliver)))
        var withLink = Array(golden.dropLast(20)) + Array("LNK".utf8)
        withLink = withFixedLength(withLink)
        var expected = V.reportDeliver
        expected.linkID = "LNK"
        #expect(try CMPP3.decode(bytes: withLink) == CMPP.Packet(sequenceID: 0x10, body: .deliver(expected)))
        expectWireError(.trailingBytes) { _ = try CMPP3.decode(bytes: withFixedLength(golden + [0])) }
        // 2.0 has no such tolerance: its Reserved is exactly 8 bytes.
        expectWireError(.truncated) { _ = try CMPP2.decode(bytes: withFixedLength(Array(hexBytes(V.moDeliver2).dropLast()))) }
    }

    // Body offsets (3.0, §7.1): Registered_Delivery 75, Msg_Length 76.
    static let registeredDeliveryOffset = CMPP.headerLength + 75
    static let msgLengthOffset = CMPP.headerLength + 76

    @Test func badRegisteredDeliveryIsInvalid() {
        var bytes = hexBytes(V.moDeliver3)
        bytes[Self.registeredDeliveryOffset] = 2
        expectWireError(.invalidField) { _ = try CMPP3.decode(bytes: bytes) }
    }

    @Test func reportOfWrongLengthIsInvalid() {
        // The MO content (4 bytes) flagged as a report.
        var bytes = hexBytes(V.moDeliver3)
        bytes[Self.registeredDeliveryOffset] = 1
        expectWireError(.invalidField) { _ = try CMPP3.decode(bytes: bytes) }
        expectWireError(.invalidField) { _ = try CMPP.StatusReport(content: [UInt8](repeating: 0, count: 59), protocolName: "CMPP3") }
        expectWireError(.invalidField) { _ = try CMPP.StatusReport(content: [UInt8](repeating: 0, count: 72), protocolName: "CMPP3") }
    }

    @Test func msgLengthBeyondBodyIsTruncated() {
        var bytes = hexBytes(V.moDeliver3)
        bytes[Self.msgLengthOffset] = 25 // 4 content + 20 LinkID are present
        expectWireError(.truncated) { _ = try CMPP3.decode(bytes: bytes) }
    }

    @Test func reportFieldsThatDoNotFitAreRejectedByTheEncoder() {
        var report = V.report
        report.stat = CMPP.ReportStat(rawValue: "TOOLONG!")
        expectWireError(.valueTooLong) { _ = try report.content(layout: .v3) }
        report = V.report
        report.destTerminalID = String(repeating: "1", count: 22)
        expectWireError(.valueTooLong) { _ = try report.content(layout: .v2) }
        #expect(throws: Never.self) { _ = try report.content(layout: .v3) }
    }

    @Test func moDeliverRoundTripsWithUDHAndLinkID() throws {
        let deliver = CMPP.Deliver(msgID: CMPP.MessageID(rawValue: 42), destID: "106575551234567890123", serviceID: "ALERT",
                                   tpPID: 1, tpUDHI: 1, msgFmt: .ucs2, srcTerminalID: String(repeating: "8", count: 32),
                                   srcTerminalType: 1, payload: .message(V.longSegmentUDH + [UInt8](repeating: 0x30, count: 249)),
                                   linkID: "12345678901234567890")
        #expect(deliver.hasUserDataHeader)
        try expectRoundTrip(CMPP3.self, CMPP.Packet(sequenceID: 0xFFFF_FFFF, body: .deliver(deliver)))
        var narrow = deliver
        narrow.srcTerminalID = "13800138000"
        narrow.srcTerminalType = 0
        narrow.linkID = ""
        try expectRoundTrip(CMPP2.self, CMPP.Packet(sequenceID: 7, body: .deliver(narrow)))
        narrow.payload = .message([UInt8](repeating: 0, count: 256))
        expectWireError(.valueTooLong) { _ = try CMPP2.encode(CMPP.Packet(sequenceID: 7, body: .deliver(narrow))) }
    }

    @Test func vendorReportStatRoundTrips() throws {
        var deliver = V.reportDeliver
        var report = V.report
        report.stat = CMPP.ReportStat(rawValue: "DB:0141")
        deliver.payload = .report(report)
        try expectRoundTrip(CMPP3.self, CMPP.Packet(sequenceID: 1, body: .deliver(deliver)))
        try expectRoundTrip(CMPP2.self, CMPP.Packet(sequenceID: 1, body: .deliver(deliver)))
    }
}

import Testing
@testable import CarrierWire

@Suite("CMPP ACTIVE_TEST / TERMINATE")
struct CMPPSessionControlTests {
    typealias V = CMPPVectors

    @Test func activeTestGolden() throws {
        try expectGolden(CMPP3.self, CMPP.Packet(sequenceID: 3, body: .activeTest), V.activeTest)
        try expectGolden(CMPP2.self, CMPP.Packet(sequenceID: 3, body: .activeTest), V.activeTest)
    }

    @Test func activeTestResponseGolden() throws {
        let packet = CMPP.Packet(sequenceID: 3, body: .activeTestResponse(CMPP.ActiveTestResponse()))
        try expectGolden(CMPP3.self, packet, V.activeTestResponse)
        try expectGolden(CMPP2.self, packet, V.activeTestResponse)
        try expectRoundTrip(CMPP3.self, CMPP.Packet(sequenceID: 3, body: .activeTestResponse(.init(reserved: 0xFF))))
    }

    @Test func bodylessActiveTestResponseIsTolerated() throws {
        let bytes = hexBytes("00 00 00 0c 80 00 00 08 00 00 00 03")
        let expected = CMPP.Packet(sequenceID: 3, body: .activeTestResponse(CMPP.ActiveTestResponse(reserved: nil)))
        #expect(try CMPP3.decode(bytes: bytes) == expected)
        #expect(try CMPP2.decode(bytes: bytes) == expected)
        #expect(try encodedBytes(CMPP3.self, expected) == bytes)
        expectWireError(.trailingBytes) { _ = try CMPP3.decode(bytes: hexBytes("00 00 00 0e 80 00 00 08 00 00 00 03 00 00")) }
    }

    @Test func terminateGolden() throws {
        try expectGolden(CMPP3.self, CMPP.Packet(sequenceID: 4, body: .terminate), V.terminate)
        try expectGolden(CMPP2.self, CMPP.Packet(sequenceID: 4, body: .terminateResponse), V.terminateResponse)
        try expectGolden(CMPP3.self, CMPP.Packet(sequenceID: 4, body: .terminateResponse), V.terminateResponse)
    }

    @Test func bodylessCommandsRejectABody() {
        expectWireError(.trailingBytes) { _ = try CMPP3.decode(bytes: hexBytes("00 00 00 0d 00 00 00 08 00 00 00 03 00")) }
        expectWireError(.trailingBytes) { _ = try CMPP2.decode(bytes: hexBytes("00 00 00 0d 00 00 00 02 00 00 00 04 00")) }
        expectWireError(.trailingBytes) { _ = try CMPP2.decode(bytes: hexBytes("00 00 00 0d 80 00 00 02 00 00 00 04 00")) }
    }
}

@Suite("CMPP QUERY / CANCEL")
struct CMPPQueryCancelTests {
    typealias V = CMPPVectors

    @Test func queryGolden() throws {
        let packet = CMPP.Packet(sequenceID: 7, body: .query(CMPP.Query(time: "20250830")))
        try expectGolden(CMPP3.self, packet, V.query)
        try expectGolden(CMPP2.self, packet, V.query)
        try expectRoundTrip(CMPP2.self, CMPP.Packet(sequenceID: 8, body: .query(CMPP.Query(time: "20250830", queryType: 1, queryCode: "ALERT"))))
        expectWireError(.valueTooLong) { _ = try CMPP3.encode(CMPP.Packet(sequenceID: 7, body: .query(CMPP.Query(time: "2025-08-30")))) }
    }

    @Test func queryResponseRoundTripsWithLength63() throws {
        let response = CMPP.QueryResponse(time: "20250830", queryType: 1, queryCode: "ALERT", mtTotalMessages: 1, mtTotalUsers: 2,
                                          mtSuccess: 3, mtWaiting: 4, mtFailed: 5, moSuccess: 6, moWaiting: 7, moFailed: .max)
        let packet = CMPP.Packet(sequenceID: 7, body: .queryResponse(response))
        #expect(try encodedBytes(CMPP3.self, packet).count == 63)
        #expect(try encodedBytes(CMPP2.self, packet) == encodedBytes(CMPP3.self, packet))
        try expectRoundTrip(CMPP3.self, packet)
        try expectRoundTrip(CMPP2.self, packet)
        let bytes = try encodedBytes(CMPP3.self, packet)
        expectWireError(.truncated) { _ = try CMPP3.decode(bytes: withFixedLength(Array(bytes.dropLast()))) }
    }

    @Test func cancelGolden() throws {
        let packet = CMPP.Packet(sequenceID: 6, body: .cancel(CMPP.Cancel(msgID: V.submittedID)))
        try expectGolden(CMPP3.self, packet, V.cancel)
        try expectGolden(CMPP2.self, packet, V.cancel)
    }

    @Test func cancelResponseGoldenBothWidths() throws {
        let ok = CMPP.Packet(sequenceID: 6, body: .cancelResponse(CMPP.CancelResponse(successID: CMPP.CancelResponse.success)))
        try expectGolden(CMPP3.self, ok, V.cancelResponse3)
        try expectGolden(CMPP2.self, ok, V.cancelResponse2)
        let failed = CMPP.CancelResponse(successID: CMPP.CancelResponse.failure)
        #expect(!failed.succeeded)
        try expectRoundTrip(CMPP2.self, CMPP.Packet(sequenceID: 6, body: .cancelResponse(failed)))
        expectWireError(.trailingBytes) { _ = try CMPP2.decode(bytes: hexBytes(V.cancelResponse3)) }
        expectWireError(.truncated) { _ = try CMPP3.decode(bytes: hexBytes(V.cancelResponse2)) }
    }
}

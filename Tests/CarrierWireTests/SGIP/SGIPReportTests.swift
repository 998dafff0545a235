import Testing
@testable import CarrierWire

@Suite struct SGIPReportTests {
    @Test func successReportGolden() throws {
        let report = SGIPReport(submitSequence: SGIPVectors.sp(2), reportType: 0, userNumber: "8613000000000", state: .delivered, errorCode: .ok)
        try expectGolden(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(9), body: .report(report)), hexBytes(SGIPVectors.reportHex))
    }

    @Test func failureReportGolden() throws {
        let report = SGIPReport(submitSequence: SGIPVectors.sp(2), reportType: 0, userNumber: "8613000000000", state: .failed, errorCode: .userUnreachable)
        try expectGolden(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(12), body: .report(report)), hexBytes(SGIPVectors.failureReportHex))
        #expect(report.errorCode.rawValue == 25)
        #expect(report.errorCode.reason == "user cannot be reached")
        #expect(report.state.description == "failed")
    }

    @Test func reportRespGolden() throws {
        let packet = SGIPPacket(sequence: SGIPVectors.smg(9), body: .reportResp(SGIPResponse(result: .ok)))
        try expectGolden(SGIP.self, packet, hexBytes("00 00 00 1d 80 00 00 05 00 01 a4 1f 42 c4 f2 24 00 00 00 09 00 00 00 00 00 00 00 00 00"))
    }

    @Test func reportRefersToTheSubmitSequence() throws {
        // The key is the SP's own Submit sequence (sgip.md §3): decode both and compare.
        let submit = try SGIP.decode(bytes: hexBytes(SGIPVectors.submitHex))
        let report = try SGIP.decode(bytes: hexBytes(SGIPVectors.reportHex))
        guard case .report(let r) = report.body else {
            Issue.record("not a report")
            return
        }
        #expect(r.submitSequence == submit.sequence)
        #expect(r.submitSequence != report.sequence)
    }

    @Test func roundTrips() throws {
        for state: UInt8 in [0, 1, 2, 7] {
            let report = SGIPReport(submitSequence: SGIPSequence(nodeID: .max, timestamp: 1_231_235_959, counter: .max),
                                    reportType: 1, userNumber: "861300000000012345678", state: SGIPReportState(rawValue: state),
                                    errorCode: SGIPResult(rawValue: state == 2 ? 33 : 0))
            try expectRoundTrip(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(UInt32(state)), body: .report(report)))
        }
        #expect(SGIPReportState(rawValue: 7).description == "state 7")
    }

    @Test func userNumberTooLong() {
        let report = SGIPReport(submitSequence: SGIPVectors.sp(1), userNumber: String(repeating: "8", count: 22), state: .delivered)
        #expect(encodeErrorCode(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(1), body: .report(report))) == .valueTooLong)
    }
}

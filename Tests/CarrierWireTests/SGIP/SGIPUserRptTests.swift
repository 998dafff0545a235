import Testing
@testable import CarrierWire

@Suite struct SGIPUserRptTests {
    @Test func userRptGolden() throws {
        let rpt = SGIPUserRpt(spNumber: "10612379", userNumber: "8613000000000", userCondition: .suspendedForArrears)
        try expectGolden(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(11), body: .userRpt(rpt)), hexBytes(SGIPVectors.userRptHex))
    }

    @Test func userRptRespGolden() throws {
        try expectGolden(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(11), body: .userRptResp(SGIPResponse(result: .ok))), hexBytes(SGIPVectors.userRptRespHex))
    }

    @Test func roundTrips() throws {
        for condition in [SGIPUserRpt.Condition.deregistered, .suspendedForArrears, .backToNormal, .init(rawValue: 9)] {
            let rpt = SGIPUserRpt(spNumber: "106123790001", userNumber: "8613000000001", userCondition: condition)
            try expectRoundTrip(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(3), body: .userRpt(rpt)))
        }
        try expectRoundTrip(SGIP.self, SGIPPacket(sequence: SGIPVectors.smg(3), body: .userRptResp(SGIPResponse(result: .parameterFormatError))))
    }
}

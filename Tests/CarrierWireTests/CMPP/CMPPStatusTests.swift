import Testing
@testable import CarrierWire

@Suite("CMPP status codes")
struct CMPPStatusTests {
    @Test func connectStatusRetryClasses() {
        #expect(CMPP.ConnectStatus.success.retryClass == .success)
        for status in [CMPP.ConnectStatus.structureError, .illegalSourceAddr, .authenticationError, .versionTooHigh] {
            #expect(status.retryClass == .linkFatal)
        }
        #expect(CMPP.ConnectStatus(rawValue: 5).retryClass == .retryLater)
        #expect(CMPP.ConnectStatus(rawValue: 200).retryClass == .retryLater)
        #expect(CMPP.ConnectStatus.versionTooHigh.reason == "version too high")
        #expect(CMPP.ConnectStatus(rawValue: 3).description == "3 (authentication error)")
    }

    @Test func submitResultRetryClasses() {
        #expect(CMPP.SubmitResult.success.retryClass == .success)
        #expect(CMPP.SubmitResult.flowControl.retryClass == .throttle)
        #expect(CMPP.SubmitResult.flowControl.reason.contains("too fast"))
        for raw: UInt32 in [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 99, 100, 199, 1000] {
            #expect(CMPP.SubmitResult(rawValue: raw).retryClass == .permanent, "result \(raw)")
        }
        #expect(CMPP.SubmitResult(rawValue: 150).reason == "vendor-defined error")
        #expect(CMPP.SubmitResult.destTerminalIDError.reason == "Dest_terminal_Id error")
    }

    @Test func deliverResultRetryClasses() {
        #expect(CMPP.DeliverResult.success.retryClass == .success)
        #expect(CMPP.DeliverResult.flowControl.retryClass == .throttle)
        #expect(CMPP.DeliverResult(rawValue: 9).retryClass == .permanent)
        #expect(CMPP.DeliverResult(rawValue: 9).reason == "other error")
        #expect(CMPP.DeliverResult.duplicateSequence.reason == "duplicate sequence number")
    }

    @Test func reportStatClasses() {
        #expect(CMPP.ReportStat.delivered.retryClass == .success)
        #expect(CMPP.ReportStat.delivered.isFinal)
        #expect(!CMPP.ReportStat.accepted.isFinal)
        for stat in [CMPP.ReportStat.expired, .deleted, .undeliverable, .unknown, .rejected, .init(rawValue: "MK:0001")] {
            #expect(stat.retryClass == .permanent, "\(stat)")
            #expect(stat.isFinal)
        }
        #expect(CMPP.ReportStat.undeliverable.rawValue == "UNDELIV")
        #expect(CMPP.ReportStat.expired.reason == "validity period expired")
    }

    @Test func reportStatNetworkElements() {
        #expect(CMPP.ReportStat(rawValue: "DB:0141").networkElement == "DB")
        #expect(CMPP.ReportStat(rawValue: "DB:0141").reason == "DSMP returned an error")
        #expect(CMPP.ReportStat(rawValue: "SA:0001").reason == "SP did not respond")
        #expect(CMPP.ReportStat(rawValue: "MK:0005").reason == "network element error")
        #expect(CMPP.ReportStat.delivered.networkElement == nil)
        #expect(CMPP.ReportStat(rawValue: "db:0141").networkElement == nil)
        #expect(CMPP.ReportStat(rawValue: "X").networkElement == nil)
        #expect(CMPP.ReportStat(rawValue: "").reason == "operator-specific state")
    }

    @Test func commandIDsAndVersions() {
        #expect(CMPP.CommandID.submit.response == .submitResponse)
        #expect(CMPP.CommandID.deliverResponse.isResponse)
        #expect(!CMPP.CommandID.activeTest.isResponse)
        #expect(CMPP.CommandID.activeTestResponse.description == "0x80000008")
        #expect(CMPP.ProtocolVersion.v2_1.layout == .v2)
        #expect(CMPP.ProtocolVersion.v3_0.major == 3)
        #expect(CMPP.Layout.v3.protocolVersion == .v3_0)
    }

    @Test func frameLimitsFollowTheSheet() {
        #expect(CMPP3.frameLimits.maxLength == 3490)
        #expect(CMPP2.frameLimits.maxLength == 2376)
        #expect(CMPP3.frameLimits.minLength == 12)
        #expect(CMPP.Submit.fixedBodyLength(.v3) == 151)
        #expect(CMPP.Submit.fixedBodyLength(.v2) == 126)
        #expect(CMPP.StatusReport.length(.v3) == 71)
        #expect(CMPP.StatusReport.length(.v2) == 60)
        #expect(CMPP.ConnectResponse.bodyLength(.v3) == 21)
        #expect(CMPP.ConnectResponse.bodyLength(.v2) == 18)
    }
}

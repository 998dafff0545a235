import Testing
@testable import CarrierWire

@Suite struct SMGPStatusTests {
    /// protocols/README.md §1.2, SMGP column.
    @Test(arguments: [
        (UInt32(0), RetryClass.success),
        (1, .throttle),
        (2, .retryLater), (74, .retryLater),
        (75, .linkFatal), (76, .linkFatal),
        (20, .linkFatal), (21, .linkFatal), (22, .linkFatal),
        (10, .permanent), (11, .permanent), (12, .permanent),
        (30, .permanent), (36, .permanent), (47, .permanent), (49, .permanent), (73, .permanent),
        (200, .permanent), (9999, .permanent),
    ])
    func retryClass(code: UInt32, expected: RetryClass) {
        #expect(SMGPStatus(rawValue: code).retryClass == expected)
    }

    @Test func reasons() {
        #expect(SMGPStatus.systemBusy.reason == "system busy")
        #expect(SMGPStatus.dailyQuotaExceeded.description == "75 (daily volume exceeded)")
        #expect(SMGPStatus(rawValue: 130).reason == "vendor-defined status 130")
        #expect(SMGPStatus(rawValue: 60).reason == "GNS/routing error 60")
        #expect(SMGPStatus(rawValue: 5).reason == "undefined status 5")
        for code in UInt32(30)...49 { #expect(!SMGPStatus(rawValue: code).reason.hasPrefix("undefined")) }
    }

    @Test func commandIDs() {
        #expect(SMGPCommandID.exitResp.rawValue == 0x8000_0006)
        #expect(SMGPCommandID.deliverResp.isResponse && !SMGPCommandID.deliver.isResponse)
        #expect(SMGPCommandID.activeTest.description == "0x00000004")
    }
}

import Testing
@testable import CarrierWire

@Suite struct SGIPResultTests {
    /// protocols/README.md §1.2, SGIP column.
    @Test(arguments: [
        (UInt8(0), RetryClass.success),
        (88, .throttle), (11, .throttle),
        (3, .retryLater),
        (1, .linkFatal), (2, .linkFatal), (4, .linkFatal),
        (5, .permanent), (6, .permanent), (7, .permanent), (8, .permanent), (9, .permanent),
        (24, .permanent), (27, .permanent), (29, .permanent), (30, .permanent), (31, .permanent),
        (21, .retryLater), (26, .retryLater), (33, .retryLater),
        (200, .permanent),
    ])
    func retryClass(code: UInt8, expected: RetryClass) {
        #expect(SGIPResult(rawValue: code).retryClass == expected)
    }

    @Test func reasonsAreReadable() {
        #expect(SGIPResult.tooFast.rawValue == 88)
        #expect(SGIPResult.nodeBusy.reason == "node busy")
        #expect(SGIPResult.tooFast.description == "88 (too fast (de-facto over-speed code))")
        #expect(SGIPResult(rawValue: 150).reason == "undefined result 150")
        for code in UInt8(21)...33 {
            #expect(!SGIPResult(rawValue: code).reason.hasPrefix("undefined"))
        }
    }

    @Test func commandIDs() {
        #expect(SGIPCommandID.userRptResp.rawValue == 0x8000_0011)
        #expect(SGIPCommandID.submitResp.isResponse)
        #expect(!SGIPCommandID.submit.isResponse)
        #expect(SGIPCommandID.report.description == "0x00000005")
    }
}

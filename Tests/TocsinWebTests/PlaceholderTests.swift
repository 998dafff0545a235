import Testing
import TocsinCore

@Suite struct WebPlaceholderTests {
    @Test func warningStatesHaveChineseNames() {
        #expect(WarningState.pendingReview.nameZH == "待审核")
    }
}

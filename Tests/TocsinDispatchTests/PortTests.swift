import Testing
import TocsinCore

@Suite struct DispatchPortTests {
    @Test func countsFinishedAddsTheFinalStates() {
        let counts = DispatchProgress.Counts(planned: 10, pending: 1, submitted: 2, delivered: 4, failed: 1, expired: 1, cancelled: 1)
        #expect(counts.finished == 7)
    }
}

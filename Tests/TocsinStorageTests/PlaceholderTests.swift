import Testing
@testable import TocsinStorage

@Test func placeholder() { #expect(1 + 1 == 2) }

import Testing
@testable import TocsinApp

@Test func placeholder() { #expect(1 + 1 == 2) }

import Testing
@testable import TocsinCore

@Test func placeholder() { #expect(1 + 1 == 2) }

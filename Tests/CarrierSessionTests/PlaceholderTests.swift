import Testing
@testable import CarrierSession

@Test func placeholder() { #expect(1 + 1 == 2) }

import Testing
@testable import CarrierWire

@Test func placeholder() { #expect(1 + 1 == 2) }

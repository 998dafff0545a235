import Testing
@testable import CarrierGateway

@Test func gatewayTargetBuilds() { #expect(Bool(true)) }

import Testing
@testable import CarrierWire

@Suite struct SMPPCommandStatusTests {
    @Test(arguments: [
        (SMPP.CommandStatus.ok, RetryClass.success),
        (.throttled, .throttle), (.messageQueueFull, .throttle),
        (.systemError, .retryLater), (.receiverTemporaryError, .retryLater),
        (.bindFailed, .linkFatal), (.invalidPassword, .linkFatal), (.invalidSystemID, .linkFatal),
        (.invalidMessageLength, .permanent), (.invalidCommandID, .permanent), (.invalidDestinationAddress, .permanent),
        (.submitFailed, .permanent), (.unknownError, .permanent),
        (SMPP.CommandStatus(rawValue: 0x400), .permanent), (SMPP.CommandStatus(rawValue: 0x4FF), .permanent),
    ])
    func retryClassFollowsReadmeSection1_2(status: SMPP.CommandStatus, expected: RetryClass) {
        #expect(status.retryClass == expected)
    }

    @Test func namedConstantsMatchTable5_2() {
        #expect(SMPP.CommandStatus.ok.rawValue == 0x00)
        #expect(SMPP.CommandStatus.invalidMessageLength.rawValue == 0x01)
        #expect(SMPP.CommandStatus.invalidCommandID.rawValue == 0x03)
        #expect(SMPP.CommandStatus.systemError.rawValue == 0x08)
        #expect(SMPP.CommandStatus.bindFailed.rawValue == 0x0D)
        #expect(SMPP.CommandStatus.messageQueueFull.rawValue == 0x14)
        #expect(SMPP.CommandStatus.throttled.rawValue == 0x58)
        #expect(SMPP.CommandStatus.receiverTemporaryError.rawValue == 0x64)
        #expect(SMPP.CommandStatus.throttled.name == "ESME_RTHROTTLED")
        #expect(SMPP.CommandStatus.receiverTemporaryError.name == "ESME_RX_T_APPN")
    }

    @Test func readableTextForKnownAndVendorCodes() {
        #expect(SMPP.CommandStatus.throttled.description == "ESME_RTHROTTLED (0x58)")
        #expect(SMPP.CommandStatus.throttled.reason.contains("rate"))
        let vendor: SMPP.CommandStatus = 0x401
        #expect(vendor.name == nil)
        #expect(vendor.description == "0x401")
        #expect(vendor.reason == "SMSC vendor-specific error")
        #expect(SMPP.CommandStatus(rawValue: 0x101).reason == "reserved for SMPP extensions")
    }

    @Test func statusSurvivesTheWire() throws {
        let packet = SMPP.Packet(.submitSMResponse(.init(messageID: nil)), sequenceNumber: 1, status: 0x0000_0456)
        try expectRoundTrip(SMPP.self, packet)
    }
}

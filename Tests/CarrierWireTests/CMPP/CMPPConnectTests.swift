import Testing
@testable import CarrierWire

@Suite("CMPP CONNECT / CONNECT_RESP and authenticators")
struct CMPPConnectTests {
    typealias V = CMPPVectors

    @Test func authenticatorSourceMatchesPublishedVector() {
        #expect(CMPP.Authenticator.source(sourceAddr: V.sourceAddr, secret: V.secret, timestamp: V.timestamp) == V.authenticatorSource)
    }

    @Test func authenticatorISMGMatchesVectorsInBothWidths() {
        #expect(CMPP.Authenticator.ismg(status: .success, authenticatorSource: V.authenticatorSource, secret: V.secret, layout: .v2) == V.authenticatorISMG2)
        #expect(CMPP.Authenticator.ismg(status: .success, authenticatorSource: V.authenticatorSource, secret: V.secret, layout: .v3) == V.authenticatorISMG3)
    }

    @Test func timestampIsMMDDHHMMSSWithLeadingZeroKept() {
        #expect(CMPP.Connect.timestamp(month: 10, day: 21, hour: 8, minute: 5, second: 10) == 0x3CDC_73BE)
        #expect(CMPP.Connect.timestamp(month: 1, day: 5, hour: 8, minute: 30, second: 0) == 105_083_000)
        #expect(CMPP.Authenticator.timestampDigits(105_083_000) == "0105083000")
        #expect(CMPP.Connect.timestamp(month: 13, day: 1, hour: 0, minute: 0, second: 0) == nil)
        #expect(CMPP.Connect.timestamp(month: 1, day: 1, hour: 24, minute: 0, second: 0) == nil)
    }

    @Test func connectGoldenVersion21InBothCodecs() throws {
        let connect = CMPP.Connect(sourceAddr: V.sourceAddr, secret: V.secret, timestamp: V.timestamp, version: .v2_1)
        #expect(connect.authenticatorSource == V.authenticatorSource)
        let packet = CMPP.Packet(sequenceID: 0x17, body: .connect(connect))
        try expectGolden(CMPP2.self, packet, V.connect21)
        try expectGolden(CMPP3.self, packet, V.connect21)
        #expect(connect.version.layout == .v2)
    }

    @Test func connectGoldenVersion30() throws {
        let connect = CMPP.Connect(sourceAddr: V.sourceAddr, secret: V.secret, timestamp: V.timestamp, version: .v3_0)
        try expectGolden(CMPP3.self, CMPP.Packet(sequenceID: 1, body: .connect(connect)), V.connect30)
        #expect(connect.version.layout == .v3)
        #expect(connect.version.description == "3.0")
    }

    @Test func connectResponseGolden20() throws {
        let response = CMPP.ConnectResponse(status: .success, authenticatorISMG: V.authenticatorISMG2, version: .v2_1)
        try expectGolden(CMPP2.self, CMPP.Packet(sequenceID: 0x17, body: .connectResponse(response)), V.connectResponse2)
        #expect(CMPP.Authenticator.verify(response, authenticatorSource: V.authenticatorSource, secret: V.secret, layout: .v2))
        #expect(!CMPP.Authenticator.verify(response, authenticatorSource: V.authenticatorSource, secret: "888889", layout: .v2))
    }

    @Test func connectResponseGolden30() throws {
        let connect = CMPP.Connect(sourceAddr: V.sourceAddr, secret: V.secret, timestamp: V.timestamp, version: .v3_0)
        let response = CMPP.ConnectResponse(answering: connect, status: .success, secret: V.secret, version: .v3_0, layout: .v3)
        #expect(response.authenticatorISMG == V.authenticatorISMG3)
        try expectGolden(CMPP3.self, CMPP.Packet(sequenceID: 0x17, body: .connectResponse(response)), V.connectResponse3)
        #expect(CMPP.Authenticator.verify(response, authenticatorSource: V.authenticatorSource, secret: V.secret, layout: .v3))
        // The 2.0 hash of the same inputs differs: width matters.
        #expect(!CMPP.Authenticator.verify(response, authenticatorSource: V.authenticatorSource, secret: V.secret, layout: .v2))
    }

    @Test func gatewayVerifiesConnect() {
        let connect = CMPP.Connect(sourceAddr: V.sourceAddr, secret: V.secret, timestamp: V.timestamp, version: .v3_0)
        #expect(CMPP.Authenticator.verify(connect, secret: V.secret))
        #expect(!CMPP.Authenticator.verify(connect, secret: "888887"))
        var replayed = connect
        replayed.timestamp += 1
        #expect(!CMPP.Authenticator.verify(replayed, secret: V.secret))
    }

    @Test func shortSourceAddrHashingVariantsDifferButSixCharactersAgree() {
        let padded = CMPP.Authenticator.source(sourceAddr: "9001", secret: V.secret, timestamp: V.timestamp, hashing: .padded)
        let unpadded = CMPP.Authenticator.source(sourceAddr: "9001", secret: V.secret, timestamp: V.timestamp, hashing: .unpadded)
        #expect(padded != unpadded)
        #expect(padded == CMPP.Authenticator.source(sourceAddr: "9001\0\0", secret: V.secret, timestamp: V.timestamp, hashing: .unpadded))
        #expect(CMPP.Authenticator.source(sourceAddr: V.sourceAddr, secret: V.secret, timestamp: V.timestamp, hashing: .unpadded) == V.authenticatorSource)
    }

    @Test func failedLoginAnswerHasZeroAuthenticatorAndRoundTrips() throws {
        let connect = CMPP.Connect(sourceAddr: V.sourceAddr, secret: "wrong", timestamp: V.timestamp, version: .v3_0)
        let answer2 = CMPP.ConnectResponse(answering: connect, status: .authenticationError, secret: V.secret, version: .v2_0, layout: .v2)
        let answer3 = CMPP.ConnectResponse(answering: connect, status: .versionTooHigh, secret: V.secret, version: .v2_0, layout: .v3)
        #expect(answer2.authenticatorISMG == [UInt8](repeating: 0, count: 16))
        #expect(answer3.authenticatorISMG == [UInt8](repeating: 0, count: 16))
        try expectRoundTrip(CMPP2.self, CMPP.Packet(sequenceID: 9, body: .connectResponse(answer2)))
        try expectRoundTrip(CMPP3.self, CMPP.Packet(sequenceID: 9, body: .connectResponse(answer3)))
    }

    @Test func connectRoundTripsWithShortSourceAddr() throws {
        let connect = CMPP.Connect(sourceAddr: "9001", secret: V.secret, timestamp: 101_000_000, version: .v2_0, hashing: .unpadded)
        try expectRoundTrip(CMPP2.self, CMPP.Packet(sequenceID: .max, body: .connect(connect)))
    }

    @Test func encoderRejectsOverlongFields() throws {
        var connect = CMPP.Connect(sourceAddr: "9000011", authenticatorSource: V.authenticatorSource, version: .v3_0, timestamp: V.timestamp)
        expectWireError(.valueTooLong) { _ = try CMPP3.encode(CMPP.Packet(sequenceID: 1, body: .connect(connect))) }
        connect.sourceAddr = V.sourceAddr
        connect.authenticatorSource = [UInt8](repeating: 1, count: 17)
        expectWireError(.valueTooLong) { _ = try CMPP3.encode(CMPP.Packet(sequenceID: 1, body: .connect(connect))) }
        let response = CMPP.ConnectResponse(status: CMPP.ConnectStatus(rawValue: 256), authenticatorISMG: [], version: .v2_0)
        expectWireError(.valueTooLong) { _ = try CMPP2.encode(CMPP.Packet(sequenceID: 1, body: .connectResponse(response))) }
        try expectRoundTrip(CMPP3.self, CMPP.Packet(sequenceID: 1, body: .connectResponse(CMPP.ConnectResponse(
            status: CMPP.ConnectStatus(rawValue: 256), authenticatorISMG: V.authenticatorISMG3, version: .v3_0))))
    }

    @Test func encoderErrorLeavesBufferUntouchedAndNamesCommand() {
        var buffer = try! CMPP3.encode(CMPP.Packet(sequenceID: 1, body: .activeTest))
        let before = buffer
        let connect = CMPP.Connect(sourceAddr: "toolongid", authenticatorSource: [], version: .v3_0, timestamp: 0)
        let error = #expect(throws: WireError.self) {
            try CMPP3.encode(CMPP.Packet(sequenceID: 2, body: .connect(connect)), into: &buffer)
        }
        #expect(error?.commandID == CMPP.CommandID.connect.rawValue)
        #expect(buffer == before)
    }

    @Test func wrongLengthConnectIsRejected() {
        let golden = hexBytes(V.connect30)
        expectWireError(.truncated) { _ = try CMPP3.decode(bytes: withFixedLength(Array(golden.dropLast()))) }
        expectWireError(.trailingBytes) { _ = try CMPP3.decode(bytes: withFixedLength(golden + [0])) }
        // A 3.0 CONNECT_RESP read with the 2.0 codec has 3 bytes too many, and vice versa.
        expectWireError(.trailingBytes) { _ = try CMPP2.decode(bytes: hexBytes(V.connectResponse3)) }
        expectWireError(.truncated) { _ = try CMPP3.decode(bytes: hexBytes(V.connectResponse2)) }
    }
}

import NIOCore
import Testing
@testable import CarrierWire

@Suite struct SMPPBindTests {
    @Test func bindTransceiverGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.bindTransceiver.0, SMPPGolden.bindTransceiver.1)
    }

    @Test func bindTransmitterGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.bindTransmitter.0, SMPPGolden.bindTransmitter.1)
    }

    @Test func bindReceiverGolden() throws {
        try expectGolden(SMPP.self, SMPPGolden.bindReceiver.0, SMPPGolden.bindReceiver.1)
    }

    @Test func roundTripWithEveryFieldAtItsMaximum() throws {
        let bind = SMPP.Bind(systemID: String(repeating: "s", count: 15), password: "12345678",
                             systemType: String(repeating: "t", count: 12), interfaceVersion: 0x50,
                             addressRange: SMPP.Address(String(repeating: "9", count: 40), ton: .international, npi: .isdn))
        for body in [SMPP.Body.bindTransmitter(bind), .bindReceiver(bind), .bindTransceiver(bind)] {
            let packet = SMPP.Packet(body, sequenceNumber: 0x7FFF_FFFF)
            try expectRoundTrip(SMPP.self, packet)
            #expect(try encodedBytes(SMPP.self, packet).count == 98)  // §1.1 maximum
        }
    }

    @Test func encoderRefusesOverlongFields() {
        let cases = [
            SMPP.Bind(systemID: String(repeating: "s", count: 16), password: "p"),
            SMPP.Bind(systemID: "s", password: "123456789"),
            SMPP.Bind(systemID: "s", password: "p", systemType: String(repeating: "t", count: 13)),
            SMPP.Bind(systemID: "s", password: "p", addressRange: SMPP.Address(String(repeating: "9", count: 41))),
        ]
        for bind in cases {
            var buffer = ByteBuffer()
            #expect(wireErrorCode { try SMPP.encode(SMPP.Packet(.bindTransmitter(bind), sequenceNumber: 1), into: &buffer) } == .valueTooLong)
            #expect(buffer.readableBytes == 0, "a failed encode leaves the buffer untouched")
        }
    }

    @Test func passwordNeverAppearsInDescriptions() {
        let packet = SMPP.Packet(.bindTransceiver(SMPPFixture.esmeCredentials), sequenceNumber: 1)
        var dumped = ""
        dump(packet, to: &dumped)
        for text in [String(describing: packet), String(reflecting: packet), dumped] {
            #expect(!text.contains("pwd12345"))
            #expect(text.contains("esme01"))
        }
    }

    @Test func overlongCStringInBodyIsInvalidField() {
        // system_id of 16 characters without NUL inside its 16-byte maximum.
        var bytes = hexBytes(SMPPGolden.bindTransmitter.1)
        bytes.replaceSubrange(16..<23, with: Array("ABCDEFGHIJKLMNOP".utf8) + [0])
        bytes[3] = UInt8(bytes.count)
        #expect(decodeErrorCode(SMPP.self, bytes) == .invalidField)
    }
}

import NIOCore
import Testing
@testable import CarrierWire

/// Hostile or broken input: each case asserts the specific `WireError` code.
@Suite struct SMPPNegativeTests {
    @Test func declaredLengthBelowHeader() {
        let bytes = hexBytes("0000000f 00000015 00000000 00000001")
        #expect(decodeErrorCode(SMPP.self, bytes) == .lengthTooSmall)
        var frame = ByteBuffer(bytes: bytes)
        #expect(wireErrorCode { try SMPP.decode(frame: &frame) } == .lengthTooSmall)
    }

    @Test func declaredLengthAboveMaximumFailsBeforeBuffering() {
        var decoder = PacketDecoder<SMPP>()
        let tooLarge = UInt32(SMPP.maxPDULength + 1)
        var buffer = ByteBuffer()
        buffer.writeInteger(tooLarge)
        buffer.writeInteger(SMPP.CommandID.submitSM.rawValue)
        #expect(wireErrorCode { try decoder.decode(buffer: &buffer) } == .lengthTooLarge)
    }

    @Test func perCommandBoundsFromSection1_1() {
        // bind_transmitter of 22 bytes (minimum 23).
        let short = hexBytes("00000016 00000002 00000000 00000001 00 00 00 34 00 00")
        #expect(decodeErrorCode(SMPP.self, short) == .lengthTooSmall)
        // bind_transmitter of 99 bytes (maximum 98).
        let long = hexBytes("00000063 00000002 00000000 00000001") + Array(repeating: 0, count: 83)
        #expect(decodeErrorCode(SMPP.self, long) == .lengthTooLarge)
        // submit_sm of 32 bytes (minimum 33).
        let submit = hexBytes("00000020 00000004 00000000 00000001") + Array(repeating: 0, count: 16)
        #expect(decodeErrorCode(SMPP.self, submit) == .lengthTooSmall)
    }

    @Test func truncatedFrame() {
        var bytes = hexBytes(SMPPGolden.bindTransceiver.1)
        bytes.removeLast()
        #expect(decodeErrorCode(SMPP.self, bytes) == .truncated)
        var frame = ByteBuffer(bytes: bytes)
        #expect(wireErrorCode { try SMPP.decode(frame: &frame) } == .truncated)
        var headerOnly = ByteBuffer(bytes: Array(bytes.prefix(10)))
        #expect(wireErrorCode { try SMPP.decode(frame: &headerOnly) } == .lengthTooSmall)
    }

    @Test func trailingBytes() {
        // A bind has no TLVs: one extra byte after address_range (length still within 98).
        var bytes = hexBytes(SMPPGolden.bindTransceiver.1) + [0x00]
        bytes[3] += 1
        #expect(decodeErrorCode(SMPP.self, bytes) == .trailingBytes)
        // A frame holding more bytes than its length field declares.
        var frame = ByteBuffer(bytes: hexBytes(SMPPGolden.enquireLink.1) + [0xFF])
        #expect(wireErrorCode { try SMPP.decode(frame: &frame) } == .trailingBytes)
        // Same through the convenience decoder.
        #expect(decodeErrorCode(SMPP.self, hexBytes(SMPPGolden.outbind.1) + [0]) == .trailingBytes)
    }

    @Test func unknownCommandIsADecodingOutcomeNotAnError() throws {
        let packet = try SMPP.decode(bytes: hexBytes("00000012 00000103 00000000 0000002a 00 00"))
        #expect(packet.body == .unknown(commandID: .dataSM, body: [0, 0]))
        #expect(packet.genericNackReply?.commandStatus == .invalidCommandID)
        #expect(packet.genericNackReply?.sequenceNumber == 0x2A)
    }

    @Test func badFields() {
        // password without NUL within its 9-byte maximum.
        let password = SMPPFixture.frame(.bindTransmitter, body: [0x41, 0] + Array("123456789ABC".utf8) + [0, 0x34, 0, 0, 0])
        #expect(decodeErrorCode(SMPP.self, password) == .invalidField)
        // sm_length 255 in a deliver_sm.
        var deliver = hexBytes(SMPPGolden.deliverMO.1)
        deliver[0x32] = 0xFF
        #expect(decodeErrorCode(SMPP.self, deliver) == .invalidField)
    }

    @Test func errorsCarryCommandAndHeaderButNoPersonalData() {
        var bytes = hexBytes(SMPPGolden.deliverMO.1)
        bytes.removeLast(2)
        bytes[3] = UInt8(bytes.count)
        do {
            _ = try SMPP.decode(bytes: bytes)
            Issue.record("expected an error")
        } catch let error as WireError {
            #expect(error.code == .truncated)
            #expect(error.commandID == SMPP.CommandID.deliverSM.rawValue)
            #expect(error.headerHex == "00000035 00000005 00000000 0000004e")
            #expect(!error.description.contains("8613800138000"))
            #expect(!error.description.contains("38363133"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func arbitraryBytesNeverTrap() {
        // Random frames with a valid length field and a random command id / body: decode either
        // returns a packet or throws a WireError.
        var rng = SplitMix64(seed: 0x5EED)
        let ids: [UInt32] = [0x01, 0x02, 0x09, 0x0B, 0x04, 0x05, 0x8000_0001, 0x8000_0004, 0x8000_0005, 0x8000_0009, 0x15, 0x1234]
        for _ in 0..<2_000 {
            let bodyLength = Int.random(in: 0...120, using: &rng)
            var bytes: [UInt8] = []
            bytes.append(contentsOf: withUnsafeBytes(of: UInt32(16 + bodyLength).bigEndian, Array.init))
            bytes.append(contentsOf: withUnsafeBytes(of: ids.randomElement(using: &rng)!.bigEndian, Array.init))
            bytes.append(contentsOf: [0, 0, 0, 0, 0, 0, 0, 1])
            bytes.append(contentsOf: (0..<bodyLength).map { _ in UInt8.random(in: 0...3, using: &rng) == 0 ? 0 : UInt8.random(in: 0...255, using: &rng) })
            let packet: SMPP.Packet
            do {
                packet = try SMPP.decode(bytes: bytes)
            } catch is WireError {
                continue
            } catch {
                Issue.record("non-WireError \(error)")
                continue
            }
            // Whatever decodes and is encodable must re-encode to the same bytes. (Encoders are
            // stricter than decoders for time strings and short_message+message_payload.)
            if let reencoded = try? encodedBytes(SMPP.self, packet) {
                #expect(reencoded == bytes)
            }
        }
    }
}

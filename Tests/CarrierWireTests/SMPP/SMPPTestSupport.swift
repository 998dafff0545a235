@testable import CarrierWire

/// Helpers for the SMPP tests (namespaced so other protocols' test helpers cannot collide).
enum SMPPFixture {
    /// A PDU with a correct length field around `body`.
    static func frame(_ commandID: SMPP.CommandID, status: UInt32 = 0, sequence: UInt32 = 1, body: [UInt8]) -> [UInt8] {
        [UInt32(16 + body.count), commandID.rawValue, status, sequence]
            .flatMap { withUnsafeBytes(of: $0.bigEndian, Array.init) } + body
    }

    static func ucs2(_ text: String) -> [UInt8] {
        text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    static let esmeCredentials = SMPP.Bind(systemID: "esme01", password: "pwd12345")
}

/// Every golden vector of smpp.md §12 with the value it encodes.
enum SMPPGolden {
    static let enquireLink = (SMPP.Packet(.enquireLink, sequenceNumber: 3), "00000010000000150000000000000003")
    static let enquireLinkResponse = (SMPP.Packet(.enquireLinkResponse, sequenceNumber: 3), "00000010800000150000000000000003")
    static let unbind = (SMPP.Packet(.unbind, sequenceNumber: 4), "00 00 00 10 00 00 00 06 00 00 00 00 00 00 00 04")
    static let unbindResponse = (SMPP.Packet(.unbindResponse, sequenceNumber: 4), "00 00 00 10 80 00 00 06 00 00 00 00 00 00 00 04")
    static let genericNack = (SMPP.Packet(.genericNack, sequenceNumber: 5, status: .invalidCommandID),
                              "00 00 00 10 80 00 00 00 00 00 00 03 00 00 00 05")

    static let bindTransceiver = (SMPP.Packet(.bindTransceiver(SMPPFixture.esmeCredentials), sequenceNumber: 1), """
        0000: 00 00 00 25 00 00 00 09 00 00 00 00 00 00 00 01
        0010: 65 73 6d 65 30 31 00 70 77 64 31 32 33 34 35 00
        0020: 00 34 00 00 00
        """)
    static let bindTransmitter = (SMPP.Packet(.bindTransmitter(SMPPFixture.esmeCredentials), sequenceNumber: 1), """
        0000: 00 00 00 25 00 00 00 02 00 00 00 00 00 00 00 01
        0010: 65 73 6d 65 30 31 00 70 77 64 31 32 33 34 35 00
        0020: 00 34 00 00 00
        """)
    static let bindReceiver = (SMPP.Packet(.bindReceiver(SMPPFixture.esmeCredentials), sequenceNumber: 1), """
        0000: 00 00 00 25 00 00 00 01 00 00 00 00 00 00 00 01
        0010: 65 73 6d 65 30 31 00 70 77 64 31 32 33 34 35 00
        0020: 00 34 00 00 00
        """)
    static let bindTransceiverResponse = (SMPP.Packet(.bindTransceiverResponse(.init(systemID: "SMSC")), sequenceNumber: 1),
                                          "00 00 00 15 80 00 00 09 00 00 00 00 00 00 00 01 53 4d 53 43 00")
    static let bindTransceiverResponseTLV = (SMPP.Packet(.bindTransceiverResponse(.accepted(systemID: "SMSC")), sequenceNumber: 1),
                                             "00 00 00 1a 80 00 00 09 00 00 00 00 00 00 00 01 53 4d 53 43 00 02 10 00 01 34")
    static let bindTransmitterResponseRejected = (
        SMPP.Packet(.bindTransmitterResponse(.rejected), sequenceNumber: 1, status: .invalidPassword),
        "00 00 00 10 80 00 00 02 00 00 00 0e 00 00 00 01")
    static let outbind = (SMPP.Packet(.outbind(.init(systemID: "SMSC", password: "pwd")), sequenceNumber: 1),
                          "00 00 00 19 00 00 00 0b 00 00 00 00 00 00 00 01 53 4d 53 43 00 70 77 64 00")

    static let submitUDH = (SMPP.Packet(.submitSM(SMPP.SubmitSM(
        source: .international("12379"), destination: .international("8613800138000"),
        esmClass: .udhi, registeredDelivery: .finalOutcome, dataCoding: .ucs2,
        shortMessage: [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01] + SMPPFixture.ucs2("测试"))), sequenceNumber: 2), """
        0000: 00 00 00 3d 00 00 00 04 00 00 00 00 00 00 00 02
        0010: 00 01 01 31 32 33 37 39 00 01 01 38 36 31 33 38
        0020: 30 30 31 33 38 30 30 30 00 40 00 00 00 00 01 00
        0030: 08 00 0a 05 00 03 2a 02 01 6d 4b 8b d5
        """)
    static let submitSAR: (SMPP.Packet, String) = {
        var tlvs = SMPP.TLVList()
        tlvs.sarMsgRefNum = 0x1234
        tlvs.sarTotalSegments = 2
        tlvs.sarSegmentSeqnum = 1
        let submit = SMPP.SubmitSM(source: .international("12379"), destination: .international("8613800138000"),
                                   registeredDelivery: .finalOutcome, dataCoding: .ucs2,
                                   shortMessage: SMPPFixture.ucs2("测试"), tlvs: tlvs)
        return (SMPP.Packet(.submitSM(submit), sequenceNumber: 2), """
            0000: 00 00 00 47 00 00 00 04 00 00 00 00 00 00 00 02
            0010: 00 01 01 31 32 33 37 39 00 01 01 38 36 31 33 38
            0020: 30 30 31 33 38 30 30 30 00 00 00 00 00 00 01 00
            0030: 08 00 04 6d 4b 8b d5 02 0c 00 02 12 34 02 0e 00
            0040: 01 02 02 0f 00 01 01
            """)
    }()
    static let submitResponse = (SMPP.Packet(.submitSMResponse(.init(messageID: "0A1B2C3D")), sequenceNumber: 2),
                                 "00 00 00 19 80 00 00 04 00 00 00 00 00 00 00 02 30 41 31 42 32 43 33 44 00")
    static let submitResponseThrottled = (SMPP.Packet(.submitSMResponse(.init(messageID: nil)), sequenceNumber: 2, status: .throttled),
                                          "00 00 00 10 80 00 00 04 00 00 00 58 00 00 00 02")

    static let receiptText = "id:0A1B2C3D sub:001 dlvrd:001 submit date:2508301056 done date:2508301057 stat:DELIVRD err:000 text:"
    static let deliverReceipt: (SMPP.Packet, String) = {
        var tlvs = SMPP.TLVList()
        tlvs.receiptedMessageID = "0A1B2C3D"
        tlvs.messageState = .delivered
        let deliver = SMPP.DeliverSM(source: .international("8613800138000"), destination: .international("12379"),
                                     esmClass: .deliveryReceipt, shortMessage: Array(receiptText.utf8), tlvs: tlvs)
        return (SMPP.Packet(.deliverSM(deliver), sequenceNumber: 0x4D), """
            0000: 00 00 00 a9 00 00 00 05 00 00 00 00 00 00 00 4d
            0010: 00 01 01 38 36 31 33 38 30 30 31 33 38 30 30 30
            0020: 00 01 01 31 32 33 37 39 00 04 00 00 00 00 00 00
            0030: 00 00 64 69 64 3a 30 41 31 42 32 43 33 44 20 73
            0040: 75 62 3a 30 30 31 20 64 6c 76 72 64 3a 30 30 31
            0050: 20 73 75 62 6d 69 74 20 64 61 74 65 3a 32 35 30
            0060: 38 33 30 31 30 35 36 20 64 6f 6e 65 20 64 61 74
            0070: 65 3a 32 35 30 38 33 30 31 30 35 37 20 73 74 61
            0080: 74 3a 44 45 4c 49 56 52 44 20 65 72 72 3a 30 30
            0090: 30 20 74 65 78 74 3a 00 1e 00 09 30 41 31 42 32
            00a0: 43 33 44 00 04 27 00 01 02
            """)
    }()
    static let deliverMO = (SMPP.Packet(.deliverSM(SMPP.DeliverSM(
        source: .international("8613800138000"), destination: SMPP.Address("12379"),
        dataCoding: .ucs2, shortMessage: SMPPFixture.ucs2("收到"))), sequenceNumber: 0x4E), """
        0000: 00 00 00 37 00 00 00 05 00 00 00 00 00 00 00 4e
        0010: 00 01 01 38 36 31 33 38 30 30 31 33 38 30 30 30
        0020: 00 00 00 31 32 33 37 39 00 00 00 00 00 00 00 00
        0030: 08 00 04 65 36 52 30
        """)
    static let deliverResponse = (SMPP.Packet(.deliverSMResponse(.init()), sequenceNumber: 0x4D),
                                  "00 00 00 11 80 00 00 05 00 00 00 00 00 00 00 4d 00")

    /// All of the above, for stream tests.
    static let all: [(SMPP.Packet, String)] = [
        enquireLink, enquireLinkResponse, unbind, unbindResponse, genericNack,
        bindTransceiver, bindTransmitter, bindReceiver, bindTransceiverResponse, bindTransceiverResponseTLV,
        bindTransmitterResponseRejected, outbind, submitUDH, submitSAR, submitResponse, submitResponseThrottled,
        deliverReceipt, deliverMO, deliverResponse,
    ]
}

@testable import CarrierWire

/// The vectors of smgp.md §10 and §10.1 with their values.
enum SMGPVectors {
    static let ucs2Test: [UInt8] = [0x6d, 0x4b, 0x8b, 0xd5]   // "测试"
    static let ucs2Received: [UInt8] = [0x65, 0x36, 0x52, 0x30] // "收到"
    static let specMsgID = SMGPMsgID(hex: "01006101161700012345")!
    static let timestamp: UInt32 = 0x11F0_E540 // 0301000000
    static let clientAuthenticator = hexBytes("95 89 8c 46 de db cf 39 3d cd 4c 2a 86 14 81 e9")
    static let serverAuthenticator = hexBytes("77 80 71 b4 bb 57 22 ed a0 90 54 22 b0 0f b6 a8")

    static let login = SMGPLogin(clientID: "12345678", authenticatorClient: clientAuthenticator, loginMode: .transmit,
                                 timestamp: timestamp, clientVersion: 0x30)
    static let loginResp = SMGPLoginResp(status: .success, authenticatorServer: serverAuthenticator, serverVersion: 0x30)

    static var submit: SMGPSubmit {
        var tlvs = SMGPTLVList()
        tlvs.pkTotal = 1
        tlvs.pkNumber = 1
        return SMGPSubmit(msgType: 6, needReport: 1, priority: 3, serviceID: "ALERT", feeType: "00", feeCode: "000000",
                          fixedFee: "000000", msgFormat: 8, srcTermID: "10612379", chargeTermID: "",
                          destTermIDs: ["8613800138000"], content: ucs2Test, tlvs: tlvs)
    }

    static var longSubmitSegment2: SMGPSubmit {
        var s = submit
        s.content = [0x05, 0x00, 0x03, 0x2a, 0x02, 0x02] + ucs2Test
        s.tlvs = [SMGPTLV(tag: .tpUdhi, value: [1]), SMGPTLV(tag: .pkTotal, value: [2]), SMGPTLV(tag: .pkNumber, value: [2])]
        return s
    }

    static let report = SMGPReport(id: specMsgID, sub: "001", dlvrd: "001", submitDate: "0303012000", doneDate: "0303012001",
                                   stat: .delivered, err: .success, text: Array("004".utf8) + ucs2Test)

    static var reportDeliver: SMGPDeliver {
        try! SMGPDeliver(msgID: SMGPMsgID(hex: "01006103012001000777")!, report: report, recvTime: "20030301200100",
                         srcTermID: "8613800138000", destTermID: "10612379")
    }

    static var moDeliver: SMGPDeliver {
        SMGPDeliver(msgID: SMGPMsgID(hex: "01006103012001000888")!, isReport: false, msgFormat: 8, recvTime: "20250830105600",
                    srcTermID: "8613800138000", destTermID: "10612379",
                    content: [0x05, 0x00, 0x03, 0x33, 0x02, 0x01] + ucs2Received, tlvs: [SMGPTLV(tag: .tpUdhi, value: [1])])
    }

    static let loginHex = """
    0000: 00 00 00 2a 00 00 00 01 00 00 00 01 31 32 33 34
    0010: 35 36 37 38 95 89 8c 46 de db cf 39 3d cd 4c 2a
    0020: 86 14 81 e9 02 11 f0 e5 40 30
    """
    static let loginRespHex = """
    0000: 00 00 00 21 80 00 00 01 00 00 00 01 00 00 00 00
    0010: 77 80 71 b4 bb 57 22 ed a0 90 54 22 b0 0f b6 a8
    0020: 30
    """
    static let submitHex = """
    0000: 00 00 00 a1 00 00 00 02 00 00 00 05 06 01 03 41
    0010: 4c 45 52 54 00 00 00 00 00 30 30 30 30 30 30 30
    0020: 30 30 30 30 30 30 30 08 00 00 00 00 00 00 00 00
    0030: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    0040: 00 00 00 00 00 00 00 00 00 00 31 30 36 31 32 33
    0050: 37 39 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    0060: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    0070: 00 00 00 00 01 38 36 31 33 38 30 30 31 33 38 30
    0080: 30 30 00 00 00 00 00 00 00 00 04 6d 4b 8b d5 00
    0090: 00 00 00 00 00 00 00 00 09 00 01 01 00 0a 00 01
    00a0: 01
    """
    static let submitRespHex = "00 00 00 1a 80 00 00 02 00 00 00 05 01 00 61 01 16 17 00 01 23 45 00 00 00 00"
    static let reportContentHex = """
    0000: 69 64 3a 01 00 61 01 16 17 00 01 23 45 20 73 75
    0010: 62 3a 30 30 31 20 64 6c 76 72 64 3a 30 30 31 20
    0020: 73 75 62 6d 69 74 20 64 61 74 65 3a 30 33 30 33
    0030: 30 31 32 30 30 30 20 64 6f 6e 65 20 64 61 74 65
    0040: 3a 30 33 30 33 30 31 32 30 30 31 20 73 74 61 74
    0050: 3a 44 45 4c 49 56 52 44 20 65 72 72 3a 30 30 30
    0060: 20 74 65 78 74 3a 30 30 34 6d 4b 8b d5 00 00 00
    0070: 00 00 00 00 00 00 00 00 00 00
    """
    static let reportDeliverHex = """
    0000: 00 00 00 d3 00 00 00 03 00 00 00 07 01 00 61 03
    0010: 01 20 01 00 07 77 01 00 32 30 30 33 30 33 30 31
    0020: 32 30 30 31 30 30 38 36 31 33 38 30 30 31 33 38
    0030: 30 30 30 00 00 00 00 00 00 00 00 31 30 36 31 32
    0040: 33 37 39 00 00 00 00 00 00 00 00 00 00 00 00 00
    0050: 7a 69 64 3a 01 00 61 01 16 17 00 01 23 45 20 73
    0060: 75 62 3a 30 30 31 20 64 6c 76 72 64 3a 30 30 31
    0070: 20 73 75 62 6d 69 74 20 64 61 74 65 3a 30 33 30
    0080: 33 30 31 32 30 30 30 20 64 6f 6e 65 20 64 61 74
    0090: 65 3a 30 33 30 33 30 31 32 30 30 31 20 73 74 61
    00a0: 74 3a 44 45 4c 49 56 52 44 20 65 72 72 3a 30 30
    00b0: 30 20 74 65 78 74 3a 30 30 34 6d 4b 8b d5 00 00
    00c0: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00d0: 00 00 00
    """
    static let moDeliverHex = """
    0000: 00 00 00 68 00 00 00 03 00 00 00 21 01 00 61 03
    0010: 01 20 01 00 08 88 00 08 32 30 32 35 30 38 33 30
    0020: 31 30 35 36 30 30 38 36 31 33 38 30 30 31 33 38
    0030: 30 30 30 00 00 00 00 00 00 00 00 31 30 36 31 32
    0040: 33 37 39 00 00 00 00 00 00 00 00 00 00 00 00 00
    0050: 0a 05 00 03 33 02 01 65 36 52 30 00 00 00 00 00
    0060: 00 00 00 00 02 00 01 01
    """
    static let moDeliverRespHex = """
    0000: 00 00 00 1a 80 00 00 03 00 00 00 21 01 00 61 03
    0010: 01 20 01 00 08 88 00 00 00 00
    """
    static let longSubmitHex = """
    0000: 00 00 00 ac 00 00 00 02 00 00 00 06 06 01 03 41
    0010: 4c 45 52 54 00 00 00 00 00 30 30 30 30 30 30 30
    0020: 30 30 30 30 30 30 30 08 00 00 00 00 00 00 00 00
    0030: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    0040: 00 00 00 00 00 00 00 00 00 00 31 30 36 31 32 33
    0050: 37 39 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    0060: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    0070: 00 00 00 00 01 38 36 31 33 38 30 30 31 33 38 30
    0080: 30 30 00 00 00 00 00 00 00 00 0a 05 00 03 2a 02
    0090: 02 6d 4b 8b d5 00 00 00 00 00 00 00 00 00 02 00
    00a0: 01 01 00 09 00 01 02 00 0a 00 01 02
    """

    /// Every PDU vector of smgp.md §10/§10.1 with its decoded value.
    static var all: [(String, SMGPPacket)] {
        [
            (loginHex, SMGPPacket(sequenceID: 1, body: .login(login))),
            (loginRespHex, SMGPPacket(sequenceID: 1, body: .loginResp(loginResp))),
            (submitHex, SMGPPacket(sequenceID: 5, body: .submit(submit))),
            (submitRespHex, SMGPPacket(sequenceID: 5, body: .submitResp(SMGPResponse(msgID: specMsgID, status: .success)))),
            (reportDeliverHex, SMGPPacket(sequenceID: 7, body: .deliver(reportDeliver))),
            ("00 00 00 0c 00 00 00 04 00 00 00 08", SMGPPacket(sequenceID: 8, body: .activeTest)),
            ("00 00 00 0c 80 00 00 04 00 00 00 08", SMGPPacket(sequenceID: 8, body: .activeTestResp)),
            ("00 00 00 0c 00 00 00 06 00 00 00 09", SMGPPacket(sequenceID: 9, body: .exit)),
            ("00 00 00 0c 80 00 00 06 00 00 00 09", SMGPPacket(sequenceID: 9, body: .exitResp)),
            (moDeliverHex, SMGPPacket(sequenceID: 0x21, body: .deliver(moDeliver))),
            (moDeliverRespHex, SMGPPacket(sequenceID: 0x21, body: .deliverResp(SMGPResponse(msgID: SMGPMsgID(hex: "01006103012001000888")!, status: .success)))),
            (longSubmitHex, SMGPPacket(sequenceID: 6, body: .submit(longSubmitSegment2))),
        ]
    }
}

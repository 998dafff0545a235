@testable import CarrierWire

/// The sheet's common header values (sgip.md §9).
enum SGIPVectors {
    /// SP node `3075512345`, time `1120203225`.
    static func sp(_ counter: UInt32) -> SGIPSequence { SGIPSequence(nodeID: 3_075_512_345, timestamp: 1_120_203_225, counter: counter) }
    /// SMG node `107551`, time `1120203300`.
    static func smg(_ counter: UInt32) -> SGIPSequence { SGIPSequence(nodeID: 107_551, timestamp: 1_120_203_300, counter: counter) }

    static let ucs2Test: [UInt8] = [0x6d, 0x4b, 0x8b, 0xd5]   // "测试"
    static let ucs2Received: [UInt8] = [0x65, 0x36, 0x52, 0x30] // "收到"

    static let submit = SGIPSubmit(spNumber: "10612379", chargeNumber: "", userNumbers: ["8613000000000"], corpID: "12345",
                                   serviceType: "ALERT", feeType: 1, feeValue: "0", givenValue: "0", agentFlag: 0,
                                   moRelatedToMTFlag: 2, priority: 0, reportFlag: 1, tpPid: 0, tpUdhi: 0,
                                   messageCoding: 8, messageType: 0, content: ucs2Test)

    static let bindHex = """
    0000: 00 00 00 3d 00 00 00 01 b7 50 98 19 42 c4 f1 d9
    0010: 00 00 00 01 01 73 67 69 70 75 73 65 72 00 00 00
    0020: 00 00 00 00 00 73 67 69 70 70 61 73 73 00 00 00
    0030: 00 00 00 00 00 00 00 00 00 00 00 00 00
    """
    static let submitHex = """
    0000: 00 00 00 a8 00 00 00 03 b7 50 98 19 42 c4 f1 d9
    0010: 00 00 00 02 31 30 36 31 32 33 37 39 00 00 00 00
    0020: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    0030: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 38
    0040: 36 31 33 30 30 30 30 30 30 30 30 30 00 00 00 00
    0050: 00 00 00 00 31 32 33 34 35 41 4c 45 52 54 00 00
    0060: 00 00 00 01 30 00 00 00 00 00 30 00 00 00 00 00
    0070: 00 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    0080: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    0090: 00 00 00 01 00 00 08 00 00 00 00 04 6d 4b 8b d5
    00a0: 00 00 00 00 00 00 00 00
    """
    static let reportHex = """
    0000: 00 00 00 40 00 00 00 05 00 01 a4 1f 42 c4 f2 24
    0010: 00 00 00 09 b7 50 98 19 42 c4 f1 d9 00 00 00 02
    0020: 00 38 36 31 33 30 30 30 30 30 30 30 30 30 00 00
    0030: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    """
    static let deliverHex = """
    0000: 00 00 00 51 00 00 00 04 00 01 a4 1f 42 c4 f2 24
    0010: 00 00 00 0a 38 36 31 33 30 30 30 30 30 30 30 30
    0020: 30 00 00 00 00 00 00 00 00 31 30 36 31 32 33 37
    0030: 39 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    0040: 08 00 00 00 04 65 36 52 30 00 00 00 00 00 00 00
    0050: 00
    """

    static let smgBindHex = """
    0000: 00 00 00 3d 00 00 00 01 00 01 a4 1f 42 c4 f2 24
    0010: 00 00 00 08 02 73 6d 67 75 73 65 72 00 00 00 00
    0020: 00 00 00 00 00 73 6d 67 70 61 73 73 00 00 00 00
    0030: 00 00 00 00 00 00 00 00 00 00 00 00 00
    """
    static let failureReportHex = """
    0000: 00 00 00 40 00 00 00 05 00 01 a4 1f 42 c4 f2 24
    0010: 00 00 00 0c b7 50 98 19 42 c4 f1 d9 00 00 00 02
    0020: 00 38 36 31 33 30 30 30 30 30 30 30 30 30 00 00
    0030: 00 00 00 00 00 00 02 19 00 00 00 00 00 00 00 00
    """
    static let userRptHex = """
    0000: 00 00 00 47 00 00 00 11 00 01 a4 1f 42 c4 f2 24
    0010: 00 00 00 0b 31 30 36 31 32 33 37 39 00 00 00 00
    0020: 00 00 00 00 00 00 00 00 00 38 36 31 33 30 30 30
    0030: 30 30 30 30 30 30 00 00 00 00 00 00 00 00 01 00
    0040: 00 00 00 00 00 00 00
    """
    static let userRptRespHex = """
    0000: 00 00 00 1d 80 00 00 11 00 01 a4 1f 42 c4 f2 24
    0010: 00 00 00 0b 00 00 00 00 00 00 00 00 00
    """

    /// Every vector of sgip.md §9 and §9.1 with its decoded value.
    static var all: [(String, SGIPPacket)] {
        [
            (bindHex, SGIPPacket(sequence: sp(1), body: .bind(SGIPBind(loginType: .spToSMG, loginName: "sgipuser", loginPassword: "sgippass")))),
            ("00 00 00 1d 80 00 00 01 b7 50 98 19 42 c4 f1 d9 00 00 00 01 00 00 00 00 00 00 00 00 00",
             SGIPPacket(sequence: sp(1), body: .bindResp(SGIPResponse(result: .ok)))),
            (submitHex, SGIPPacket(sequence: sp(2), body: .submit(submit))),
            ("00 00 00 1d 80 00 00 03 b7 50 98 19 42 c4 f1 d9 00 00 00 02 00 00 00 00 00 00 00 00 00",
             SGIPPacket(sequence: sp(2), body: .submitResp(SGIPResponse(result: .ok)))),
            (reportHex, SGIPPacket(sequence: smg(9), body: .report(SGIPReport(submitSequence: sp(2), reportType: 0, userNumber: "8613000000000", state: .delivered, errorCode: .ok)))),
            ("00 00 00 1d 80 00 00 05 00 01 a4 1f 42 c4 f2 24 00 00 00 09 00 00 00 00 00 00 00 00 00",
             SGIPPacket(sequence: smg(9), body: .reportResp(SGIPResponse(result: .ok)))),
            ("00 00 00 14 00 00 00 02 b7 50 98 19 42 c4 f1 d9 00 00 00 03", SGIPPacket(sequence: sp(3), body: .unbind)),
            ("00 00 00 14 80 00 00 02 b7 50 98 19 42 c4 f1 d9 00 00 00 03", SGIPPacket(sequence: sp(3), body: .unbindResp)),
            (deliverHex, SGIPPacket(sequence: smg(10), body: .deliver(SGIPDeliver(userNumber: "8613000000000", spNumber: "10612379", tpPid: 0, tpUdhi: 0, messageCoding: 8, content: ucs2Received)))),
            ("00 00 00 1d 80 00 00 04 00 01 a4 1f 42 c4 f2 24 00 00 00 0a 00 00 00 00 00 00 00 00 00",
             SGIPPacket(sequence: smg(10), body: .deliverResp(SGIPResponse(result: .ok)))),
            (smgBindHex, SGIPPacket(sequence: smg(8), body: .bind(SGIPBind(loginType: .smgToSP, loginName: "smguser", loginPassword: "smgpass")))),
            (failureReportHex, SGIPPacket(sequence: smg(12), body: .report(SGIPReport(submitSequence: sp(2), reportType: 0, userNumber: "8613000000000", state: .failed, errorCode: .userUnreachable)))),
            (userRptHex, SGIPPacket(sequence: smg(11), body: .userRpt(SGIPUserRpt(spNumber: "10612379", userNumber: "8613000000000", userCondition: .suspendedForArrears)))),
            (userRptRespHex, SGIPPacket(sequence: smg(11), body: .userRptResp(SGIPResponse(result: .ok)))),
        ]
    }
}

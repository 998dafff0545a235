@testable import CarrierWire

/// The golden vectors of protocols/cmpp.md §13, with the values they encode.
enum CMPPVectors {
    // MARK: §13.1 published gocmpp vector (Source_Addr "900001", secret "888888", ts 1021080510)

    static let sourceAddr = "900001"
    static let secret = "888888"
    static let timestamp: UInt32 = 1_021_080_510
    static let authenticatorSource = hexBytes("90d00c1d517abd0b4f65f6bcf8535d16")
    static let authenticatorISMG2 = hexBytes("6c0b846e25bab6daa4ed1c466e0f4bd8")
    static let authenticatorISMG3 = hexBytes("7942977274098cf210ab0c16c367bc8d")

    static let connect21 = """
        0000: 00 00 00 27 00 00 00 01 00 00 00 17 39 30 30 30
        0010: 30 31 90 d0 0c 1d 51 7a bd 0b 4f 65 f6 bc f8 53
        0020: 5d 16 21 3c dc 73 be
        """
    static let connectResponse2 = """
        0000: 00 00 00 1e 80 00 00 01 00 00 00 17 00 6c 0b 84
        0010: 6e 25 ba b6 da a4 ed 1c 46 6e 0f 4b d8 21
        """
    static let connectResponse3 = """
        0000: 00 00 00 21 80 00 00 01 00 00 00 17 00 00 00 00
        0010: 79 42 97 72 74 09 8c f2 10 ab 0c 16 c3 67 bc 8d
        0020: 30
        """
    static let connect30 = """
        0000: 00 00 00 27 00 00 00 01 00 00 00 01 39 30 30 30
        0010: 30 31 90 d0 0c 1d 51 7a bd 0b 4f 65 f6 bc f8 53
        0020: 5d 16 30 3c dc 73 be
        """

    // MARK: §13.3 computed PDUs

    static let submit3 = """
        0000: 00 00 00 c7 00 00 00 04 00 00 00 02 00 00 00 00
        0010: 00 00 00 00 01 01 01 00 41 4c 45 52 54 00 00 00
        0020: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0030: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0040: 00 00 00 00 00 00 08 39 30 31 32 33 34 30 31 30
        0050: 30 30 30 30 30 00 00 00 00 00 00 00 00 00 00 00
        0060: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0070: 00 00 00 00 00 00 00 31 32 33 37 39 00 00 00 00
        0080: 00 00 00 00 00 00 00 00 00 00 00 00 01 31 33 38
        0090: 30 30 31 33 38 30 30 30 00 00 00 00 00 00 00 00
        00a0: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 04 6d
        00b0: 4b 8b d5 00 00 00 00 00 00 00 00 00 00 00 00 00
        00c0: 00 00 00 00 00 00 00
        """
    static let submit2 = """
        0000: 00 00 00 a3 00 00 00 04 00 00 00 02 00 00 00 00
        0010: 00 00 00 00 01 01 01 00 41 4c 45 52 54 00 00 00
        0020: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0030: 00 00 00 00 00 00 00 00 00 00 08 39 30 31 32 33
        0040: 34 30 31 30 30 30 30 30 30 00 00 00 00 00 00 00
        0050: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0060: 00 00 00 00 00 00 00 00 00 00 00 31 32 33 37 39
        0070: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0080: 01 31 33 38 30 30 31 33 38 30 30 30 00 00 00 00
        0090: 00 00 00 00 00 00 04 6d 4b 8b d5 00 00 00 00 00
        00a0: 00 00 00
        """
    /// "测试" in UCS2.
    static let testUCS2: [UInt8] = [0x6D, 0x4B, 0x8B, 0xD5]

    static func alertSubmit(content: [UInt8] = testUCS2, pkTotal: UInt8 = 1, pkNumber: UInt8 = 1, tpUDHI: UInt8 = 0) -> CMPP.Submit {
        CMPP.Submit(pkTotal: pkTotal, pkNumber: pkNumber, registeredDelivery: 1, serviceID: "ALERT",
                    feeUserType: 0, tpUDHI: tpUDHI, msgFmt: .ucs2, msgSrc: "901234", feeType: "01",
                    feeCode: "000000", srcID: "12379", destTerminalIDs: ["13800138000"], content: content)
    }

    static let submittedID = CMPP.MessageID(rawValue: 0x8F2B_8000_012C_8000)
    static let submitResponse3 = "00 00 00 18 80 00 00 04 00 00 00 02 8f 2b 80 00 01 2c 80 00 00 00 00 00"
    static let submitResponse2 = "00 00 00 15 80 00 00 04 00 00 00 02 8f 2b 80 00 01 2c 80 00 00"

    static let report = CMPP.StatusReport(msgID: submittedID, stat: .delivered, submitTime: "2508301056",
                                          doneTime: "2508301057", destTerminalID: "13800138000", smscSequence: 0x1234_5678)
    static let reportDeliver3 = """
        0000: 00 00 00 b4 00 00 00 05 00 00 00 10 ba b6 d1 c0
        0010: 27 11 00 01 31 32 33 37 39 00 00 00 00 00 00 00
        0020: 00 00 00 00 00 00 00 00 00 41 4c 45 52 54 00 00
        0030: 00 00 00 00 00 00 31 33 38 30 30 31 33 38 30 30
        0040: 30 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0050: 00 00 00 00 00 00 00 01 47 8f 2b 80 00 01 2c 80
        0060: 00 44 45 4c 49 56 52 44 32 35 30 38 33 30 31 30
        0070: 35 36 32 35 30 38 33 30 31 30 35 37 31 33 38 30
        0080: 30 31 33 38 30 30 30 00 00 00 00 00 00 00 00 00
        0090: 00 00 00 00 00 00 00 00 00 00 00 00 12 34 56 78
        00a0: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        00b0: 00 00 00 00
        """
    static let reportDeliver = CMPP.Deliver(msgID: CMPP.MessageID(rawValue: 0xBAB6_D1C0_2711_0001), destID: "12379",
                                            serviceID: "ALERT", msgFmt: .ascii, srcTerminalID: "13800138000",
                                            payload: .report(report))
    static let deliverResponse3 = "00 00 00 18 80 00 00 05 00 00 00 10 ba b6 d1 c0 27 11 00 01 00 00 00 00"

    static let activeTest = "00 00 00 0c 00 00 00 08 00 00 00 03"
    static let activeTestResponse = "00 00 00 0d 80 00 00 08 00 00 00 03 00"
    static let terminate = "00 00 00 0c 00 00 00 02 00 00 00 04"

    // MARK: §13.4 more computed vectors

    static let moDeliver3 = """
        0000: 00 00 00 71 00 00 00 05 00 00 00 11 ba b6 d1 c0
        0010: 27 11 00 02 31 32 33 37 39 30 31 00 00 00 00 00
        0020: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0030: 00 00 00 00 00 08 31 33 38 30 30 31 33 38 30 30
        0040: 30 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0050: 00 00 00 00 00 00 00 00 04 65 36 52 30 00 00 00
        0060: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0070: 00
        """
    static let moDeliver2 = """
        0000: 00 00 00 59 00 00 00 05 00 00 00 11 ba b6 d1 c0
        0010: 27 11 00 02 31 32 33 37 39 30 31 00 00 00 00 00
        0020: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0030: 00 00 00 00 00 08 31 33 38 30 30 31 33 38 30 30
        0040: 30 00 00 00 00 00 00 00 00 00 00 00 04 65 36 52
        0050: 30 00 00 00 00 00 00 00 00
        """
    static let moDeliverResponse2 = """
        0000: 00 00 00 15 80 00 00 05 00 00 00 11 ba b6 d1 c0
        0010: 27 11 00 02 00
        """
    static let moDeliver = CMPP.Deliver(msgID: CMPP.MessageID(rawValue: 0xBAB6_D1C0_2711_0002), destID: "1237901",
                                        serviceID: "", msgFmt: .ucs2, srcTerminalID: "13800138000",
                                        payload: .message([0x65, 0x36, 0x52, 0x30]))

    static let report2Content = """
        0000: 8f 2b 80 00 01 2c 80 00 44 45 4c 49 56 52 44 32
        0010: 35 30 38 33 30 31 30 35 36 32 35 30 38 33 30 31
        0020: 30 35 37 31 33 38 30 30 31 33 38 30 30 30 00 00
        0030: 00 00 00 00 00 00 00 00 12 34 56 78
        """

    static let longSubmit3 = """
        0000: 00 00 00 cd 00 00 00 04 00 00 00 03 00 00 00 00
        0010: 00 00 00 00 02 01 01 00 41 4c 45 52 54 00 00 00
        0020: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0030: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0040: 00 00 00 00 00 01 08 39 30 31 32 33 34 30 31 30
        0050: 30 30 30 30 30 00 00 00 00 00 00 00 00 00 00 00
        0060: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        0070: 00 00 00 00 00 00 00 31 32 33 37 39 00 00 00 00
        0080: 00 00 00 00 00 00 00 00 00 00 00 00 01 31 33 38
        0090: 30 30 31 33 38 30 30 30 00 00 00 00 00 00 00 00
        00a0: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 0a 05
        00b0: 00 03 2a 02 01 6d 4b 8b d5 00 00 00 00 00 00 00
        00c0: 00 00 00 00 00 00 00 00 00 00 00 00 00
        """
    static let longSegmentUDH: [UInt8] = [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01]

    static let terminateResponse = "00 00 00 0c 80 00 00 02 00 00 00 04"

    static let cancel = "00 00 00 14 00 00 00 07 00 00 00 06 8f 2b 80 00 01 2c 80 00"
    static let cancelResponse3 = "00 00 00 10 80 00 00 07 00 00 00 06 00 00 00 00"
    static let cancelResponse2 = "00 00 00 0d 80 00 00 07 00 00 00 06 00"

    static let query = """
        0000: 00 00 00 27 00 00 00 06 00 00 00 07 32 30 32 35
        0010: 30 38 33 30 00 00 00 00 00 00 00 00 00 00 00 00
        0020: 00 00 00 00 00 00 00
        """
}

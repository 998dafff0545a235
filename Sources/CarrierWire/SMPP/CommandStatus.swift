extension SMPP {
    /// SMPP `command_status` (§9, 3.4 Table 5-2). Open: `0x400–0x4FF` are SMSC vendor codes and 5.0
    /// adds `0x100–0x10C`. Carrier statuses are data, not errors: a response with a non-zero
    /// status decodes normally and the sender consults `retryClass`.
    public struct CommandStatus: CarrierStatus, ExpressibleByIntegerLiteral {
        public var rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public init(integerLiteral value: UInt32) { self.rawValue = value }

        /// ESME_ROK
        public static let ok = Self(rawValue: 0x00)
        /// ESME_RINVMSGLEN
        public static let invalidMessageLength = Self(rawValue: 0x01)
        /// ESME_RINVCMDLEN
        public static let invalidCommandLength = Self(rawValue: 0x02)
        /// ESME_RINVCMDID — the answer to an unknown command (in a generic_nack).
        public static let invalidCommandID = Self(rawValue: 0x03)
        /// ESME_RINVBNDSTS
        public static let invalidBindStatus = Self(rawValue: 0x04)
        /// ESME_RALYBND
        public static let alreadyBound = Self(rawValue: 0x05)
        /// ESME_RINVPRTFLG
        public static let invalidPriorityFlag = Self(rawValue: 0x06)
        /// ESME_RINVREGDLVFLG
        public static let invalidRegisteredDeliveryFlag = Self(rawValue: 0x07)
        /// ESME_RSYSERR — temporary (§1.2 of README).
        public static let systemError = Self(rawValue: 0x08)
        /// ESME_RINVSRCADR
        public static let invalidSourceAddress = Self(rawValue: 0x0A)
        /// ESME_RINVDSTADR
        public static let invalidDestinationAddress = Self(rawValue: 0x0B)
        /// ESME_RINVMSGID
        public static let invalidMessageID = Self(rawValue: 0x0C)
        /// ESME_RBINDFAIL — login/config.
        public static let bindFailed = Self(rawValue: 0x0D)
        /// ESME_RINVPASWD — login/config.
        public static let invalidPassword = Self(rawValue: 0x0E)
        /// ESME_RINVSYSID — login/config.
        public static let invalidSystemID = Self(rawValue: 0x0F)
        /// ESME_RCANCELFAIL
        public static let cancelFailed = Self(rawValue: 0x11)
        /// ESME_RREPLACEFAIL
        public static let replaceFailed = Self(rawValue: 0x13)
        /// ESME_RMSGQFUL — throttle.
        public static let messageQueueFull = Self(rawValue: 0x14)
        /// ESME_RINVSERTYP
        public static let invalidServiceType = Self(rawValue: 0x15)
        /// ESME_RINVNUMDESTS
        public static let invalidNumberOfDestinations = Self(rawValue: 0x33)
        /// ESME_RINVDLNAME
        public static let invalidDistributionListName = Self(rawValue: 0x34)
        /// ESME_RINVDESTFLAG
        public static let invalidDestinationFlag = Self(rawValue: 0x40)
        /// ESME_RINVSUBREP
        public static let invalidSubmitWithReplace = Self(rawValue: 0x42)
        /// ESME_RINVESMCLASS
        public static let invalidESMClass = Self(rawValue: 0x43)
        /// ESME_RCNTSUBDL
        public static let cannotSubmitToDistributionList = Self(rawValue: 0x44)
        /// ESME_RSUBMITFAIL
        public static let submitFailed = Self(rawValue: 0x45)
        /// ESME_RINVSRCTON
        public static let invalidSourceTON = Self(rawValue: 0x48)
        /// ESME_RINVSRCNPI
        public static let invalidSourceNPI = Self(rawValue: 0x49)
        /// ESME_RINVDSTTON
        public static let invalidDestinationTON = Self(rawValue: 0x50)
        /// ESME_RINVDSTNPI
        public static let invalidDestinationNPI = Self(rawValue: 0x51)
        /// ESME_RINVSYSTYP
        public static let invalidSystemType = Self(rawValue: 0x53)
        /// ESME_RINVREPFLAG
        public static let invalidReplaceIfPresentFlag = Self(rawValue: 0x54)
        /// ESME_RINVNUMMSGS
        public static let invalidNumberOfMessages = Self(rawValue: 0x55)
        /// ESME_RTHROTTLED — the ESME exceeded its allowed rate; throttle.
        public static let throttled = Self(rawValue: 0x58)
        /// ESME_RINVSCHED
        public static let invalidScheduledDeliveryTime = Self(rawValue: 0x61)
        /// ESME_RINVEXPIRY
        public static let invalidValidityPeriod = Self(rawValue: 0x62)
        /// ESME_RINVDFTMSGID
        public static let invalidPredefinedMessage = Self(rawValue: 0x63)
        /// ESME_RX_T_APPN — receiver temporary error; the peer should retry later.
        public static let receiverTemporaryError = Self(rawValue: 0x64)
        /// ESME_RX_P_APPN
        public static let receiverPermanentError = Self(rawValue: 0x65)
        /// ESME_RX_R_APPN
        public static let receiverRejected = Self(rawValue: 0x66)
        /// ESME_RQUERYFAIL
        public static let queryFailed = Self(rawValue: 0x67)
        /// ESME_RINVOPTPARSTREAM
        public static let invalidOptionalParameterStream = Self(rawValue: 0xC0)
        /// ESME_ROPTPARNOTALLWD
        public static let optionalParameterNotAllowed = Self(rawValue: 0xC1)
        /// ESME_RINVPARLEN
        public static let invalidParameterLength = Self(rawValue: 0xC2)
        /// ESME_RMISSINGOPTPARAM
        public static let missingOptionalParameter = Self(rawValue: 0xC3)
        /// ESME_RINVOPTPARAMVAL
        public static let invalidOptionalParameterValue = Self(rawValue: 0xC4)
        /// ESME_RDELIVERYFAILURE
        public static let deliveryFailure = Self(rawValue: 0xFE)
        /// ESME_RUNKNOWNERR
        public static let unknownError = Self(rawValue: 0xFF)

        /// README §1.2, SMPP column: 0x58/0x14 throttle; 0x08/0x64 retry later; 0x0D–0x0F
        /// (login/config) link-fatal; 0 success; everything else — including vendor codes, which
        /// need the SMSC's own list — permanent for the message.
        public var retryClass: RetryClass {
            switch rawValue {
            case 0x00: .success
            case 0x58, 0x14: .throttle
            case 0x08, 0x64: .retryLater
            case 0x0D...0x0F: .linkFatal
            default: .permanent
            }
        }

        /// The spec's symbolic name (`ESME_RTHROTTLED`), or nil for codes outside Table 5-2.
        public var name: String? { Self.table[rawValue]?.name }

        public var reason: String {
            if let known = Self.table[rawValue] { return known.reason }
            switch rawValue {
            case 0x100...0x3FF: return "reserved for SMPP extensions"
            case 0x400...0x4FF: return "SMSC vendor-specific error"
            default: return "undefined status"
            }
        }

        public var description: String {
            let hex = "0x" + String(rawValue, radix: 16, uppercase: true).leftPadded(to: 2)
            return name.map { "\($0) (\(hex))" } ?? hex
        }

        private static let table: [UInt32: (name: String, reason: String)] = [
            0x00: ("ESME_ROK", "OK"),
            0x01: ("ESME_RINVMSGLEN", "message length invalid"),
            0x02: ("ESME_RINVCMDLEN", "command length invalid"),
            0x03: ("ESME_RINVCMDID", "invalid command id"),
            0x04: ("ESME_RINVBNDSTS", "wrong bind state for this command"),
            0x05: ("ESME_RALYBND", "already bound"),
            0x06: ("ESME_RINVPRTFLG", "invalid priority flag"),
            0x07: ("ESME_RINVREGDLVFLG", "invalid registered_delivery"),
            0x08: ("ESME_RSYSERR", "system error"),
            0x0A: ("ESME_RINVSRCADR", "invalid source address"),
            0x0B: ("ESME_RINVDSTADR", "invalid destination address"),
            0x0C: ("ESME_RINVMSGID", "invalid message id"),
            0x0D: ("ESME_RBINDFAIL", "bind failed"),
            0x0E: ("ESME_RINVPASWD", "invalid password"),
            0x0F: ("ESME_RINVSYSID", "invalid system id"),
            0x11: ("ESME_RCANCELFAIL", "cancel failed"),
            0x13: ("ESME_RREPLACEFAIL", "replace failed"),
            0x14: ("ESME_RMSGQFUL", "message queue full"),
            0x15: ("ESME_RINVSERTYP", "invalid service type"),
            0x33: ("ESME_RINVNUMDESTS", "invalid number of destinations"),
            0x34: ("ESME_RINVDLNAME", "invalid distribution list name"),
            0x40: ("ESME_RINVDESTFLAG", "invalid dest_flag"),
            0x42: ("ESME_RINVSUBREP", "invalid submit-with-replace"),
            0x43: ("ESME_RINVESMCLASS", "invalid esm_class"),
            0x44: ("ESME_RCNTSUBDL", "cannot submit to distribution list"),
            0x45: ("ESME_RSUBMITFAIL", "submit failed"),
            0x48: ("ESME_RINVSRCTON", "invalid source TON"),
            0x49: ("ESME_RINVSRCNPI", "invalid source NPI"),
            0x50: ("ESME_RINVDSTTON", "invalid destination TON"),
            0x51: ("ESME_RINVDSTNPI", "invalid destination NPI"),
            0x53: ("ESME_RINVSYSTYP", "invalid system_type"),
            0x54: ("ESME_RINVREPFLAG", "invalid replace_if_present flag"),
            0x55: ("ESME_RINVNUMMSGS", "invalid number of messages"),
            0x58: ("ESME_RTHROTTLED", "throttling: allowed rate exceeded"),
            0x61: ("ESME_RINVSCHED", "invalid scheduled delivery time"),
            0x62: ("ESME_RINVEXPIRY", "invalid validity period"),
            0x63: ("ESME_RINVDFTMSGID", "predefined message invalid or not found"),
            0x64: ("ESME_RX_T_APPN", "receiver temporary error"),
            0x65: ("ESME_RX_P_APPN", "receiver permanent error"),
            0x66: ("ESME_RX_R_APPN", "receiver rejects message"),
            0x67: ("ESME_RQUERYFAIL", "query_sm failed"),
            0xC0: ("ESME_RINVOPTPARSTREAM", "error in the optional part"),
            0xC1: ("ESME_ROPTPARNOTALLWD", "optional parameter not allowed"),
            0xC2: ("ESME_RINVPARLEN", "invalid parameter length"),
            0xC3: ("ESME_RMISSINGOPTPARAM", "expected optional parameter missing"),
            0xC4: ("ESME_RINVOPTPARAMVAL", "invalid optional parameter value"),
            0xFE: ("ESME_RDELIVERYFAILURE", "delivery failure"),
            0xFF: ("ESME_RUNKNOWNERR", "unknown error"),
        ]
    }
}

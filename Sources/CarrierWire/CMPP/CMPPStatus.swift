extension CMPP {
    /// CONNECT_RESP.Status (cmpp.md §9.1). Open: gateways send other values.
    public struct ConnectStatus: CarrierStatus {
        public var rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        public static let success = ConnectStatus(rawValue: 0)
        public static let structureError = ConnectStatus(rawValue: 1)
        public static let illegalSourceAddr = ConnectStatus(rawValue: 2)
        public static let authenticationError = ConnectStatus(rawValue: 3)
        /// The ISMG does not speak our version: reconnect with the 2.0 codec or fix configuration.
        public static let versionTooHigh = ConnectStatus(rawValue: 4)

        /// 0 success; 1–4 login/config (alert, reconnect slowly); ≥ 5 other, back off and retry
        /// (protocols/README.md §1.2).
        public var retryClass: RetryClass {
            switch rawValue {
            case 0: .success
            case 1...4: .linkFatal
            default: .retryLater
            }
        }

        public var reason: String {
            switch rawValue {
            case 0: "success"
            case 1: "message structure error"
            case 2: "illegal source address"
            case 3: "authentication error"
            case 4: "version too high"
            default: "other error"
            }
        }

        public var description: String { "\(rawValue) (\(reason))" }
    }

    /// SUBMIT_RESP.Result (cmpp.md §9.2); the same values are used by 2.0 for 0–8.
    public struct SubmitResult: CarrierStatus {
        public var rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        public static let success = SubmitResult(rawValue: 0)
        public static let structureError = SubmitResult(rawValue: 1)
        public static let commandIDError = SubmitResult(rawValue: 2)
        /// On a resend after a timeout this means "the first copy was probably accepted".
        public static let duplicateSequence = SubmitResult(rawValue: 3)
        public static let lengthError = SubmitResult(rawValue: 4)
        public static let feeCodeError = SubmitResult(rawValue: 5)
        public static let messageTooLong = SubmitResult(rawValue: 6)
        public static let serviceIDError = SubmitResult(rawValue: 7)
        /// Flow control: we are sending faster than the contracted rate.
        public static let flowControl = SubmitResult(rawValue: 8)
        public static let feeTerminalNotServed = SubmitResult(rawValue: 9)
        public static let srcIDError = SubmitResult(rawValue: 10)
        public static let msgSrcError = SubmitResult(rawValue: 11)
        public static let feeTerminalIDError = SubmitResult(rawValue: 12)
        public static let destTerminalIDError = SubmitResult(rawValue: 13)

        /// 0 success; 8 throttle; everything else — including reserved 14–99 and vendor
        /// 100–199 codes, unless the vendor documents otherwise — permanent (README.md §1.2).
        public var retryClass: RetryClass {
            switch rawValue {
            case 0: .success
            case 8: .throttle
            default: .permanent
            }
        }

        public var reason: String {
            switch rawValue {
            case 0: "success"
            case 1: "message structure error"
            case 2: "command id error"
            case 3: "duplicate sequence number"
            case 4: "message length error"
            case 5: "fee code error"
            case 6: "exceeds maximum message length"
            case 7: "service id error"
            case 8: "flow control error (too fast)"
            case 9: "gateway does not serve the charged number"
            case 10: "Src_Id error"
            case 11: "Msg_src error"
            case 12: "Fee_terminal_Id error"
            case 13: "Dest_terminal_Id error"
            case 100...199: "vendor-defined error"
            default: "other error"
            }
        }

        public var description: String { "\(rawValue) (\(reason))" }
    }

    /// DELIVER_RESP.Result, what the SP answers to a DELIVER (cmpp.md §7.5). Answer `.success`
    /// once the message is durably stored.
    public struct DeliverResult: CarrierStatus {
        public var rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        public static let success = DeliverResult(rawValue: 0)
        public static let structureError = DeliverResult(rawValue: 1)
        public static let commandIDError = DeliverResult(rawValue: 2)
        public static let duplicateSequence = DeliverResult(rawValue: 3)
        public static let lengthError = DeliverResult(rawValue: 4)
        public static let feeCodeError = DeliverResult(rawValue: 5)
        public static let messageTooLong = DeliverResult(rawValue: 6)
        public static let serviceIDError = DeliverResult(rawValue: 7)
        public static let flowControl = DeliverResult(rawValue: 8)

        public var retryClass: RetryClass {
            switch rawValue {
            case 0: .success
            case 8: .throttle
            default: .permanent
            }
        }

        public var reason: String {
            switch rawValue {
            case 0...8: SubmitResult(rawValue: rawValue).reason
            default: "other error"
            }
        }

        public var description: String { "\(rawValue) (\(reason))" }
    }
}

/// An SMGP Status (Login_Resp, Submit_Resp, Deliver_Resp; smgp.md §7, spec §6.2.6), open for
/// vendor codes (128–255 and others). `retryClass` follows protocols/README.md §1.2.
public struct SMGPStatus: CarrierStatus {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let success = SMGPStatus(rawValue: 0)
    /// The de-facto throttle signal: SMGP 3.0.3 has no dedicated "too fast" code.
    public static let systemBusy = SMGPStatus(rawValue: 1)
    public static let tooManyConnections = SMGPStatus(rawValue: 2)
    public static let messageStructureError = SMGPStatus(rawValue: 10)
    public static let commandWordError = SMGPStatus(rawValue: 11)
    public static let duplicateSequence = SMGPStatus(rawValue: 12)
    public static let ipAddressError = SMGPStatus(rawValue: 20)
    public static let authenticationError = SMGPStatus(rawValue: 21)
    public static let versionTooHigh = SMGPStatus(rawValue: 22)
    public static let illegalMsgType = SMGPStatus(rawValue: 30)
    public static let illegalPriority = SMGPStatus(rawValue: 31)
    public static let illegalFeeType = SMGPStatus(rawValue: 32)
    public static let illegalFeeCode = SMGPStatus(rawValue: 33)
    public static let illegalMsgFormat = SMGPStatus(rawValue: 34)
    public static let illegalTimeFormat = SMGPStatus(rawValue: 35)
    public static let illegalMsgLength = SMGPStatus(rawValue: 36)
    public static let validityExpired = SMGPStatus(rawValue: 37)
    public static let illegalQueryType = SMGPStatus(rawValue: 38)
    public static let routingError = SMGPStatus(rawValue: 39)
    public static let illegalFixedFee = SMGPStatus(rawValue: 40)
    public static let illegalUpdateType = SMGPStatus(rawValue: 41)
    public static let illegalRouteID = SMGPStatus(rawValue: 42)
    public static let illegalServiceID = SMGPStatus(rawValue: 43)
    public static let illegalValidTime = SMGPStatus(rawValue: 44)
    public static let illegalAtTime = SMGPStatus(rawValue: 45)
    public static let illegalSrcTermID = SMGPStatus(rawValue: 46)
    public static let illegalDestTermID = SMGPStatus(rawValue: 47)
    public static let illegalChargeTermID = SMGPStatus(rawValue: 48)
    public static let illegalSPCode = SMGPStatus(rawValue: 49)
    public static let illegalMServiceID = SMGPStatus(rawValue: 73)
    public static let timeWindowForbidden = SMGPStatus(rawValue: 74)
    public static let dailyQuotaExceeded = SMGPStatus(rawValue: 75)
    public static let accountExpired = SMGPStatus(rawValue: 76)

    public var retryClass: RetryClass {
        switch rawValue {
        case 0: .success
        case 1: .throttle                    // README §1.2: system busy = throttle
        case 2, 74: .retryLater              // fewer connections / after the time window
        case 20...22: .linkFatal             // login/config
        case 75, 76: .linkFatal              // quota exhausted / account expired: stop, alert
        default: .permanent                  // 10–12, 30–49, 73, reserved and vendor codes
        }
    }

    public var reason: String {
        switch rawValue {
        case 0: "success"
        case 1: "system busy"
        case 2: "too many connections"
        case 10: "message structure error"
        case 11: "command word error"
        case 12: "duplicate sequence number"
        case 20: "IP address error"
        case 21: "authentication error"
        case 22: "version too high"
        case 30: "illegal MsgType"
        case 31: "illegal Priority"
        case 32: "illegal FeeType"
        case 33: "illegal FeeCode"
        case 34: "illegal MsgFormat"
        case 35: "illegal time format"
        case 36: "illegal MsgLength"
        case 37: "validity already expired"
        case 38: "illegal QueryType"
        case 39: "routing error"
        case 40: "illegal FixedFee"
        case 41: "illegal UpdateType"
        case 42: "illegal RouteId"
        case 43: "illegal ServiceId"
        case 44: "illegal ValidTime"
        case 45: "illegal AtTime"
        case 46: "illegal SrcTermId"
        case 47: "illegal DestTermId"
        case 48: "illegal ChargeTermId"
        case 49: "illegal SPCode"
        case 56...72: "GNS/routing error \(rawValue)"
        case 73: "illegal MServiceID"
        case 74: "sending forbidden in this time window"
        case 75: "daily volume exceeded"
        case 76: "SP account expired"
        case 128...255: "vendor-defined status \(rawValue)"
        default: "undefined status \(rawValue)"
        }
    }

    public var description: String { "\(rawValue) (\(reason))" }
}

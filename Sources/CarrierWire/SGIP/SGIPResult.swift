/// An SGIP Result / Report ErrorCode (sgip.md §7, spec table 5-2), open for vendor codes.
///
/// Codes 1–20 normally arrive in responses (Bind_Resp, Submit_Resp …); 21–33 in
/// `SGIPReport.errorCode`. `retryClass` follows protocols/README.md §1.2 and describes what to
/// do with a *response*; a Report with State 2 is always the final outcome of that attempt.
public struct SGIPResult: CarrierStatus {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let ok = SGIPResult(rawValue: 0)
    public static let illegalLogin = SGIPResult(rawValue: 1)
    public static let repeatedBind = SGIPResult(rawValue: 2)
    public static let tooManyConnections = SGIPResult(rawValue: 3)
    public static let wrongLoginType = SGIPResult(rawValue: 4)
    public static let parameterFormatError = SGIPResult(rawValue: 5)
    public static let illegalMobileNumber = SGIPResult(rawValue: 6)
    public static let messageIDError = SGIPResult(rawValue: 7)
    public static let messageLengthError = SGIPResult(rawValue: 8)
    public static let illegalSequenceNumber = SGIPResult(rawValue: 9)
    public static let illegalGNSOperation = SGIPResult(rawValue: 10)
    public static let nodeBusy = SGIPResult(rawValue: 11)
    public static let destinationUnreachable = SGIPResult(rawValue: 21)
    public static let routingError = SGIPResult(rawValue: 22)
    public static let routeDoesNotExist = SGIPResult(rawValue: 23)
    public static let invalidChargedNumber = SGIPResult(rawValue: 24)
    public static let userUnreachable = SGIPResult(rawValue: 25)
    public static let handsetMemoryFull = SGIPResult(rawValue: 26)
    public static let handsetNoSMS = SGIPResult(rawValue: 27)
    public static let handsetReceiveError = SGIPResult(rawValue: 28)
    public static let unknownUser = SGIPResult(rawValue: 29)
    public static let functionNotProvided = SGIPResult(rawValue: 30)
    public static let illegalDevice = SGIPResult(rawValue: 31)
    public static let systemFailure = SGIPResult(rawValue: 32)
    public static let smscQueueFull = SGIPResult(rawValue: 33)
    /// De-facto "over speed" (SMSGate; same number as SMPP ESME_RTHROTTLED 0x58). Not in SGIP 1.2.
    public static let tooFast = SGIPResult(rawValue: 88)

    public var retryClass: RetryClass {
        switch rawValue {
        case 0: .success
        case 11, 88: .throttle                  // README §1.2: throttled
        case 3: .retryLater                     // too many connections → fewer links, back off
        case 1, 2, 4: .linkFatal                // Bind 1–4: login/config
        case 21, 25, 26, 28, 32, 33: .retryLater  // transient network/handset conditions (sgip.md §7)
        default: .permanent                     // 5–10, 22–24, 27, 29–31, unknown: log raw, fail
        }
    }

    public var reason: String {
        switch rawValue {
        case 0: "OK"
        case 1: "illegal login (name/password)"
        case 2: "repeated Bind on the same connection"
        case 3: "too many connections from this node"
        case 4: "wrong LoginType"
        case 5: "parameter format error"
        case 6: "illegal mobile number (missing 86 prefix?)"
        case 7: "message id error"
        case 8: "message length error"
        case 9: "illegal sequence number"
        case 10: "illegal GNS operation"
        case 11: "node busy"
        case 21: "destination unreachable"
        case 22: "routing error"
        case 23: "route does not exist"
        case 24: "invalid charged number"
        case 25: "user cannot be reached"
        case 26: "handset memory full"
        case 27: "handset does not support SMS"
        case 28: "handset error receiving SMS"
        case 29: "unknown user"
        case 30: "function not provided"
        case 31: "illegal device"
        case 32: "system failure"
        case 33: "SMSC queue full"
        case 88: "too fast (de-facto over-speed code)"
        default: "undefined result \(rawValue)"
        }
    }

    public var description: String { "\(rawValue) (\(reason))" }
}

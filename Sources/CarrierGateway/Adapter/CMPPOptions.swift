import CarrierWire
import Logging
import NIOCore

/// The CMPP codecs the adapter can speak: `CMPP2` (2.0/2.1 widths) and `CMPP3` (3.0 widths).
/// The configuration chooses (``CarrierProtocol/cmpp2`` / ``CarrierProtocol/cmpp3``); the
/// version is never guessed from the traffic (cmpp.md §2).
public protocol CMPPWireVersion: WireProtocol where Packet == CMPP.Packet {
    /// The field layout of this version.
    static var layout: CMPP.Layout { get }
}

extension CMPP2: CMPPWireVersion {
    public static var layout: CMPP.Layout { .v2 }
}

extension CMPP3: CMPPWireVersion {
    public static var layout: CMPP.Layout { .v3 }
}

/// Per-ISMG choices of a CMPP link that are not in the protocol-neutral ``LinkConfiguration``.
///
/// The account (``LinkConfiguration/account``) is the CONNECT Source_Addr (SP_Id), the secret
/// is hashed into AuthenticatorSource and never stored in a PDU or log, the source address is
/// SUBMIT Src_Id and ``LinkConfiguration/serviceID`` is Service_Id.
public struct CMPPOptions: Sendable {
    /// How ValId_Time is written when a message has a validity.
    public enum ValidityFormat: Sendable, Hashable {
        /// Absolute end time `YYMMDDhhmmss0nn+` in ``CMPPOptions/utcOffsetMinutes`` — the form the
        /// spec's SMPP 3.3 time string has and the one ISMGs accept (cmpp.md §6.1).
        case absolute
        /// SMPP 3.4 relative `YYMMDDhhmmss000R`, for gateways that document it.
        case relative
    }

    /// The wall clock, in Unix seconds: CONNECT.Timestamp and absolute ValId_Time are read from
    /// it (injected so tests can fix it; the code that formats the time reads no clock).
    public var unixTime: @Sendable () -> Int64
    /// The zone the gateway's clock runs in (Beijing, UTC+8).
    public var utcOffsetMinutes: Int
    /// How a Source_Addr shorter than 6 characters enters the authenticator (cmpp.md §4.1).
    public var sourceAddrHashing: CMPP.Authenticator.SourceAddrHashing
    /// SUBMIT Msg_src (the content provider's SP_Id); nil = the account, as SMSGate does.
    public var msgSrc: String?
    /// Fee_UserType: 0 charge the destination, 1 the source, 2 the SP, 3 Fee_terminal_Id.
    public var feeUserType: UInt8
    /// FeeType: `"01"` free for the charged number (warnings are free).
    public var feeType: String
    /// FeeCode in fen, 6 ASCII digits.
    public var feeCode: String
    /// How ValId_Time is written.
    public var validityFormat: ValidityFormat

    /// Creates options; the defaults are a free message, Beijing time and the padded hashing.
    public init(
        unixTime: @escaping @Sendable () -> Int64 = { CMPPTime.systemUnixTime() },
        utcOffsetMinutes: Int = CMPPTime.beijingOffsetMinutes,
        sourceAddrHashing: CMPP.Authenticator.SourceAddrHashing = .padded, msgSrc: String? = nil,
        feeUserType: UInt8 = 0, feeType: String = "01", feeCode: String = "000000",
        validityFormat: ValidityFormat = .absolute
    ) {
        self.unixTime = unixTime
        self.utcOffsetMinutes = utcOffsetMinutes
        self.sourceAddrHashing = sourceAddrHashing
        self.msgSrc = msgSrc
        self.feeUserType = feeUserType
        self.feeType = feeType
        self.feeCode = feeCode
        self.validityFormat = validityFormat
    }

    /// The wall-clock time now, in the gateway's zone.
    func now() -> CMPPTime { CMPPTime(unixTime: unixTime(), utcOffsetMinutes: utcOffsetMinutes) }

    /// ValId_Time for `validity` from `unixTime`: empty (gateway default) when nil.
    func validTime(_ validity: Duration?, unixTime: Int64) -> String {
        guard let validity else { return "" }
        switch validityFormat {
        case .relative:
            return CMPPTime.relativeTimeString(validity)
        case .absolute:
            // Round a fraction of a second up: the message may live its full validity, never less.
            let (seconds, attoseconds) = validity.components
            let end = unixTime + max(0, seconds) + (attoseconds > 0 ? 1 : 0)
            return CMPPTime(unixTime: end, utcOffsetMinutes: utcOffsetMinutes).absoluteTimeString
        }
    }
}

extension LinkGroup {
    /// A group speaking CMPP 2.0 or 3.0, as ``LinkConfiguration/wireProtocol`` says (``CarrierProtocol/cmpp2``
    /// → `CMPP2`, anything else → `CMPP3`).
    /// - Throws: ``LinkConfigurationError`` when TLS cannot be set up.
    convenience init(cmpp configuration: LinkConfiguration, options: CMPPOptions = CMPPOptions(),
                     eventLoopGroup: any EventLoopGroup, logger: Logger) throws {
        if configuration.wireProtocol == .cmpp2 {
            try self.init(configuration: configuration, adapter: CMPPAdapter<CMPP2>(configuration: configuration, options: options),
                          eventLoopGroup: eventLoopGroup, logger: logger)
        } else {
            try self.init(configuration: configuration, adapter: CMPPAdapter<CMPP3>(configuration: configuration, options: options),
                          eventLoopGroup: eventLoopGroup, logger: logger)
        }
    }
}

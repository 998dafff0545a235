import CarrierSession

/// The wire protocol a link speaks.
public enum CarrierProtocol: String, Sendable, Hashable, CaseIterable {
    case smpp, cmpp2, cmpp3, sgip, smgp

    /// The session timers and window of the protocol's specification (``SessionParameters`` presets).
    public var sessionPreset: SessionParameters {
        switch self {
        case .smpp: .smpp
        case .cmpp2, .cmpp3: .cmpp
        case .sgip: .sgip
        case .smgp: .smgp
        }
    }
}

/// Everything one carrier account's links need: where to connect, how to log in, how fast to send.
///
/// A `Sendable` value with defaults (hummingbird habit). `secret` is never logged: `description`
/// and reflection redact it.
public struct LinkConfiguration: Sendable {
    /// Link name for logs, metrics (`link` label) and the console, e.g. `mobile-bj-1`.
    public var name: String
    /// Carrier name for the `carrier` metric label, e.g. `mobile`.
    public var carrier: String
    /// The wire protocol.
    public var wireProtocol: CarrierProtocol
    /// Gateway host name or address.
    public var host: String
    /// Gateway port (SMPP 2775, CMPP 7890, SGIP 8801, SMGP 8890 by spec; carriers assign their own).
    public var port: Int
    /// The account / system id / SP id used to log in.
    public var account: String
    /// The login secret. Never logged.
    public var secret: String
    /// Our source address (the 12379… service number), put in every submit.
    public var sourceAddress: String
    /// Service id / service type (CMPP Service_Id, SGIP ServiceType, SMPP service_type); may be empty.
    public var serviceID: String
    /// The account's contracted rate in submits per second, shared by all its connections; 0 = no limit.
    public var tps: Int
    /// Submits the account may send back to back before the rate applies (token bucket capacity);
    /// nil = 1/20 of `tps` (at least 1), so a start does not burst past the carrier's own bucket.
    public var tpsBurst: Int?
    /// TCP connections for the account (each with its own window).
    public var connections: Int
    /// A test link (drills, acceptance tests): reported separately on the console.
    public var isTestLink: Bool
    /// Wrap the TCP connection in TLS (some SMPP gateways; none of the Chinese carrier gateways).
    public var tls: Bool
    /// Window, timeouts and keep-alive; defaults to the protocol's preset.
    public var session: SessionParameters
    /// Reconnect schedule after transient failures.
    public var reconnectBackoff: BackoffPolicy
    /// Reconnect schedule after login/configuration failures (wrong password …).
    public var loginFailureBackoff: BackoffPolicy
    /// How long the account stops sending after a throttle answer (Kannel pauses 1 s on
    /// ESME_RTHROTTLED, smpp.md §9).
    public var throttlePause: Duration
    /// How many times a throttled submit is requeued by the link itself before its throttle
    /// answer is returned to the caller.
    public var throttleRetries: Int
    /// Most submits waiting for a window slot or a token across the account's links; beyond it
    /// `submit` throws `.backlogFull` at once (STYLE.md habit 8: bounded queues).
    public var maxQueuedSubmits: Int
    /// Status reports / MO buffered for the consumer; when full, reports are refused with the
    /// protocol's "temporary, retry later" answer so the carrier redelivers them.
    public var reportBufferSize: Int
    /// When the carrier's reports and MO are answered: on receipt, or once the consumer has
    /// recorded them (the dispatcher sets ``ReportAcknowledgementPolicy/whenRecorded``).
    public var reportAcknowledgement: ReportAcknowledgementPolicy = .onReceipt
    /// SGIP only: node id, Submit charging fields and the Report/MO listener; nil for other protocols.
    public var sgip: SGIPSettings? = nil
    /// With `tls`: a PEM file of the certificate authorities to trust for this gateway (an SMSC with
    /// a private CA); nil trusts the system's roots. The gateway's certificate is always verified.
    public var tlsTrustRootsFile: String? = nil
    /// With `tls`: the name the gateway's certificate must carry when `host` is an address or an
    /// alias (also sent as SNI); nil uses `host`.
    public var tlsServerName: String? = nil

    /// Creates a configuration; `window` overrides the preset's window size.
    public init(
        name: String, carrier: String, wireProtocol: CarrierProtocol, host: String, port: Int,
        account: String, secret: String, sourceAddress: String, serviceID: String = "",
        tps: Int = 0, tpsBurst: Int? = nil, window: Int? = nil, connections: Int = 1,
        isTestLink: Bool = false, tls: Bool = false, session: SessionParameters? = nil,
        reconnectBackoff: BackoffPolicy = .standard, loginFailureBackoff: BackoffPolicy = .linkFatal,
        throttlePause: Duration = .seconds(1), throttleRetries: Int = 3,
        maxQueuedSubmits: Int = 1024, reportBufferSize: Int = 1024
    ) {
        self.name = name
        self.carrier = carrier
        self.wireProtocol = wireProtocol
        self.host = host
        self.port = port
        self.account = account
        self.secret = secret
        self.sourceAddress = sourceAddress
        self.serviceID = serviceID
        self.tps = max(0, tps)
        self.tpsBurst = tpsBurst
        self.connections = max(1, connections)
        self.isTestLink = isTestLink
        self.tls = tls
        var parameters = session ?? wireProtocol.sessionPreset
        if let window { parameters.windowSize = max(1, window) }
        self.session = parameters
        self.reconnectBackoff = reconnectBackoff
        self.loginFailureBackoff = loginFailureBackoff
        self.throttlePause = throttlePause
        self.throttleRetries = max(0, throttleRetries)
        self.maxQueuedSubmits = max(1, maxQueuedSubmits)
        self.reportBufferSize = max(1, reportBufferSize)
    }

    /// The token-bucket capacity actually used.
    var effectiveBurst: Int { max(1, tpsBurst ?? tps / 20) }

    /// The name of connection `index` of this account (`name` alone for a single connection).
    func linkName(_ index: Int) -> String { connections == 1 ? name : "\(name)#\(index + 1)" }
}

extension LinkConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "LinkConfiguration(\(name), \(wireProtocol.rawValue)://\(host):\(port), account: \(account), "
            + "secret: <redacted>, tps: \(tps), window: \(session.windowSize), connections: \(connections)"
            + (tls ? ", tls" : "") + (isTestLink ? ", test" : "") + ")"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: [
            "name": name, "carrier": carrier, "wireProtocol": wireProtocol, "host": host, "port": port,
            "account": account, "secret": "<redacted>", "sourceAddress": sourceAddress, "tps": tps,
            "connections": connections,
        ])
    }
}

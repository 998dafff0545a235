import CarrierSession
import CarrierWire

/// SMGP 3.0 (China Telecom SMGW, smgp.md) as a ``ProtocolAdapter``: logs in with the MD5
/// authenticator over the injected wall clock (§3), submits with Submit (§5.1, long messages as
/// TLV TP_udhi + UDH + TLVs PkTotal/PkNumber, §8), keeps alive with Active_Test (§4, empty
/// response), closes with Exit, and reads reports (IsReport = 1, the 122-byte report of §5.4)
/// and MO from Deliver, answering each with Deliver_Resp.
///
/// Message ids are normalised to the 20 hex digits of the 10-byte MsgID (the BCD digits when
/// valid, §5.5) both in Submit_Resp and in the report's `id:` field, so they match by equality.
public struct SMGPAdapter: ProtocolAdapter {
    /// Per-gateway choices that are not in the protocol-neutral ``LinkConfiguration``.
    public struct Options: Sendable {
        /// How ValidTime is written (§5.1: SMPP-style `YYMMDDhhmmsstnnp`).
        public enum ValidTimeForm: Sendable, Hashable {
            /// Absolute gateway civil time, `YYMMDDhhmmss032+` at UTC+8 (what SMGWs commonly expect).
            case absolute
            /// Relative `0000DDhhmmss000R` (SMPP §7.1.1 relative form).
            case relative
        }

        /// Wall clock for the Login TimeStamp and absolute ValidTime.
        public var clock: SMGPClock
        /// LoginMode (§3.1); transmit = MT plus reports/MO on one connection.
        public var loginMode: SMGPLoginMode
        /// ClientVersion (§3.1): 0x30 for SMGP 3.0.
        public var clientVersion: UInt8
        /// How a ClientID shorter than 8 bytes enters the authenticator (smgp.md §3.1, pitfall 1).
        public var clientIDForm: SMGPAuthenticator.ClientIDForm
        /// MsgType (§5.1): 6 = MT.
        public var msgType: UInt8
        /// FeeType/FeeCode/FixedFee (§5.1): warnings are free by default.
        public var feeType: String
        public var feeCode: String
        public var fixedFee: String
        public var validTimeForm: ValidTimeForm
        /// TLV MServiceID (§6, 0x0012): the product id mobile-network SPs must send; nil = omitted.
        public var productID: String?

        /// Creates options; the defaults suit a China Telecom SMGW speaking 3.0 with free MT.
        public init(
            clock: SMGPClock = .system, loginMode: SMGPLoginMode = .transmit, clientVersion: UInt8 = SMGPLogin.version30,
            clientIDForm: SMGPAuthenticator.ClientIDForm = .asConfigured, msgType: UInt8 = 6,
            feeType: String = "00", feeCode: String = "000000", fixedFee: String = "000000",
            validTimeForm: ValidTimeForm = .absolute, productID: String? = nil
        ) {
            self.clock = clock
            self.loginMode = loginMode
            self.clientVersion = clientVersion
            self.clientIDForm = clientIDForm
            self.msgType = msgType
            self.feeType = feeType
            self.feeCode = feeCode
            self.fixedFee = fixedFee
            self.validTimeForm = validTimeForm
            self.productID = productID
        }
    }

    public typealias Wire = SMGP
    public typealias Key = UInt32
    public typealias Response = SMGPResponse

    public let name = "SMGP"
    let clientID: String
    let secret: String
    let sourceAddress: String
    let serviceID: String
    let options: Options
    var sequence = WrappingSequence()

    /// Creates the adapter for one connection of `configuration` (`account` = ClientID,
    /// `serviceID` = ServiceID, `sourceAddress` = SrcTermID).
    public init(configuration: LinkConfiguration, options: Options = Options()) {
        self.clientID = configuration.account
        self.secret = configuration.secret
        self.sourceAddress = configuration.sourceAddress
        self.serviceID = configuration.serviceID
        self.options = options
    }

    public mutating func nextKey() -> UInt32 { sequence.next() }

    /// Login with AuthenticatorClient = MD5(ClientID ‖ 7×0 ‖ secret ‖ MMDDHHMMSS) for the clock's now.
    public func login(key: UInt32) -> SMGPPacket {
        let login = SMGPLogin(clientID: clientID, secret: secret, timestamp: options.clock.civilTime().loginTimestamp,
                              loginMode: options.loginMode, clientIDForm: options.clientIDForm,
                              clientVersion: options.clientVersion)
        return SMGPPacket(sequenceID: key, body: .login(login))
    }

    public func keepAlive(key: UInt32) -> SMGPPacket { SMGPPacket(sequenceID: key, body: .activeTest) }
    public func keepAliveAnswer(key: UInt32) -> SMGPPacket { SMGPPacket(sequenceID: key, body: .activeTestResp) }
    public func terminate(key: UInt32) -> SMGPPacket { SMGPPacket(sequenceID: key, body: .exit) }
    public func terminateAnswer(key: UInt32) -> SMGPPacket { SMGPPacket(sequenceID: key, body: .exitResp) }

    /// One Submit for one recipient. A segment gets TLV TP_udhi = 1, the UDH in front of the
    /// content (built from ``OutboundMessage/segment`` when the caller sent none) and TLVs
    /// PkTotal/PkNumber (taken from the UDH when ``OutboundMessage/segment`` is nil).
    /// - Throws: `WireError.valueTooLong` when the product id does not fit its TLV.
    public func submit(_ message: OutboundMessage, key: UInt32) throws(WireError) -> SMGPPacket {
        let long = SMGPLongMessageFields(message)
        var submit = SMGPSubmit(
            msgType: options.msgType, needReport: message.requestReport ? 1 : 0, priority: min(message.priority, 3),
            serviceID: serviceID, feeType: options.feeType, feeCode: options.feeCode, fixedFee: options.fixedFee,
            msgFormat: message.dataCoding, validTime: message.validity.map(validTime) ?? "",
            srcTermID: sourceAddress, destTermIDs: [message.destination], content: long.content)
        if long.hasUDH { submit.tlvs.tpUdhi = 1 }
        if let total = long.total, let number = long.number {
            submit.tlvs.pkTotal = total
            submit.tlvs.pkNumber = number
        }
        if let productID = options.productID { try submit.tlvs.setMServiceID(productID) }
        return SMGPPacket(sequenceID: key, body: .submit(submit))
    }

    public func classify(_ packet: SMGPPacket) -> InboundClassification<UInt32, SMGPResponse> {
        let key = packet.sequenceID
        switch packet.body {
        case .loginResp(let response):
            let status = response.status
            guard status != .success else { return .loginResponse(.accepted) }
            let rejection = RejectionClass(rawValue: status.retryClass.rawValue) ?? .permanent
            return .loginResponse(.rejected(status: "SMGP status \(status)", retryClass: rejection))
        case .submitResp(let response): return .session(.submitResponse(key: key, response: response))
        case .activeTest: return .session(.keepAliveRequest(key: key))
        case .activeTestResp: return .session(.keepAliveResponse)
        case .exit: return .session(.terminateRequest(key: key))
        case .exitResp: return .session(.terminateResponse)
        case .deliverResp: return .ignore
        case .deliver, .submit, .login: return .session(.request(key: key))
        }
    }

    public func submitOutcome(_ response: SMGPResponse) -> SubmitOutcome {
        let status = response.status
        guard status == .success else {
            return .rejected(CarrierRejection(code: status.rawValue, text: "SMGP status \(status)", retryClass: status.retryClass))
        }
        return .accepted(messageID: response.msgID.description)
    }

    /// A Deliver with IsReport = 1 → ``StatusReport`` keyed by the report's MsgID (same text
    /// form as Submit_Resp); IsReport = 0 → ``MOMessage``. A report whose content is shorter
    /// than 102 bytes is `.unsupported` (answered with status 10).
    public func peerRequest(_ packet: SMGPPacket, link: String) -> PeerRequest {
        guard case .deliver(let deliver) = packet.body else { return .unsupported }
        guard deliver.isReport else {
            return .mo(MOMessage(source: deliver.srcTermID, destination: deliver.destTermID, content: deliver.content,
                                 dataCoding: deliver.msgFormat, hasUDH: (deliver.tlvs.tpUdhi ?? 0) & 1 == 1, link: link))
        }
        guard let report = try? deliver.report() else { return .unsupported }
        return .report(StatusReport(
            messageID: report.id.description, stat: report.stat.rawValue, errorCode: report.err.rawValue,
            submitTime: report.submitDate, doneTime: report.doneDate, destination: deliver.srcTermID, link: link))
    }

    /// Deliver_Resp echoing the Deliver's MsgID: 0 when stored, 1 (system busy, the SMGW
    /// redelivers) when the report buffer is full, 10 when refused. Requests an SP never gets
    /// (Submit, Login) are answered with their response and status 11 (command word error).
    public func answer(_ request: SMGPPacket, _ disposition: PeerRequestDisposition) -> SMGPPacket? {
        let key = request.sequenceID
        switch request.body {
        case .deliver(let deliver):
            let status: SMGPStatus = switch disposition {
            case .accepted: .success
            case .deferred: .systemBusy
            case .rejected: .messageStructureError
            }
            return SMGPPacket(sequenceID: key, body: .deliverResp(SMGPResponse(msgID: deliver.msgID, status: status)))
        case .submit:
            return SMGPPacket(sequenceID: key, body: .submitResp(SMGPResponse(msgID: .zero, status: .commandWordError)))
        case .login:
            return SMGPPacket(sequenceID: key, body: .loginResp(SMGPLoginResp(status: .commandWordError)))
        default:
            return nil
        }
    }

    /// ValidTime for a remaining validity (§5.1), in the configured form.
    func validTime(_ validity: Duration) -> String {
        let seconds = max(0, validity.components.seconds)
        switch options.validTimeForm {
        case .relative:
            return SMPPAdapter.relativeTime(validity)  // same SMPP relative form, capped at 99 days
        case .absolute:
            let offset = options.clock.utcOffsetSeconds
            let quarters = min(48, abs(offset) / 900)
            let civil = options.clock.civilTime(adding: seconds)
            return civil.compact + "0" + (quarters < 10 ? "0\(quarters)" : "\(quarters)") + (offset < 0 ? "-" : "+")
        }
    }
}

extension SMGPAdapter: CustomStringConvertible, CustomReflectable {
    /// Never shows the secret (it only ever enters the authenticator hash).
    public var description: String { "SMGPAdapter(clientID: \(clientID), secret: <redacted>, source: \(sourceAddress))" }
    public var customMirror: Mirror {
        Mirror(self, children: ["clientID": clientID, "secret": "<redacted>", "sourceAddress": sourceAddress,
                                "serviceID": serviceID])
    }
}

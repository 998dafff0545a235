import CarrierSession
import CarrierWire

/// SGIP 1.2 (China Unicom SMG, sgip.md) as a ``ProtocolAdapter``: binds with LoginType 1 and the
/// name/password in clear, submits one recipient per Submit, closes with Unbind.
///
/// SGIP has **no message id**: the SP's own 12-byte SequenceNumber of the Submit is the key
/// (sgip.md §3), so the normalised message id of an accepted submit is that sequence's text form
/// (`SGIPSequence.description`, `node/MMDDhhmmss/counter`), and a Report's
/// `SGIPReport.submitSequence` yields the same string. There is no heartbeat: the preset
/// ``SessionParameters/sgip`` closes idle links itself before the SMG's 60 s idle drop and
/// reconnects when work arrives. Reports and MO arrive on the connection the SMG opens to
/// the SP — see ``SGIPListener``; this adapter also reads them there.
public struct SGIPAdapter: ProtocolAdapter {
    /// A decoded Submit_Resp: its Result and the Submit's own sequence (the message key).
    public struct Answer: Sendable, Hashable {
        public var sequence: SGIPSequence
        public var result: SGIPResult

        public init(sequence: SGIPSequence, result: SGIPResult) {
            self.sequence = sequence
            self.result = result
        }
    }

    public typealias Wire = SGIP
    public typealias Key = SGIPSequence
    public typealias Response = Answer

    public let name = "SGIP"
    let account: String
    let secret: String
    let spNumber: String
    let serviceType: String
    let settings: SGIPSettings
    let clock: SGIPWallClock
    let counter: SGIPCounter

    /// Creates the adapter for `configuration`; every connection of the account shares its counter.
    /// - Throws: ``LinkConfigurationError`` when ``LinkConfiguration/sgip`` is missing.
    public init(configuration: LinkConfiguration, clock: SGIPWallClock = .system) throws(LinkConfigurationError) {
        guard let settings = configuration.sgip else {
            throw LinkConfigurationError(detail: "SGIP link \(configuration.name) needs `sgip` settings (node id, listener)")
        }
        self.account = configuration.account
        self.secret = configuration.secret
        self.spNumber = configuration.sourceAddress
        self.serviceType = configuration.serviceID
        self.settings = settings
        self.clock = clock
        self.counter = SGIPCounter()
    }

    /// Node id, Beijing `MMDDhhmmss` from the injected clock, and the account-wide counter.
    public mutating func nextKey() -> SGIPSequence {
        SGIPSequence(nodeID: settings.nodeID, timestamp: clock.sequenceTimestamp(), counter: counter.next())
    }

    public func login(key: SGIPSequence) -> SGIPPacket {
        SGIPPacket(sequence: key, body: .bind(SGIPBind(loginType: .spToSMG, loginName: account, loginPassword: secret)))
    }

    /// SGIP has no heartbeat (its preset has `keepAlive == nil`, so this is never called); an
    /// Unbind is the only body-less request, and a link configured with a keep-alive would close.
    public func keepAlive(key: SGIPSequence) -> SGIPPacket { SGIPPacket(sequence: key, body: .unbind) }
    /// Never called (no heartbeat); see ``keepAlive(key:)``.
    public func keepAliveAnswer(key: SGIPSequence) -> SGIPPacket { SGIPPacket(sequence: key, body: .unbindResp) }
    public func terminate(key: SGIPSequence) -> SGIPPacket { SGIPPacket(sequence: key, body: .unbind) }
    public func terminateAnswer(key: SGIPSequence) -> SGIPPacket { SGIPPacket(sequence: key, body: .unbindResp) }

    /// One Submit to one user. The UserNumber gets the `86` prefix when it is an 11-digit mobile
    /// number without it (sgip.md §10.4); ReportFlag is 1 (always) when a report is requested,
    /// else 0 (failures only, the spec default); priority 0…3 becomes 0, 3, 6, 9 (SGIP 0–9);
    /// validity becomes the absolute ExpireTime. - Throws: `WireError` when a field does not fit.
    public func submit(_ message: OutboundMessage, key: SGIPSequence) throws(WireError) -> SGIPPacket {
        let submit = SGIPSubmit(
            spNumber: spNumber, chargeNumber: settings.chargeNumber, userNumbers: [Self.userNumber(message.destination)],
            corpID: settings.corpID, serviceType: serviceType, feeType: settings.feeType, feeValue: settings.feeValue,
            moRelatedToMTFlag: 2,  // MT not triggered by an MO (alerts), sgip.md §5.3
            priority: min(message.priority, 3) * 3,
            expireTime: message.validity.map { clock.expireTime(after: $0) } ?? "",
            reportFlag: message.requestReport ? 1 : 0,
            tpUdhi: message.hasUDH ? 1 : 0, messageCoding: message.dataCoding, content: message.content)
        return SGIPPacket(sequence: key, body: .submit(submit))
    }

    public func classify(_ packet: SGIPPacket) -> InboundClassification<SGIPSequence, Answer> {
        let key = packet.sequence
        switch packet.body {
        case .bindResp(let response):
            let result = response.result
            guard result != .ok else { return .loginResponse(.accepted) }
            let rejection = RejectionClass(rawValue: result.retryClass.rawValue) ?? .permanent
            return .loginResponse(.rejected(status: "SGIP Result \(result)", retryClass: rejection))
        case .submitResp(let response):
            return .session(.submitResponse(key: key, response: Answer(sequence: key, result: response.result)))
        case .unbind: return .session(.terminateRequest(key: key))
        case .unbindResp: return .session(.terminateResponse)
        case .deliver, .report, .userRpt, .bind, .submit:
            return .session(.request(key: key))
        case .deliverResp, .reportResp, .userRptResp:
            return .ignore
        }
    }

    public func submitOutcome(_ response: Answer) -> SubmitOutcome {
        let result = response.result
        guard result == .ok else {
            return .rejected(CarrierRejection(code: UInt32(result.rawValue), text: "SGIP Result \(result)",
                                              retryClass: result.retryClass))
        }
        return .accepted(messageID: response.sequence.description)
    }

    /// A Report → ``StatusReport`` keyed by the Submit's sequence text (State 0 `DELIVRD`,
    /// 1 `ENROUTE`, 2 `UNDELIV` with the ErrorCode in decimal); a Deliver → ``MOMessage``.
    public func peerRequest(_ packet: SGIPPacket, link: String) -> PeerRequest {
        switch packet.body {
        case .report(let report):
            let stat = switch report.state {
            case .delivered: "DELIVRD"
            case .pending: "ENROUTE"
            case .failed: "UNDELIV"
            default: "UNKNOWN"
            }
            return .report(StatusReport(
                messageID: report.submitSequence.description, stat: stat,
                errorCode: report.state == .delivered ? nil : String(report.errorCode.rawValue),
                destination: report.userNumber, link: link))
        case .deliver(let deliver):
            return .mo(MOMessage(source: deliver.userNumber, destination: deliver.spNumber, content: deliver.content,
                                 dataCoding: deliver.messageCoding, hasUDH: deliver.tpUdhi & 1 == 1, link: link))
        default:
            return .unsupported
        }
    }

    /// Report_Resp / Deliver_Resp with Result 0 when stored; 11 "node busy" when the report buffer
    /// is full or the link is not ready, so the SMG redelivers (sgip.md §7: transient). UserRpt is
    /// acknowledged (0) and not acted on; other requests get 30 "function not provided" (§8:
    /// a valid but unsupported command is answered with an error code).
    public func answer(_ request: SGIPPacket, _ disposition: PeerRequestDisposition) -> SGIPPacket? {
        let result: SGIPResult = disposition == .accepted ? .ok : .nodeBusy
        let response = SGIPResponse(result: result)
        switch request.body {
        case .report: return SGIPPacket(sequence: request.sequence, body: .reportResp(response))
        case .deliver: return SGIPPacket(sequence: request.sequence, body: .deliverResp(response))
        case .userRpt: return SGIPPacket(sequence: request.sequence, body: .userRptResp(SGIPResponse(result: .ok)))
        case .submit:
            return SGIPPacket(sequence: request.sequence, body: .submitResp(SGIPResponse(result: .functionNotProvided)))
        case .bind:
            return SGIPPacket(sequence: request.sequence, body: .bindResp(SGIPResponse(result: .repeatedBind)))
        case .unbind:
            return SGIPPacket(sequence: request.sequence, body: .unbindResp)
        case .bindResp, .submitResp, .deliverResp, .reportResp, .userRptResp, .unbindResp:
            return nil
        }
    }

    /// `86` + the number for an 11-digit mobile number starting with 1; anything else as given.
    static func userNumber(_ destination: String) -> String {
        let utf8 = destination.utf8
        guard utf8.count == 11, utf8.first == UInt8(ascii: "1"), utf8.allSatisfy({ (48...57).contains($0) }) else {
            return destination
        }
        return "86" + destination
    }
}

/// The SequenceNumber counter shared by every copy of one ``SGIPAdapter`` (each connection of
/// the account starts from a copy), so two connections never send the same sequence — it is
/// the message key the Reports refer to (sgip.md §3).
///
/// It starts at a random value, not 0: the SMG takes a Submit whose (node, MMDDhhmmss, counter)
/// it has already accepted as a resend and drops it while answering OK. A process restarted within
/// the same wall-clock second (a crash, a quick restart) would otherwise reuse its predecessor's
/// first sequence numbers and lose those messages silently (found by scripts/crash-test.sh).
///
/// Unsynchronised by design: the copies are used only by the drivers of one account, and all of
/// them run on the account's single event loop (see `AccountCore`).
final class SGIPCounter: @unchecked Sendable {
    private var value: UInt32

    init(start: UInt32 = UInt32.random(in: 0...UInt32.max)) { value = start }

    /// The next counter value (wraps).
    func next() -> UInt32 {
        defer { value &+= 1 }
        return value
    }
}

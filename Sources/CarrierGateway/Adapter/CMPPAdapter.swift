import CarrierSession
import CarrierWire

/// CMPP 2.0 / 3.0 (China Mobile ISMG) as a ``ProtocolAdapter`` (cmpp.md): logs in with CONNECT
/// and the MD5 authenticator, submits with SUBMIT (long messages with TP_udhi, the UDH and
/// Pk_total/Pk_number), keeps alive with ACTIVE_TEST, closes with TERMINATE, and reads status
/// reports (Registered_Delivery = 1) and MO from DELIVER on the same connection.
///
/// `Wire` picks the version's field widths: `CMPPAdapter<CMPP3>` or `CMPPAdapter<CMPP2>`.
/// Message ids — from SUBMIT_RESP and from the reports — are the u64 Msg_Id as unsigned decimal
/// (``CarrierWire/CMPP/MessageID/decimalString``), so a report matches its submit by string equality.
public struct CMPPAdapter<Wire: CMPPWireVersion>: ProtocolAdapter {
    public typealias Key = UInt32
    public typealias Response = CMPP.SubmitResponse

    public var name: String { Wire.name }
    let account: String
    let secret: String
    let sourceAddress: String
    let serviceID: String
    let options: CMPPOptions
    var sequence = WrappingSequence()

    /// Creates the adapter for one connection of `configuration`.
    public init(configuration: LinkConfiguration, options: CMPPOptions = CMPPOptions()) {
        self.account = configuration.account
        self.secret = configuration.secret
        self.sourceAddress = configuration.sourceAddress
        self.serviceID = configuration.serviceID
        self.options = options
    }

    public mutating func nextKey() -> UInt32 { sequence.next() }

    /// CONNECT with AuthenticatorSource = MD5(Source_Addr ‖ 9×0 ‖ secret ‖ MMDDHHMMSS), the
    /// timestamp read from the injected wall clock (cmpp.md §4.1).
    public func login(key: UInt32) -> CMPP.Packet {
        let connect = CMPP.Connect(sourceAddr: account, secret: secret, timestamp: options.now().connectTimestamp,
                                   version: Wire.layout.protocolVersion, hashing: options.sourceAddrHashing)
        return CMPP.Packet(sequenceID: key, body: .connect(connect))
    }

    public func keepAlive(key: UInt32) -> CMPP.Packet { CMPP.Packet(sequenceID: key, body: .activeTest) }
    public func keepAliveAnswer(key: UInt32) -> CMPP.Packet {
        CMPP.Packet(sequenceID: key, body: .activeTestResponse(CMPP.ActiveTestResponse()))
    }
    public func terminate(key: UInt32) -> CMPP.Packet { CMPP.Packet(sequenceID: key, body: .terminate) }
    public func terminateAnswer(key: UInt32) -> CMPP.Packet { CMPP.Packet(sequenceID: key, body: .terminateResponse) }

    /// One SUBMIT to one recipient (cmpp.md §6, §8.3). A segment of a long message carries
    /// TP_udhi = 1 with the UDH at the start of the content and Pk_total/Pk_number from
    /// ``OutboundMessage/segment``; validity becomes ValId_Time.
    /// - Throws: `WireError` when a field does not fit (content over 159 bytes, ids too long).
    public func submit(_ message: OutboundMessage, key: UInt32) throws(WireError) -> CMPP.Packet {
        let submit = CMPP.Submit(
            pkTotal: message.segment?.total ?? 1, pkNumber: message.segment?.number ?? 1,
            registeredDelivery: message.requestReport ? 1 : 0, msgLevel: message.priority,
            serviceID: serviceID, feeUserType: options.feeUserType,
            tpUDHI: message.hasUDH ? 1 : 0, msgFmt: CMPP.MessageFormat(rawValue: message.dataCoding),
            msgSrc: options.msgSrc ?? account, feeType: options.feeType, feeCode: options.feeCode,
            validTime: options.validTime(message.validity, unixTime: options.unixTime()),
            srcID: sourceAddress, destTerminalIDs: [message.destination], content: message.content)
        return CMPP.Packet(sequenceID: key, body: .submit(submit))
    }

    public func classify(_ packet: CMPP.Packet) -> InboundClassification<UInt32, CMPP.SubmitResponse> {
        let key = packet.sequenceID
        switch packet.body {
        case .connectResponse(let response):
            let status = response.status
            guard status != .success else { return .loginResponse(.accepted) }
            let rejection = RejectionClass(rawValue: status.retryClass.rawValue) ?? .permanent
            return .loginResponse(.rejected(status: "CONNECT status \(status)", retryClass: rejection))
        case .submitResponse(let response):
            return .session(.submitResponse(key: key, response: response))
        case .activeTest: return .session(.keepAliveRequest(key: key))
        case .activeTestResponse: return .session(.keepAliveResponse)
        case .terminate: return .session(.terminateRequest(key: key))
        case .terminateResponse: return .session(.terminateResponse)
        case .deliver, .connect, .submit, .query, .cancel:
            return .session(.request(key: key))
        case .deliverResponse, .queryResponse, .cancelResponse:
            return .ignore  // answers to requests this adapter never sends
        }
    }

    /// Result 0 → accepted with the decimal Msg_Id; 8 → throttle (the link pauses and retries);
    /// anything else as the codec classifies it (cmpp.md §9.2).
    public func submitOutcome(_ response: CMPP.SubmitResponse) -> SubmitOutcome {
        let result = response.result
        guard result == .success else {
            return .rejected(CarrierRejection(code: result.rawValue, text: "CMPP Result \(result)",
                                              retryClass: result.retryClass))
        }
        return .accepted(messageID: response.msgID.decimalString)
    }

    /// A DELIVER with Registered_Delivery = 1 → ``StatusReport`` keyed by the report's Msg_Id
    /// (decimal, as the submit's); = 0 → ``MOMessage``. Everything else is unsupported.
    public func peerRequest(_ packet: CMPP.Packet, link: String) -> PeerRequest {
        guard case .deliver(let deliver) = packet.body else { return .unsupported }
        switch deliver.payload {
        case .report(let report):
            // 3.0 network-element codes (`MK:0005` …) are the stat word itself: keep it raw.
            let stat = report.stat.rawValue
            return .report(StatusReport(
                messageID: report.msgID.decimalString, stat: stat,
                errorCode: report.stat.networkElement != nil ? stat : nil,
                submitTime: report.submitTime, doneTime: report.doneTime,
                destination: report.destTerminalID, link: link))
        case .message(let content):
            return .mo(MOMessage(source: deliver.srcTerminalID, destination: deliver.destID, content: content,
                                 dataCoding: deliver.msgFmt.rawValue, hasUDH: deliver.hasUserDataHeader, link: link))
        }
    }

    /// DELIVER_RESP echoing the DELIVER's Msg_Id: Result 0 when stored, 8 (flow control) when the
    /// report buffer is full — the ISMG keeps the report and redelivers it — and 9 ("other
    /// error", cmpp.md §7.5) when refused. Other requests get no answer: an SP does not guess a
    /// response layout for requests it does not handle (cmpp.md §3).
    public func answer(_ request: CMPP.Packet, _ disposition: PeerRequestDisposition) -> CMPP.Packet? {
        guard case .deliver(let deliver) = request.body else { return nil }
        let result: CMPP.DeliverResult = switch disposition {
        case .accepted: .success
        case .deferred: .flowControl
        case .rejected: CMPP.DeliverResult(rawValue: 9)
        }
        return CMPP.Packet(sequenceID: request.sequenceID,
                           body: .deliverResponse(CMPP.DeliverResponse(msgID: deliver.msgID, result: result)))
    }
}

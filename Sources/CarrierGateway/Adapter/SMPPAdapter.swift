import CarrierSession
import CarrierWire

/// SMPP 3.4 as a ``ProtocolAdapter`` (smpp.md): binds as transceiver by default, submits with
/// submit_sm, keeps alive with enquire_link, closes with unbind, and reads receipts and MO from
/// deliver_sm. The model for the other adapters.
public struct SMPPAdapter: ProtocolAdapter {
    /// Per-SMSC choices that are not in the protocol-neutral ``LinkConfiguration``.
    public struct Options: Sendable, Hashable {
        /// Which bind to send (§3.1). A transmitter gets no receipts.
        public enum BindKind: Sendable, Hashable { case transmitter, receiver, transceiver }

        public var bindKind: BindKind
        /// system_type of the bind; some SMSCs require a value.
        public var systemType: String
        /// How the SMSC writes message_id in submit_sm_resp (Kannel `msg-id-type` bit 0, §5.1).
        public var submitIDFormat: SMPP.MessageIDFormat
        /// How it writes the id in receipts (Kannel `msg-id-type` bit 1).
        public var receiptIDFormat: SMPP.MessageIDFormat
        /// TON/NPI of our source address (a short code: unknown/unknown is the usual choice).
        public var sourceTON: SMPP.TypeOfNumber
        public var sourceNPI: SMPP.NumberingPlan
        /// TON/NPI of destinations (international/ISDN for `86…` numbers).
        public var destinationTON: SMPP.TypeOfNumber
        public var destinationNPI: SMPP.NumberingPlan

        /// Creates options; the defaults suit an SMSC that echoes ids verbatim.
        public init(
            bindKind: BindKind = .transceiver, systemType: String = "",
            submitIDFormat: SMPP.MessageIDFormat = .opaque, receiptIDFormat: SMPP.MessageIDFormat = .opaque,
            sourceTON: SMPP.TypeOfNumber = .unknown, sourceNPI: SMPP.NumberingPlan = .unknown,
            destinationTON: SMPP.TypeOfNumber = .international, destinationNPI: SMPP.NumberingPlan = .isdn
        ) {
            self.bindKind = bindKind
            self.systemType = systemType
            self.submitIDFormat = submitIDFormat
            self.receiptIDFormat = receiptIDFormat
            self.sourceTON = sourceTON
            self.sourceNPI = sourceNPI
            self.destinationTON = destinationTON
            self.destinationNPI = destinationNPI
        }
    }

    /// A decoded submit_sm_resp (or generic_nack answering a submit).
    public struct Answer: Sendable, Hashable {
        public var status: SMPP.CommandStatus
        public var messageID: String?

        public init(status: SMPP.CommandStatus, messageID: String?) {
            self.status = status
            self.messageID = messageID
        }
    }

    public typealias Wire = SMPP
    public typealias Key = UInt32
    public typealias Response = Answer

    public let name = "SMPP"
    let account: String
    let secret: String
    let sourceAddress: String
    let serviceType: String
    let options: Options
    var sequence = SMPPSequence()

    /// Creates the adapter for one connection of `configuration`.
    public init(configuration: LinkConfiguration, options: Options = Options()) {
        self.account = configuration.account
        self.secret = configuration.secret
        self.sourceAddress = configuration.sourceAddress
        self.serviceType = configuration.serviceID
        self.options = options
    }

    public mutating func nextKey() -> UInt32 { sequence.next() }

    public func login(key: UInt32) -> SMPP.Packet {
        let bind = SMPP.Bind(systemID: account, password: secret, systemType: options.systemType)
        switch options.bindKind {
        case .transmitter: return SMPP.Packet(.bindTransmitter(bind), sequenceNumber: key)
        case .receiver: return SMPP.Packet(.bindReceiver(bind), sequenceNumber: key)
        case .transceiver: return SMPP.Packet(.bindTransceiver(bind), sequenceNumber: key)
        }
    }

    public func keepAlive(key: UInt32) -> SMPP.Packet { SMPP.Packet(.enquireLink, sequenceNumber: key) }
    public func keepAliveAnswer(key: UInt32) -> SMPP.Packet { SMPP.Packet(.enquireLinkResponse, sequenceNumber: key) }
    public func terminate(key: UInt32) -> SMPP.Packet { SMPP.Packet(.unbind, sequenceNumber: key) }
    public func terminateAnswer(key: UInt32) -> SMPP.Packet { SMPP.Packet(.unbindResponse, sequenceNumber: key) }

    public func submit(_ message: OutboundMessage, key: UInt32) throws(WireError) -> SMPP.Packet {
        var submit = SMPP.SubmitSM(
            serviceType: serviceType,
            source: SMPP.Address(sourceAddress, ton: options.sourceTON, npi: options.sourceNPI),
            destination: SMPP.Address(message.destination, ton: options.destinationTON, npi: options.destinationNPI),
            esmClass: message.hasUDH ? .udhi : [],
            priorityFlag: min(message.priority, 3),
            validityPeriod: message.validity.map(Self.relativeTime) ?? "",
            registeredDelivery: message.requestReport ? .finalOutcome : [],
            dataCoding: SMPP.DataCoding(rawValue: message.dataCoding),
            shortMessage: message.content)
        if let segment = message.segment, !message.hasUDH {
            // §7 way 2: SAR TLVs, the SMSC builds the UDH. Never together with a UDH.
            submit.tlvs.sarMsgRefNum = segment.reference
            submit.tlvs.sarTotalSegments = segment.total
            submit.tlvs.sarSegmentSeqnum = segment.number
        }
        return SMPP.Packet(.submitSM(submit), sequenceNumber: key)
    }

    public func classify(_ packet: SMPP.Packet) -> InboundClassification<UInt32, Answer> {
        let key = packet.sequenceNumber
        switch packet.body {
        case .bindTransceiverResponse, .bindTransmitterResponse, .bindReceiverResponse:
            let status = packet.commandStatus
            guard status != .ok else { return .loginResponse(.accepted) }
            let rejection = RejectionClass(rawValue: status.retryClass.rawValue) ?? .permanent
            return .loginResponse(.rejected(status: "\(status): \(status.reason)", retryClass: rejection))
        case .submitSMResponse(let response):
            return .session(.submitResponse(key: key, response: Answer(status: packet.commandStatus, messageID: response.messageID)))
        case .genericNack:
            return .session(.submitResponse(key: key, response: Answer(status: packet.commandStatus, messageID: nil)))
        case .enquireLink: return .session(.keepAliveRequest(key: key))
        case .enquireLinkResponse: return .session(.keepAliveResponse)
        case .unbind: return .session(.terminateRequest(key: key))
        case .unbindResponse: return .session(.terminateResponse)
        case .deliverSMResponse:
            return .ignore
        case .unknown(let commandID, _) where commandID.isResponse:
            return .ignore
        case .deliverSM, .outbind, .unknown, .bindReceiver, .bindTransmitter, .bindTransceiver, .submitSM:
            return .session(.request(key: key))
        }
    }

    public func submitOutcome(_ response: Answer) -> SubmitOutcome {
        guard response.status == .ok else {
            let status = response.status
            return .rejected(CarrierRejection(code: status.rawValue, text: "\(status): \(status.reason)",
                                              retryClass: status.retryClass))
        }
        return .accepted(messageID: SMPP.normalizedMessageID(response.messageID ?? "", format: options.submitIDFormat))
    }

    public func peerRequest(_ packet: SMPP.Packet, link: String) -> PeerRequest {
        guard case .deliverSM(let deliver) = packet.body else { return .unsupported }
        if let receipt = deliver.deliveryReceipt {
            let stat = receipt.state?.receiptStat ?? receipt.stat ?? "UNKNOWN"
            let error = receipt.error ?? receipt.networkErrorCode.map { String($0.errorCode) }
            return .report(StatusReport(
                messageID: SMPP.normalizedMessageID(receipt.messageID ?? "", format: options.receiptIDFormat),
                stat: stat, errorCode: error, submitTime: receipt.submitDate, doneTime: receipt.doneDate,
                destination: deliver.source.value, link: link))
        }
        return .mo(MOMessage(
            source: deliver.source.value, destination: deliver.destination.value,
            content: deliver.shortMessage.isEmpty ? (deliver.tlvs.messagePayload ?? []) : deliver.shortMessage,
            dataCoding: deliver.dataCoding.rawValue, hasUDH: deliver.esmClass.hasUDH, link: link))
    }

    public func answer(_ request: SMPP.Packet, _ disposition: PeerRequestDisposition) -> SMPP.Packet? {
        let key = request.sequenceNumber
        switch request.body {
        case .deliverSM:
            let status: SMPP.CommandStatus = switch disposition {
            case .accepted: .ok
            case .deferred: .receiverTemporaryError  // §5: 0x64 asks the SMSC to retry later
            case .rejected: .receiverRejected
            }
            return SMPP.Packet(.deliverSMResponse(SMPP.DeliverSMResponse()), sequenceNumber: key, status: status)
        case .outbind:
            return nil  // §3.2: answered by binding, not by a response
        default:
            guard !request.commandID.isResponse else { return nil }
            return SMPP.Packet(.genericNack, sequenceNumber: key, status: .invalidCommandID)
        }
    }

    /// `validity_period` in the relative form of §6.6: `0000DDhhmmss000R` (days capped at 99).
    static func relativeTime(_ duration: Duration) -> String {
        let total = max(0, min(duration.components.seconds, 99 * 86_400 + 86_399))
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let days = total / 86_400, hours = total % 86_400 / 3600, minutes = total % 3600 / 60, seconds = total % 60
        return "0000" + two(days) + two(hours) + two(minutes) + two(seconds) + "000R"
    }
}

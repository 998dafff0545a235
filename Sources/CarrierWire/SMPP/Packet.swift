import NIOCore

extension SMPP {
    /// One SMPP PDU: the header fields (§1) and the body. `command_length` is computed when
    /// encoding and `command_id` follows from the body.
    public struct Packet: Sendable, Hashable {
        /// 0 in requests; the result in responses (§9).
        public var commandStatus: CommandStatus
        /// 1…0x7FFFFFFF in requests (§1); a response echoes its request's number.
        public var sequenceNumber: UInt32
        public var body: Body

        public init(_ body: Body, sequenceNumber: UInt32, status: CommandStatus = .ok) {
            self.body = body
            self.sequenceNumber = sequenceNumber
            self.commandStatus = status
        }

        public var commandID: CommandID { body.commandID }

        /// The `generic_nack` the receiver of this packet must send back when the packet's command is
        /// one this codec does not handle (`.unknown`): status ESME_RINVCMDID, same sequence number
        /// (§1, "Unknown/invalid header"). Nil for every modelled command.
        public var genericNackReply: Packet? {
            guard case .unknown = body else { return nil }
            return Packet(.genericNack, sequenceNumber: sequenceNumber, status: .invalidCommandID)
        }
    }

    /// The body of an SMPP PDU, one case per command this codec models (§2).
    ///
    /// The three bind requests share one layout (`Bind`), as do their responses (`BindResponse`).
    /// Commands without a body are cases without a payload.
    public enum Body: Sendable, Hashable {
        case bindReceiver(Bind)
        case bindReceiverResponse(BindResponse)
        case bindTransmitter(Bind)
        case bindTransmitterResponse(BindResponse)
        case bindTransceiver(Bind)
        case bindTransceiverResponse(BindResponse)
        case outbind(Outbind)
        case submitSM(SubmitSM)
        case submitSMResponse(SubmitSMResponse)
        case deliverSM(DeliverSM)
        case deliverSMResponse(DeliverSMResponse)
        case enquireLink
        case enquireLinkResponse
        case unbind
        case unbindResponse
        case genericNack
        /// A command id this codec does not model (query_sm, data_sm, vendor ids …) with its raw
        /// body. Encoding writes the bytes back unchanged.
        case unknown(commandID: CommandID, body: [UInt8])

        public var commandID: CommandID {
            switch self {
            case .bindReceiver: .bindReceiver
            case .bindReceiverResponse: .bindReceiverResponse
            case .bindTransmitter: .bindTransmitter
            case .bindTransmitterResponse: .bindTransmitterResponse
            case .bindTransceiver: .bindTransceiver
            case .bindTransceiverResponse: .bindTransceiverResponse
            case .outbind: .outbind
            case .submitSM: .submitSM
            case .submitSMResponse: .submitSMResponse
            case .deliverSM: .deliverSM
            case .deliverSMResponse: .deliverSMResponse
            case .enquireLink: .enquireLink
            case .enquireLinkResponse: .enquireLinkResponse
            case .unbind: .unbind
            case .unbindResponse: .unbindResponse
            case .genericNack: .genericNack
            case .unknown(let commandID, _): commandID
            }
        }

        static func decode(commandID: CommandID, from reader: inout FieldReader) throws(WireError) -> Body {
            switch commandID {
            case .bindReceiver: .bindReceiver(try Bind(from: &reader))
            case .bindReceiverResponse: .bindReceiverResponse(try BindResponse(from: &reader))
            case .bindTransmitter: .bindTransmitter(try Bind(from: &reader))
            case .bindTransmitterResponse: .bindTransmitterResponse(try BindResponse(from: &reader))
            case .bindTransceiver: .bindTransceiver(try Bind(from: &reader))
            case .bindTransceiverResponse: .bindTransceiverResponse(try BindResponse(from: &reader))
            case .outbind: .outbind(try Outbind(from: &reader))
            case .submitSM: .submitSM(try SubmitSM(from: &reader))
            case .submitSMResponse: .submitSMResponse(try SubmitSMResponse(from: &reader))
            case .deliverSM: .deliverSM(try DeliverSM(from: &reader))
            case .deliverSMResponse: .deliverSMResponse(try DeliverSMResponse(from: &reader))
            // Header-only PDUs (§3.3): their length bounds (16...16) already rejected any body.
            case .enquireLink: .enquireLink
            case .enquireLinkResponse: .enquireLinkResponse
            case .unbind: .unbind
            case .unbindResponse: .unbindResponse
            case .genericNack: .genericNack
            default: .unknown(commandID: commandID, body: try reader.bytes("body", length: reader.remaining))
            }
        }

        func encodeFields(into buffer: inout ByteBuffer) throws(WireError) {
            switch self {
            case .bindReceiver(let bind), .bindTransmitter(let bind), .bindTransceiver(let bind):
                try bind.encode(into: &buffer)
            case .bindReceiverResponse(let resp), .bindTransmitterResponse(let resp), .bindTransceiverResponse(let resp):
                try resp.encode(into: &buffer)
            case .outbind(let outbind): try outbind.encode(into: &buffer)
            case .submitSM(let submit): try submit.encode(into: &buffer)
            case .submitSMResponse(let resp): try resp.encode(into: &buffer)
            case .deliverSM(let deliver): try deliver.encode(into: &buffer)
            case .deliverSMResponse(let resp): try resp.encode(into: &buffer)
            case .enquireLink, .enquireLinkResponse, .unbind, .unbindResponse, .genericNack: break
            case .unknown(_, let body): buffer.writeBytes(body)
            }
        }
    }
}

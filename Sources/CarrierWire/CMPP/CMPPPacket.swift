extension CMPP {
    /// One CMPP PDU of either version: the header's Sequence_Id and a typed body (the body
    /// determines Command_Id; Total_Length is computed when encoding).
    public struct Packet: Sendable, Hashable {
        /// Allocated by the sender of a request, echoed by the response (cmpp.md §1).
        public var sequenceID: UInt32
        public var body: Body

        public init(sequenceID: UInt32, body: Body) {
            self.sequenceID = sequenceID
            self.body = body
        }

        public var commandID: CommandID { body.commandID }
    }

    /// The SP-side messages of CMPP 2.0/3.0 (cmpp.md §3). ISMG↔ISMG and ISMG↔GNS messages
    /// (FWD, *_ROUTE*) are not decoded: they arrive as `WireError.Code.unknownCommand`.
    public enum Body: Sendable, Hashable {
        case connect(Connect)
        case connectResponse(ConnectResponse)
        /// CMPP_TERMINATE: no body.
        case terminate
        /// CMPP_TERMINATE_RESP: no body.
        case terminateResponse
        case submit(Submit)
        case submitResponse(SubmitResponse)
        case deliver(Deliver)
        case deliverResponse(DeliverResponse)
        case query(Query)
        case queryResponse(QueryResponse)
        case cancel(Cancel)
        case cancelResponse(CancelResponse)
        /// CMPP_ACTIVE_TEST: no body.
        case activeTest
        case activeTestResponse(ActiveTestResponse)

        public var commandID: CommandID {
            switch self {
            case .connect: .connect
            case .connectResponse: .connectResponse
            case .terminate: .terminate
            case .terminateResponse: .terminateResponse
            case .submit: .submit
            case .submitResponse: .submitResponse
            case .deliver: .deliver
            case .deliverResponse: .deliverResponse
            case .query: .query
            case .queryResponse: .queryResponse
            case .cancel: .cancel
            case .cancelResponse: .cancelResponse
            case .activeTest: .activeTest
            case .activeTestResponse: .activeTestResponse
            }
        }
    }
}

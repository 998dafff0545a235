/// One SGIP PDU: the header's SequenceNumber plus a typed body. The header's MessageLength and
/// CommandID are derived from the body when encoding.
public struct SGIPPacket: Sendable, Hashable {
    /// The bodies this codec understands (sgip.md §5). Responses echo the request's sequence.
    public enum Body: Sendable, Hashable {
        case bind(SGIPBind)
        case bindResp(SGIPResponse)
        case unbind
        case unbindResp
        case submit(SGIPSubmit)
        case submitResp(SGIPResponse)
        case deliver(SGIPDeliver)
        case deliverResp(SGIPResponse)
        case report(SGIPReport)
        case reportResp(SGIPResponse)
        case userRpt(SGIPUserRpt)
        case userRptResp(SGIPResponse)
    }

    /// For a request: the sender's own sequence (for a Submit, the message key).
    /// For a response: the request's sequence, echoed.
    public var sequence: SGIPSequence
    public var body: Body

    public init(sequence: SGIPSequence, body: Body) {
        self.sequence = sequence
        self.body = body
    }

    public var commandID: SGIPCommandID {
        switch body {
        case .bind: .bind
        case .bindResp: .bindResp
        case .unbind: .unbind
        case .unbindResp: .unbindResp
        case .submit: .submit
        case .submitResp: .submitResp
        case .deliver: .deliver
        case .deliverResp: .deliverResp
        case .report: .report
        case .reportResp: .reportResp
        case .userRpt: .userRpt
        case .userRptResp: .userRptResp
        }
    }

    /// The Result of a response body, nil for requests.
    public var result: SGIPResult? {
        switch body {
        case .bindResp(let r), .submitResp(let r), .deliverResp(let r), .reportResp(let r), .userRptResp(let r):
            r.result
        default:
            nil
        }
    }
}

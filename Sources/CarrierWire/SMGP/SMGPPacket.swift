/// One SMGP PDU: the header's SequenceID plus a typed body. PacketLength and RequestID are
/// derived from the body when encoding.
public struct SMGPPacket: Sendable, Hashable {
    /// The bodies this codec understands (smgp.md §3–§5). Responses echo the request's SequenceID.
    public enum Body: Sendable, Hashable {
        case login(SMGPLogin)
        case loginResp(SMGPLoginResp)
        case submit(SMGPSubmit)
        case submitResp(SMGPResponse)
        case deliver(SMGPDeliver)
        case deliverResp(SMGPResponse)
        case activeTest
        case activeTestResp
        case exit
        case exitResp
    }

    public var sequenceID: UInt32
    public var body: Body

    public init(sequenceID: UInt32, body: Body) {
        self.sequenceID = sequenceID
        self.body = body
    }

    public var commandID: SMGPCommandID {
        switch body {
        case .login: .login
        case .loginResp: .loginResp
        case .submit: .submit
        case .submitResp: .submitResp
        case .deliver: .deliver
        case .deliverResp: .deliverResp
        case .activeTest: .activeTest
        case .activeTestResp: .activeTestResp
        case .exit: .exit
        case .exitResp: .exitResp
        }
    }

    /// The Status of a response body (nil for requests and for Active_Test_Resp / Exit_Resp,
    /// which carry none).
    public var status: SMGPStatus? {
        switch body {
        case .loginResp(let r): r.status
        case .submitResp(let r), .deliverResp(let r): r.status
        default: nil
        }
    }
}

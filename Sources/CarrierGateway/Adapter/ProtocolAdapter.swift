import CarrierSession
import CarrierWire

/// Everything protocol-specific a carrier link needs, as a small value. The link
/// (``CarrierLink`` / ``LinkGroup``) does the sockets, the session state machine, the window, the
/// TPS limit, reconnects and report buffering; an adapter only builds and reads PDUs.
///
/// ## Adding a protocol (CMPP, SGIP, SMGP)
///
/// 1. Write `struct XAdapter: ProtocolAdapter` in `Sources/CarrierGateway/Adapter/XAdapter.swift`
///    (model: ``SMPPAdapter``, ~200 lines):
///    - `Wire` is the codec (`CMPP3`, `SGIP`, `SMGP`), `Key` its sequence key (`UInt32`, or
///      `SGIPSequenceNumber`), `Response` whatever the submit response decodes to.
///    - ``nextKey()`` hands out request keys (use `WrappingSequence` / `SGIPSequenceGenerator`
///      from `CarrierSession`; SGIP needs wall-clock `MMDDhhmmss`: inject a clock closure in `init`).
///    - the packet builders: ``login(key:)`` (CMPP/SMGP compute the MD5 authenticator here, with
///      the timestamp from an injected clock), ``keepAlive(key:)``/``keepAliveAnswer(key:)`` (SGIP
///      has no heartbeat: its preset has `keepAlive == nil`, so these are never called — return
///      any packet), ``terminate(key:)``/``terminateAnswer(key:)`` and ``submit(_:key:)``.
///    - ``classify(_:)``: map every inbound packet to `.loginResponse` (classify the status with
///      its `retryClass`), `.session(InboundPDU)` (submit/keep-alive/terminate responses and
///      requests; DELIVER / Report / deliver_sm become `.request(key:)`), or `.ignore`.
///    - ``submitOutcome(_:)``: the carrier message id, **normalised** (CMPP: the u64 Msg_Id as
///      decimal; SMGP: the 20 BCD digits; SGIP: the submit's own `SGIPSequenceNumber.description`,
///      since SGIP has no id), or the status with its `RetryClass`.
///    - ``peerRequest(_:link:)``: a report PDU → ``StatusReport`` with the **same** id
///      normalisation; an MO → ``MOMessage``; anything else `.unsupported`.
///    - ``answer(_:_:)``: the response to a peer request — accepted (status 0), deferred (the
///      protocol's "temporary, retry later" code; the report buffer was full) or rejected.
/// 2. Add the case to `CarrierLink.makeAccount` (one line) and a loopback test against the
///    protocol's simulator handler.
/// 3. SGIP only: reports and MO arrive on a connection the SMG opens to *us*. Run an inbound
///    listener that accepts it, answers Bind with the same adapter and feeds reports into the
///    account's report buffer (`AccountCore.offerReport`); the outbound link is unchanged.
///
/// An adapter must never trap on network input (no force unwraps) and never put a secret, a
/// full phone number or message text in an error or log line.
public protocol ProtocolAdapter: Sendable {
    /// The codec.
    associatedtype Wire: WireProtocol
    /// The sequence key the session machine matches responses by.
    associatedtype Key: Hashable & Sendable
    /// What a submit response decodes to (status plus message id).
    associatedtype Response: Sendable

    /// Protocol name for logs ("SMPP", "CMPP3" …).
    var name: String { get }
    /// The next request key (each request, including login and keep-alive, takes a fresh one).
    mutating func nextKey() -> Key
    /// The login request (bind / CONNECT / Bind / Login).
    func login(key: Key) -> Wire.Packet
    /// Our keep-alive request.
    func keepAlive(key: Key) -> Wire.Packet
    /// The answer to the peer's keep-alive `key`.
    func keepAliveAnswer(key: Key) -> Wire.Packet
    /// Our terminate / unbind / Exit.
    func terminate(key: Key) -> Wire.Packet
    /// The answer to the peer's terminate `key`.
    func terminateAnswer(key: Key) -> Wire.Packet
    /// The submit PDU for `message`. - Throws: `WireError` when a field does not fit.
    func submit(_ message: OutboundMessage, key: Key) throws(WireError) -> Wire.Packet
    /// What an inbound packet means to the session.
    func classify(_ packet: Wire.Packet) -> InboundClassification<Key, Response>
    /// The outcome a submit response stands for.
    func submitOutcome(_ response: Response) -> SubmitOutcome
    /// The content of a peer request the session handed back with `handlePeerRequest`.
    func peerRequest(_ packet: Wire.Packet, link: String) -> PeerRequest
    /// The response to a peer request, or nil when the request takes none.
    func answer(_ request: Wire.Packet, _ disposition: PeerRequestDisposition) -> Wire.Packet?
}

/// How an adapter classifies one inbound packet.
public enum InboundClassification<Key: Hashable & Sendable, Response: Sendable>: Sendable {
    /// The response to our login.
    case loginResponse(LoginResult)
    /// Anything the session machine handles.
    case session(InboundPDU<Key, Response>)
    /// Nothing to do (e.g. a response to a request we never send).
    case ignore
}

/// The content of a peer request.
public enum PeerRequest: Sendable, Hashable {
    /// A status report.
    case report(StatusReport)
    /// A mobile-originated message.
    case mo(MOMessage)
    /// A request we do not handle (answered as `.rejected`).
    case unsupported
}

/// How the link answers a peer request.
public enum PeerRequestDisposition: Sendable, Hashable {
    /// Stored: status 0.
    case accepted
    /// Not stored now (report buffer full): the protocol's temporary error, so the carrier retries.
    case deferred
    /// Refused: unsupported command, or sent before login completed.
    case rejected
}

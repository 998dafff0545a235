import CarrierSession
import CarrierWire
import Logging
import NIOCore

/// The state of one simulated CMPP ISMG, confined to one event loop (listener and every accepted
/// connection run there, so nothing needs a lock): sessions, counters, per-account rate limits,
/// the duplicate index, the long-message reassembler and one timer queue for delayed responses,
/// status reports and MO.
///
/// It mirrors ``SimulatorCore`` (whose sessions and jobs hold SMPP PDUs) with CMPP PDUs, and
/// shares its configuration, counters, the shared `TokenBucket`, the report window
/// (`ReportDelivering.swift`) and the delayed answers and job timer (`ResponseScheduling.swift`). Protocol handling lives in `SimulatorCore+CMPP.swift`.
final class CMPPSimulatorCore: RefusesLogins, ResponseScheduling {
    /// One accepted connection.
    final class Session: SimulatedSession {
        let id: Int
        let channel: Channel
        /// The SP_Id after a successful CONNECT.
        var account: String?
        var isBound: Bool { account != nil }
        var pdus = 0
        /// Submits received and not yet answered.
        var outstanding = 0
        /// Sequence_Id of the gateway's own requests (DELIVER, ACTIVE_TEST, TERMINATE).
        var sequence = WrappingSequence()
        var keepAliveTimer: Scheduled<Void>?

        init(id: Int, channel: Channel) {
            self.id = id
            self.channel = channel
        }
    }

    /// A status report or MO for one account.
    struct Delivery: WindowedDelivery {
        let account: String
        let deliver: CMPP.Deliver
        var isReport: Bool { deliver.report != nil }
    }

    typealias Job = SimulatorJob<CMPP.Packet, Delivery>

    /// Reassembled long messages kept for ``CMPPSimulator/longMessages()`` (the newest).
    static let longMessageMemory = 1000

    let configuration: SimulatorConfiguration
    let options: CMPPSimulator.Options
    let eventLoop: EventLoop
    /// Writes leave once per loop tick per connection.
    let flusher: TickFlusher
    /// When the first login arrived: `refuseLoginsFor` counts from it (a loaded machine may log
    /// in long after the start).
    var firstLoginAt: ContinuousClock.Instant?
    var logger: Logger
    var faults: FaultPlan
    var counters = SimulatorCounters()
    var random: SeededGenerator
    var sessions: [Int: Session] = [:]
    var stalledUntil: ContinuousClock.Instant?
    var rateLimits: [String: TokenBucket<ContinuousClock.Instant>] = [:]
    var seen: Set<MessageKey> = []
    var reassembler: Reassembler<ContinuousClock.Instant>
    var longMessages: [ReassembledMessage] = []
    var messageSequence: UInt16 = 0
    var reportWindow: ReportWindow<Delivery>
    private var nextSessionID = 0
    let jobs: JobTimer<Job>

    init(configuration: SimulatorConfiguration, options: CMPPSimulator.Options, eventLoop: EventLoop, logger: Logger) {
        self.configuration = configuration
        self.options = options
        self.eventLoop = eventLoop
        self.flusher = TickFlusher(eventLoop: eventLoop)
        self.logger = logger
        self.faults = configuration.faults
        self.random = SeededGenerator(seed: configuration.seed)
        self.reassembler = Reassembler(timeout: options.reassemblyTimeout)
        self.reportWindow = ReportWindow(limit: configuration.reportWindow)
        self.jobs = JobTimer(eventLoop: eventLoop)
        jobs.run = { [weak self] job in self?.runJob(job) }
    }

    var layout: CMPP.Layout { options.version }

    // MARK: - Connections

    func opened(_ channel: Channel) -> Int {
        nextSessionID += 1
        sessions[nextSessionID] = Session(id: nextSessionID, channel: channel)
        counters.connectionsAccepted += 1
        return nextSessionID
    }

    /// The connection closed: unanswered reports and MO go back to be delivered again.
    func closed(_ sessionID: Int) {
        guard let session = sessions.removeValue(forKey: sessionID) else { return }
        session.keepAliveTimer?.cancel()
        receiverClosed(sessionID)
    }

    /// Closes a connection on purpose (fault injection).
    func drop(_ session: Session) {
        counters.connectionsDropped += 1
        flusher.close(session.channel)
    }

    func closeAll() {
        for session in sessions.values { flusher.close(session.channel) }
        jobs.cancelAll()
        reportWindow.removeAll()
    }

    // MARK: - Writing

    /// Writes `packet` in the simulated version's layout (or `layout`); with `thenClose` the
    /// connection closes once it is written.
    func write(_ packet: CMPP.Packet, to session: Session, thenClose: Bool = false, layout: CMPP.Layout? = nil) {
        var buffer = session.channel.allocator.buffer(capacity: 64)
        do {
            try CMPP.encode(packet, into: &buffer, layout: layout ?? self.layout)
        } catch {
            logger.error("simulator cannot encode a PDU", metadata: ["sim.error": "\(error)"])
            return
        }
        flusher.write(buffer, to: session.channel)
        if thenClose { flusher.close(session.channel) }
    }


    /// Writes an answer now (`ResponseScheduling` delays it, when configured, through the timer).
    func writeResponse(_ packet: CMPP.Packet, to session: Session) {
        write(packet, to: session)
    }

    // MARK: - Reports and MO (ReportDelivering)

    func nextSequence(on session: Int) -> UInt32? {
        sessions[session]?.sequence.next()
    }

    func writeDelivery(_ delivery: Delivery, sequence: UInt32, on session: Int) {
        guard let session = sessions[session] else { return }
        write(CMPP.Packet(sequenceID: sequence, body: .deliver(delivery.deliver)), to: session)
    }

    /// The next Msg_Id in the spec's layout (cmpp.md §6.4): the gateway's wall-clock time,
    /// its ISMG code and a 16-bit counter.
    func nextMessageID() -> CMPP.MessageID {
        messageSequence &+= 1
        let time = CMPPWallTime(unixTime: options.unixTime(), utcOffsetMinutes: options.utcOffsetMinutes)
        return CMPP.MessageID(month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second,
                              gatewayID: options.gatewayID & 0x3F_FFFF, sequence: Int(messageSequence))
            ?? CMPP.MessageID(rawValue: UInt64(messageSequence))
    }
}

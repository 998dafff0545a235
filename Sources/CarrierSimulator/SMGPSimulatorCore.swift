import CarrierSession
import CarrierWire
import Logging
import NIOCore

/// The state of one simulated SMGW, confined to one event loop like ``SimulatorCore``: sessions,
/// counters, per-account rate limits, the duplicate index, long-message reassembly and one timer
/// queue for delayed responses, reports and MO.
///
/// A sibling of ``SimulatorCore`` rather than an extension of it: that core's jobs, deliveries
/// and writer are typed for SMPP PDUs. This one reuses its building blocks (``TokenBucket``
/// (CarrierSession), ``SeededGenerator``, ``SimulatorConfiguration``, ``SimulatorCounters``,
/// ``ReportWindow`` through ``ReportDelivering``, delayed answers and ``JobTimer`` through
/// ``ResponseScheduling``).
/// The SMGP behaviour itself lives in `SimulatorCore+SMGP.swift` and `SMGPSimulatorCore+Deliveries.swift`.
final class SMGPSimulatorCore: RefusesLogins, ResponseScheduling {
    /// One accepted connection.
    final class Session: SimulatedSession {
        let id: Int
        let channel: Channel
        var account: String?
        var isBound: Bool { account != nil }
        var pdus = 0
        /// Submits received and not yet answered.
        var outstanding = 0
        var sequence = WrappingSequence()
        var keepAliveTimer: Scheduled<Void>?

        init(id: Int, channel: Channel) {
            self.id = id
            self.channel = channel
        }
    }

    /// A report or MO for an account's receiver.
    struct Delivery: WindowedDelivery {
        let account: String
        let deliver: SMGPDeliver
        var isReport: Bool { deliver.isReport }
    }

    typealias Job = SimulatorJob<SMGPPacket, Delivery>

    let configuration: SimulatorConfiguration
    let options: SMGPSimulator.Options
    let eventLoop: EventLoop
    /// Writes leave once per loop tick per connection.
    let flusher: TickFlusher
    /// When the first login arrived: `refuseLoginsFor` counts from it (a loaded machine may log
    /// in long after the start).
    var firstLoginAt: ContinuousClock.Instant?
    var logger: Logger
    var faults: FaultPlan
    var counters = SimulatorCounters()
    var observations = SMGPObservations()
    var random: SeededGenerator
    var sessions: [Int: Session] = [:]
    var stalledUntil: ContinuousClock.Instant?
    var rateLimits: [String: TokenBucket<ContinuousClock.Instant>] = [:]
    var seen: Set<MessageKey> = []
    var reassembler: Reassembler<ContinuousClock.Instant>
    var messageCounter: UInt64 = 0
    var reportWindow: ReportWindow<Delivery>
    private var nextSessionID = 0
    let jobs: JobTimer<Job>

    init(configuration: SimulatorConfiguration, options: SMGPSimulator.Options, eventLoop: EventLoop, logger: Logger) {
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

    /// Encodes and writes `packet`; `thenClose` closes the connection once it is written.
    func write(_ packet: SMGPPacket, to session: Session, thenClose: Bool = false) {
        var buffer = session.channel.allocator.buffer(capacity: 64)
        do {
            try SMGP.encode(packet, into: &buffer)
        } catch {
            logger.error("simulator cannot encode a PDU", metadata: ["sim.error": "\(error)"])
            return
        }
        flusher.write(buffer, to: session.channel)
        if thenClose { flusher.close(session.channel) }
    }

    /// Writes an answer now (`ResponseScheduling` delays it, when configured, through the timer).
    func writeResponse(_ packet: SMGPPacket, to session: Session) {
        write(packet, to: session)
    }

    // MARK: - Reports and MO (ReportDelivering)

    func nextSequence(on session: Int) -> UInt32? {
        sessions[session]?.sequence.next()
    }

    func writeDelivery(_ delivery: Delivery, sequence: UInt32, on session: Int) {
        guard let session = sessions[session] else { return }
        write(SMGPPacket(sequenceID: sequence, body: .deliver(delivery.deliver)), to: session)
    }
}

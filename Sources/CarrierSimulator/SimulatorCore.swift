import CarrierSession
import CarrierWire
import Logging
import NIOCore

/// The state of one simulated gateway, confined to one event loop (listener and every accepted
/// connection run there, so nothing needs a lock): sessions, counters, per-account rate limits,
/// the duplicate index and one timer queue for delayed responses, reports and MO. Due reports and
/// MO go out through ``ReportWindow`` (`ReportDelivering.swift`, shared with the CMPP and SMGP cores).
///
/// Protocol handling lives in `SimulatorCore+SMPP.swift`; another protocol adds its own
/// `received` and PDU builders on the same core.
final class SimulatorCore: RefusesLogins, ResponseScheduling {
    /// One accepted connection.
    final class Session: SimulatedSession {
        let id: Int
        let channel: Channel
        var account: String?
        var isBound: Bool { account != nil }
        var pdus = 0
        /// Submits received and not yet answered.
        var outstanding = 0
        var sequence = SMPP.SequenceNumberGenerator()
        var keepAliveTimer: Scheduled<Void>?

        init(id: Int, channel: Channel) {
            self.id = id
            self.channel = channel
        }
    }

    /// A report or MO for an account's receiver.
    struct Delivery: WindowedDelivery {
        let account: String
        let deliver: SMPP.DeliverSM
        let isReport: Bool
    }

    typealias Job = SimulatorJob<SMPP.Packet, Delivery>

    let configuration: SimulatorConfiguration
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
    var messageCounter: UInt64 = 0
    var reportWindow: ReportWindow<Delivery>
    private var nextSessionID = 0
    let jobs: JobTimer<Job>

    init(configuration: SimulatorConfiguration, eventLoop: EventLoop, logger: Logger) {
        self.configuration = configuration
        self.eventLoop = eventLoop
        self.flusher = TickFlusher(eventLoop: eventLoop)
        self.logger = logger
        self.faults = configuration.faults
        self.random = SeededGenerator(seed: configuration.seed)
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

    /// The connection closed: unacknowledged reports and MO go back to be delivered again.
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

    func write(_ packet: SMPP.Packet, to session: Session) {
        var buffer = session.channel.allocator.buffer(capacity: 64)
        do {
            try SMPP.encode(packet, into: &buffer)
        } catch {
            logger.error("simulator cannot encode a PDU", metadata: ["sim.error": "\(error)"])
            return
        }
        flusher.write(buffer, to: session.channel)
    }

    /// Writes an answer now (`ResponseScheduling` delays it, when configured, through the timer).
    func writeResponse(_ packet: SMPP.Packet, to session: Session) {
        write(packet, to: session)
    }

    // MARK: - Reports and MO (ReportDelivering)

    func nextSequence(on session: Int) -> UInt32? {
        sessions[session]?.sequence.next()
    }

    func writeDelivery(_ delivery: Delivery, sequence: UInt32, on session: Int) {
        guard let session = sessions[session] else { return }
        write(SMPP.Packet(.deliverSM(delivery.deliver), sequenceNumber: sequence), to: session)
    }

    /// A carrier-style message id for the next accepted submit.
    func nextMessageID() -> String {
        messageCounter += 1
        switch configuration.messageIDStyle {
        case .decimal:
            return String(messageCounter)
        case .hexadecimal:
            let value = (configuration.seed << 32) ^ messageCounter
            let digits = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
        }
    }
}

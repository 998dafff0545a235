/// What the CMPP, SMGP and SMPP simulator cores have on their timer: an answer delayed by the
/// configured response delay or a stall, or a report or MO that is due.
enum SimulatorJob<Packet, Delivery> {
    case respond(session: Int, packet: Packet, answersSubmit: Bool)
    case deliver(Delivery)
}

/// A simulated connection as the shared answer path sees it.
protocol SimulatedSession: AnyObject {
    var id: Int { get }
    /// Submits received and not answered yet (the simulator's window check).
    var outstanding: Int { get set }
}

/// A simulator core that answers through one `JobTimer` — the CMPP, SMGP and SMPP cores. They
/// supply their sessions and the write; this extension is the one place that delays answers,
/// schedules deliveries and runs what is due. (SGIP's core has a job of its own, the callback
/// reconnect, `SGIPGatewayCore`.)
protocol ResponseScheduling: ReportDelivering {
    associatedtype Packet
    associatedtype Session: SimulatedSession
    var sessions: [Int: Session] { get }
    /// While set and in the future, answers wait until then (fault injection).
    var stalledUntil: ContinuousClock.Instant? { get }
    var jobs: JobTimer<SimulatorJob<Packet, Delivery>> { get }
    /// Writes `packet` on `session` now.
    func writeResponse(_ packet: Packet, to session: Session)
}

extension ResponseScheduling {
    /// Answers after the configured delay, or later while responses are stalled.
    func respond(_ packet: Packet, to session: Session, answersSubmit: Bool) {
        let now = ContinuousClock.now
        var due = now.advanced(by: configuration.responseDelay)
        if let stalledUntil, stalledUntil > due { due = stalledUntil }
        guard due > now else {
            if answersSubmit { session.outstanding -= 1 }
            return writeResponse(packet, to: session)
        }
        schedule(.respond(session: session.id, packet: packet, answersSubmit: answersSubmit), at: due)
    }

    func schedule(_ job: SimulatorJob<Packet, Delivery>, at due: ContinuousClock.Instant) {
        jobs.schedule(job, at: due)
    }

    func redeliver(_ delivery: Delivery, at due: ContinuousClock.Instant) {
        schedule(.deliver(delivery), at: due)
    }

    /// Runs one due job (the core's timer calls it in due order; set it as the timer's `run`).
    func runJob(_ job: SimulatorJob<Packet, Delivery>) {
        switch job {
        case .respond(let id, let packet, let answersSubmit):
            guard let session = sessions[id] else { return }
            if answersSubmit { session.outstanding -= 1 }
            writeResponse(packet, to: session)
        case .deliver(let delivery):
            deliver(delivery)
        }
    }
}

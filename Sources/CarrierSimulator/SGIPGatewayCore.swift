import CarrierWire
import Logging
import NIOCore

/// The SGIP side of a simulated SMG, confined to one event loop. The shared ``SimulatorCore``
/// keeps the SP connections, counters, rate limits, faults and random source; this class adds
/// SGIP's two roles (sgip.md §8): it answers the SP's Bind/Submit/Unbind on the connections the SP
/// opens, and it delivers Reports and MO over its **own** connection to the SP listener
/// (`SGIPGatewayCore+Callback.swift`). One timer queue serves delayed responses and reports.
final class SGIPGatewayCore {
    /// A Report or an MO Deliver for the SP listener.
    enum Delivery {
        case report(SGIPReport)
        case mo(SGIPDeliver)
    }

    enum Job {
        case respond(session: Int, packet: SGIPPacket)
        case deliver(Delivery)
        case reconnectCallback
    }

    /// The callback connection's phase.
    enum CallbackPhase { case disconnected, connecting, binding, bound, unbinding }

    let shared: SimulatorCore
    var options: SGIPSimulator.Options
    var counters = SGIPSimulator.Counters()
    var longMessages: [SGIPSimulator.LongMessage] = []
    var eventLoop: EventLoop { shared.eventLoop }
    var logger: Logger { shared.logger }
    private let jobs: JobTimer<Job>
    private var acceptedSequences: Set<SGIPSequence> = []
    private var reassembler = Reassembler<ContinuousClock.Instant>(timeout: .seconds(300))
    private var ownCounter: UInt32 = 0

    // Callback connection state (see SGIPGatewayCore+Callback.swift).
    var callbackPhase = CallbackPhase.disconnected
    var callbackChannel: Channel?
    var callbackGeneration = 0
    var reconnectScheduled = false
    var pending = CircularBuffer<Delivery>()
    var awaiting: [SGIPSequence: Delivery] = [:]
    var idleTimer: Scheduled<Void>?

    init(shared: SimulatorCore, options: SGIPSimulator.Options) {
        self.shared = shared
        self.options = options
        self.jobs = JobTimer(eventLoop: shared.eventLoop)
        jobs.run = { [weak self] job in self?.run(job) }
    }

    /// The SMG's next SequenceNumber: its node id, `MMDDhhmmss` from the injected clock, a counter.
    func nextSequence() -> SGIPSequence {
        ownCounter &+= 1
        return SGIPSequence(nodeID: options.nodeID, timestamp: SGIPTime.sequenceTimestamp(options.clock()), counter: ownCounter)
    }

    // MARK: - The SP's connections

    func received(_ packet: SGIPPacket, on sessionID: Int) {
        guard let session = shared.sessions[sessionID], !shared.sgipInjectFaults(on: session) else { return }
        let key = packet.sequence
        switch packet.body {
        case .bind(let bind):
            let result = shared.sgipBindResult(bind, session: session)
            write(SGIPPacket(sequence: key, body: .bindResp(SGIPResponse(result: result))), to: session)
            if result != .ok, result != .repeatedBind { shared.flusher.close(session.channel) }
        case .submit(let submit):
            submitReceived(submit, key: key, session: session)
        case .unbind:
            shared.counters.unbinds += 1
            write(SGIPPacket(sequence: key, body: .unbindResp), to: session)
            shared.flusher.close(session.channel)
        case .unbindResp:
            shared.flusher.close(session.channel)
        case .deliver, .report, .userRpt:
            // Not requests an SP sends on its MT link: answered "function not provided" (§8).
            let response = SGIPResponse(result: .functionNotProvided)
            let body: SGIPPacket.Body = switch packet.body {
            case .deliver: .deliverResp(response)
            case .report: .reportResp(response)
            default: .userRptResp(response)
            }
            write(SGIPPacket(sequence: key, body: body), to: session)
        case .bindResp, .submitResp, .deliverResp, .reportResp, .userRptResp:
            break
        }
    }

    /// The SP's connection was silent for ``SGIPSimulator/Options/idleTimeout``: dropped, as an SMG does.
    func idle(_ sessionID: Int) {
        guard let session = shared.sessions[sessionID] else { return }
        counters.idleClosed += 1
        shared.flusher.close(session.channel)
    }

    private func submitReceived(_ submit: SGIPSubmit, key: SGIPSequence, session: SimulatorCore.Session) {
        func answer(_ result: SGIPResult) {
            respond(SGIPPacket(sequence: key, body: .submitResp(SGIPResponse(result: result))), to: session)
        }
        if let refusal = shared.sgipAdmit(on: session, throttle: options.throttleResult, window: options.windowResult) {
            return answer(refusal)
        }
        // sgip.md §3/§8: a resend carries the same SequenceNumber and must not be taken twice.
        guard acceptedSequences.insert(key).inserted else {
            counters.resends += 1
            return answer(.ok)
        }
        shared.sgipRecordAccepted(submit)
        if submit.tpUdhi & 1 == 1 { reassemble(submit) }
        answer(.ok)
        scheduleReports(for: submit, key: key)
    }

    private func scheduleReports(for submit: SGIPSubmit, key: SGIPSequence) {
        let now = ContinuousClock.now
        let validity = SGIPTime.unixSeconds(of: submit.expireTime).map { Duration.seconds($0 - options.clock()) }
        let (word, due) = shared.sgipOutcome(validity: validity, now: now)
        guard let word else { return }
        let failed = word != "DELIVRD"
        // ReportFlag (sgip.md §5.3): 1 always, 0 failures only (spec default), 2 never, 3 billing (reported).
        switch submit.reportFlag {
        case 1, 3: break
        case 0 where failed: break
        default: return
        }
        let error: UInt8 = switch word {
        case "EXPIRED": options.expiredError
        case "UNDELIV": options.undeliverableError
        default: 0
        }
        for user in submit.userNumbers {
            let report = SGIPReport(submitSequence: key, userNumber: user, state: failed ? .failed : .delivered,
                                    errorCode: SGIPResult(rawValue: error))
            schedule(.deliver(.report(report)), at: due)
        }
    }

    /// Feeds a segment to the reassembler; a completed message is recorded.
    private func reassemble(_ submit: SGIPSubmit) {
        guard let (header, payload) = try? UserDataHeader.parse(submit.content),
              let concatenation = header.concatenation else { return }
        let destination = submit.userNumbers.first ?? ""
        let coding = CodingProfile.sgip.coding(forValue: submit.messageCoding) ?? .ucs2
        let part = InboundPart(source: destination, destination: submit.spNumber, concatenation: concatenation,
                               coding: coding, payload: payload)
        guard case .complete(let message) = reassembler.receive(part, now: .now).status else { return }
        counters.longMessages += 1
        longMessages.append(SGIPSimulator.LongMessage(destination: destination, segments: message.parts.count, text: message.text))
    }

    // MARK: - Writing and the timer queue

    func write(_ packet: SGIPPacket, to session: SimulatorCore.Session) {
        write(packet, on: session.channel)
    }

    func write(_ packet: SGIPPacket, on channel: Channel) {
        var buffer = channel.allocator.buffer(capacity: 64)
        do {
            try SGIP.encode(packet, into: &buffer)
        } catch {
            logger.error("simulator cannot encode an SGIP PDU", metadata: ["sim.error": "\(error)"])
            return
        }
        shared.flusher.write(buffer, to: channel)
    }

    /// Writes a Submit_Resp after the configured delay (or later while responses are stalled).
    private func respond(_ packet: SGIPPacket, to session: SimulatorCore.Session) {
        let now = ContinuousClock.now
        var due = now.advanced(by: shared.configuration.responseDelay)
        if let stalledUntil = shared.stalledUntil, stalledUntil > due { due = stalledUntil }
        guard due > now else {
            session.outstanding -= 1
            return write(packet, to: session)
        }
        schedule(.respond(session: session.id, packet: packet), at: due)
    }

    func schedule(_ job: Job, at due: ContinuousClock.Instant) {
        jobs.schedule(job, at: due)
    }

    /// Runs one due job (the timer calls it in due order).
    private func run(_ job: Job) {
        switch job {
        case .respond(let id, let packet):
            guard let session = shared.sessions[id] else { return }
            session.outstanding -= 1
            write(packet, to: session)
        case .deliver(let delivery):
            enqueue(delivery)
        case .reconnectCallback:
            reconnectScheduled = false
            pumpCallback()
        }
    }

    /// Stops everything: SP connections, the callback connection, timers.
    func closeAll() {
        shared.closeAll()
        jobs.cancelAll()
        idleTimer?.cancel()
        callbackGeneration += 1
        callbackChannel?.close(promise: nil)
        callbackChannel = nil
        callbackPhase = .disconnected
    }
}

import CarrierSession
import CarrierWire
import NIOCore

// SMPP 3.4 gateway behaviour (smpp.md): bind check, window and TPS enforcement, submit answers,
// receipts, keep-alives and fault injection.
extension SimulatorCore {
    func received(_ packet: SMPP.Packet, on sessionID: Int) {
        guard let session = sessions[sessionID] else { return }
        session.pdus += 1
        if let every = faults.dropEvery, session.pdus % every == 0 { return drop(session) }
        if random.chance(faults.dropProbability) { return drop(session) }
        if let every = faults.garbageEvery, session.pdus % every == 0 { sendGarbage(to: session) }

        let key = packet.sequenceNumber
        switch packet.body {
        case .bindTransceiver(let bind): bindRequested(bind, kind: SMPP.Body.bindTransceiverResponse, receives: true, packet, session)
        case .bindReceiver(let bind): bindRequested(bind, kind: SMPP.Body.bindReceiverResponse, receives: true, packet, session)
        case .bindTransmitter(let bind): bindRequested(bind, kind: SMPP.Body.bindTransmitterResponse, receives: false, packet, session)
        case .submitSM(let submit):
            submitReceived(submit, key: key, session: session)
        case .enquireLink:
            counters.keepAlivesAnswered += 1
            respond(SMPP.Packet(.enquireLinkResponse, sequenceNumber: key), to: session, answersSubmit: false)
        case .enquireLinkResponse:
            counters.keepAliveResponses += 1
        case .unbind:
            counters.unbinds += 1
            write(SMPP.Packet(.unbindResponse, sequenceNumber: key), to: session)
            flusher.close(session.channel)
        case .deliverSMResponse:
            deliveryAnswered(key: key, status: packet.commandStatus, session: session)
        case .genericNack, .unbindResponse, .bindReceiverResponse, .bindTransmitterResponse,
            .bindTransceiverResponse, .submitSMResponse, .outbind, .deliverSM, .unknown:
            if let nack = packet.genericNackReply { write(nack, to: session) }
        }
    }

    private func bindRequested(_ bind: SMPP.Bind, kind: (SMPP.BindResponse) -> SMPP.Body, receives: Bool,
                               _ packet: SMPP.Packet, _ session: Session) {
        let key = packet.sequenceNumber
        func refuse(_ status: SMPP.CommandStatus) {
            counters.loginsFailed += 1
            write(SMPP.Packet(kind(.rejected), sequenceNumber: key, status: status), to: session)
        }
        if session.isBound { return refuse(.alreadyBound) }
        if let period = faults.refuseLoginsFor, refusingLogins(for: period) {
            return refuse(SMPP.CommandStatus(rawValue: faults.refuseStatus))
        }
        guard let secret = configuration.accounts[bind.systemID] else { return refuse(.invalidSystemID) }
        guard secret == bind.password else { return refuse(.invalidPassword) }
        session.account = bind.systemID
        counters.loginsOK += 1
        write(SMPP.Packet(kind(.accepted(systemID: configuration.systemID)), sequenceNumber: key), to: session)
        if receives { receiverBound(session.id, account: bind.systemID) }
        scheduleKeepAlive(for: session)
    }

    private func submitReceived(_ submit: SMPP.SubmitSM, key: UInt32, session: Session) {
        counters.submitsReceived += 1
        func answer(_ status: SMPP.CommandStatus, id: String? = nil) {
            session.outstanding += 1
            let body = SMPP.SubmitSMResponse(messageID: id)
            respond(SMPP.Packet(.submitSMResponse(body), sequenceNumber: key, status: status), to: session, answersSubmit: true)
        }
        guard let account = session.account else { return answer(.invalidBindStatus) }
        guard session.outstanding < configuration.windowSize else {
            counters.windowExceeded += 1
            return answer(.messageQueueFull)
        }
        let now = ContinuousClock.now
        if configuration.tps > 0 {
            var limit = rateLimits[account] ?? TokenBucket(
                rate: configuration.tps, capacity: configuration.tpsBurst ?? max(1, configuration.tps / 10), now: now)
            let allowed = limit.allow(now: now)
            rateLimits[account] = limit
            guard allowed else {
                counters.throttled += 1
                return answer(.throttled)
            }
        }
        if random.chance(faults.errorRate) {
            counters.errorsInjected += 1
            return answer(SMPP.CommandStatus(rawValue: faults.errorStatus))
        }
        let id = nextMessageID()
        counters.accepted += 1
        if submit.esmClass.hasUDH || submit.tlvs.sarTotalSegments != nil { counters.segments += 1 }
        if !seen.insert(MessageKey(destination: submit.destination.value, content: submit.shortMessage)).inserted {
            counters.duplicates += 1
        }
        answer(.ok, id: id)
        scheduleReport(for: submit, id: id, account: account, now: now)
    }

    private func scheduleReport(for submit: SMPP.SubmitSM, id: String, account: String, now: ContinuousClock.Instant) {
        var word = configuration.outcomes.pick(using: &random)
        var due = now.advanced(by: configuration.reportDelay)
        if word != nil, let validity = Self.relativeValidity(submit.validityPeriod), validity < configuration.reportDelay {
            word = "EXPIRED"  // never deliver after the validity period (DESIGN.md)
            due = now.advanced(by: validity)
        }
        counters.outcomes[word ?? "NONE", default: 0] += 1
        let requested = submit.registeredDelivery.rawValue & 0x03
        guard let word, requested == 0x01 || (requested == 0x02 && word != "DELIVRD") else { return }
        let stamp = configuration.dateStamp()
        let receipt = SMPP.DeliveryReceipt(
            messageID: id, submitted: 1, delivered: word == "DELIVRD" ? 1 : 0, submitDate: stamp, doneDate: stamp,
            stat: word, error: word == "DELIVRD" ? "000" : "001", text: "")
        let deliver = SMPP.DeliverSM.deliveryReceipt(receipt, source: submit.destination, destination: submit.source)
        schedule(.deliver(Delivery(account: account, deliver: deliver, isReport: true)), at: due)
    }

    /// deliver_sm_resp: 0 acknowledged; ESME_RX_T_APPN (0x64) delivered again after the retry
    /// delay; anything else recorded as a failure, not delivered again.
    private func deliveryAnswered(key: UInt32, status: SMPP.CommandStatus, session: Session) {
        let answer: DeliveryAnswer = switch status {
        case .ok: .acknowledged
        case .receiverTemporaryError: .retryLater
        default: .rejected
        }
        deliveryAnswered(key, on: session.id, answer)
    }

    private func scheduleKeepAlive(for session: Session) {
        guard let interval = configuration.keepAliveInterval else { return }
        let nanos = interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000
        session.keepAliveTimer = eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(nanos)) {
            guard self.sessions[session.id] != nil else { return }
            self.counters.keepAlivesSent += 1
            self.write(SMPP.Packet(.enquireLink, sequenceNumber: session.sequence.next()), to: session)
            self.scheduleKeepAlive(for: session)
        }
    }

    /// Writes bytes no SMPP decoder accepts: a header declaring a 4-byte PDU.
    func sendGarbage(to session: Session) {
        counters.garbageSent += 1
        var buffer = session.channel.allocator.buffer(capacity: 16)
        buffer.writeBytes([0x00, 0x00, 0x00, 0x04, 0xDE, 0xAD, 0xBE, 0xEF])
        session.channel.writeAndFlush(buffer, promise: nil)
    }

    /// An MO from `source` to `destination` for `account` (the first account when nil).
    func injectMO(from source: String, to destination: String, content: [UInt8], dataCoding: UInt8, account: String?) {
        guard let account = account ?? configuration.accounts.keys.sorted().first else { return }
        let message = SMPP.DeliverSM(source: .international(source), destination: SMPP.Address(destination),
                                     dataCoding: SMPP.DataCoding(rawValue: dataCoding), shortMessage: content)
        deliver(Delivery(account: account, deliver: message, isReport: false))
    }

    /// Parses a relative validity period (`YYMMDDhhmmss000R`, §6.6); nil for empty or absolute times
    /// (the simulator reads no wall clock, so absolute validity is not enforced).
    static func relativeValidity(_ text: String) -> Duration? {
        let digits = Array(text.utf8)
        guard digits.count == 16, digits[15] == UInt8(ascii: "R") else { return nil }
        var parts: [Int64] = []
        for index in stride(from: 0, to: 12, by: 2) {
            let high = Int64(digits[index]) - 48, low = Int64(digits[index + 1]) - 48
            guard (0...9).contains(high), (0...9).contains(low) else { return nil }
            parts.append(high * 10 + low)
        }
        let days = parts[0] * 365 + parts[1] * 30 + parts[2]
        return .seconds(((days * 24 + parts[3]) * 60 + parts[4]) * 60 + parts[5])
    }
}

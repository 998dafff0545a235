import CarrierSession
import CarrierWire
import NIOCore

// CMPP 2.0/3.0 ISMG behaviour (cmpp.md): CONNECT check with the MD5 authenticator, window and
// TPS enforcement (Result 8), Msg_Id assignment, long-message reassembly, status reports as
// DELIVER with Registered_Delivery = 1, ACTIVE_TEST both ways, TERMINATE and fault injection.
extension CMPPSimulatorCore {
    func received(_ packet: CMPP.Packet, on sessionID: Int) {
        guard let session = sessions[sessionID] else { return }
        session.pdus += 1
        if let every = faults.dropEvery, session.pdus % every == 0 { return drop(session) }
        if random.chance(faults.dropProbability) { return drop(session) }
        if let every = faults.garbageEvery, session.pdus % every == 0 { sendGarbage(to: session) }

        let key = packet.sequenceID
        switch packet.body {
        case .connect(let connect):
            connectRequested(connect, key: key, session: session)
        case .submit(let submit):
            submitReceived(submit, key: key, session: session)
        case .activeTest:
            counters.keepAlivesAnswered += 1
            respond(CMPP.Packet(sequenceID: key, body: .activeTestResponse(CMPP.ActiveTestResponse())),
                    to: session, answersSubmit: false)
        case .activeTestResponse:
            counters.keepAliveResponses += 1
        case .terminate:
            counters.unbinds += 1
            write(CMPP.Packet(sequenceID: key, body: .terminateResponse), to: session, thenClose: true)
        case .terminateResponse:
            flusher.close(session.channel)
        case .deliverResponse(let response):
            deliveryAnswered(key: key, result: response.result, session: session)
        case .query, .cancel, .connectResponse, .submitResponse, .deliver, .queryResponse, .cancelResponse:
            break  // not simulated; a client never waits for these
        }
    }

    /// CONNECT (cmpp.md §4, §9.1): 2 for an unknown Source_Addr, 3 for a wrong authenticator
    /// (wrong secret or timestamp mismatch), 4 for a version above the simulated one. A refused
    /// login is answered, then the connection is closed, as an ISMG does. CONNECT is the same in
    /// both versions, so the answer uses the Status width of the version the client announced:
    /// a 3.0 client can read the status 4 of a 2.0-only gateway.
    private func connectRequested(_ connect: CMPP.Connect, key: UInt32, session: Session) {
        func answer(_ status: CMPP.ConnectStatus, secret: String = "") {
            let clientLayout = connect.version.layout
            let response = CMPP.ConnectResponse(answering: connect, status: status, secret: secret,
                                                version: layout.protocolVersion, layout: clientLayout)
            write(CMPP.Packet(sequenceID: key, body: .connectResponse(response)), to: session,
                  thenClose: status != .success, layout: clientLayout)
        }
        func refuse(_ status: CMPP.ConnectStatus) {
            counters.loginsFailed += 1
            answer(status)
        }
        if session.isBound { return refuse(.structureError) }
        if let period = faults.refuseLoginsFor, refusingLogins(for: period) {
            return refuse(CMPP.ConnectStatus(rawValue: faults.refuseStatus))
        }
        if connect.version.layout != layout {
            return refuse(connect.version.major > layout.protocolVersion.major ? .versionTooHigh : .structureError)
        }
        guard let secret = configuration.accounts[connect.sourceAddr] else { return refuse(.illegalSourceAddr) }
        guard CMPP.Authenticator.verify(connect, secret: secret, hashing: options.sourceAddrHashing) else {
            return refuse(.authenticationError)
        }
        session.account = connect.sourceAddr
        counters.loginsOK += 1
        answer(.success, secret: secret)
        // Every CMPP connection receives: reports travel on the submitting account's connections (§7).
        receiverBound(session.id, account: connect.sourceAddr)
        scheduleKeepAlive(for: session)
    }

    private func submitReceived(_ submit: CMPP.Submit, key: UInt32, session: Session) {
        counters.submitsReceived += 1
        func answer(_ result: CMPP.SubmitResult, id: CMPP.MessageID = .zero) {
            session.outstanding += 1
            let body = CMPP.SubmitResponse(msgID: id, result: result)
            respond(CMPP.Packet(sequenceID: key, body: .submitResponse(body)), to: session, answersSubmit: true)
        }
        guard let account = session.account else { return answer(.structureError) }
        guard session.outstanding < configuration.windowSize else {
            counters.windowExceeded += 1
            return answer(.flowControl)  // CMPP has no "queue full": 8 is its only "too fast"
        }
        let now = ContinuousClock.now
        if configuration.tps > 0 {
            var limit = rateLimits[account] ?? TokenBucket(
                rate: configuration.tps, capacity: configuration.tpsBurst ?? max(1, configuration.tps / 10), now: now)
            let allowed = limit.allow(now: now)
            rateLimits[account] = limit
            guard allowed else {
                counters.throttled += 1
                return answer(.flowControl)
            }
        }
        if random.chance(faults.errorRate) {
            counters.errorsInjected += 1
            return answer(CMPP.SubmitResult(rawValue: faults.errorStatus))
        }
        let id = nextMessageID()
        counters.accepted += 1
        if submit.hasUserDataHeader || submit.pkTotal > 1 {
            counters.segments += 1
            reassemble(submit, now: now)
        }
        for recipient in submit.destTerminalIDs {
            let isNew = seen.insert(MessageKey(destination: recipient, content: submit.content)).inserted
            if !isNew { counters.duplicates += 1 }
        }
        answer(.success, id: id)
        for (index, recipient) in submit.destTerminalIDs.enumerated() {
            scheduleReport(for: submit, recipient: recipient, id: id.recipient(index), account: account, now: now)
        }
    }

    /// Collects a segment (its UDH, cross-checked with Pk_total/Pk_number) and records the whole
    /// message once every segment arrived.
    private func reassemble(_ submit: CMPP.Submit, now: ContinuousClock.Instant) {
        guard submit.hasUserDataHeader, let parsed = try? UserDataHeader.parse(submit.content),
              let concatenation = parsed.header.concatenation,
              concatenation.total == submit.pkTotal, concatenation.number == submit.pkNumber else {
            logger.debug("long-message segment without a consistent UDH and Pk_total/Pk_number")
            return
        }
        let coding = CodingProfile.cmpp.coding(forValue: submit.msgFmt.rawValue) ?? .ucs2
        let part = InboundPart(source: submit.destTerminalIDs.first ?? "", destination: submit.srcID,
                               concatenation: concatenation, coding: coding, payload: parsed.payload)
        if case .complete(let message) = reassembler.receive(part, now: now).status {
            longMessages.append(message)
            if longMessages.count > Self.longMessageMemory { longMessages.removeFirst() }
        }
    }

    private func scheduleReport(for submit: CMPP.Submit, recipient: String, id: CMPP.MessageID, account: String,
                                now: ContinuousClock.Instant) {
        var word = configuration.outcomes.pick(using: &random)
        var due = now.advanced(by: configuration.reportDelay)
        if word != nil, let validity = CMPPWallTime.remainingValidity(submit.validTime, now: options.unixTime()),
           validity < configuration.reportDelay {
            word = "EXPIRED"  // never deliver after the validity period (DESIGN.md)
            due = now.advanced(by: validity)
        }
        counters.outcomes[word ?? "NONE", default: 0] += 1
        guard let word, submit.registeredDelivery == 1 else { return }
        let stamp = configuration.dateStamp()
        let report = CMPP.StatusReport(msgID: id, stat: CMPP.ReportStat(rawValue: word), submitTime: stamp,
                                       doneTime: stamp, destTerminalID: recipient, smscSequence: UInt32(truncatingIfNeeded: id.rawValue))
        let deliver = CMPP.Deliver(msgID: nextMessageID(), destID: submit.srcID, serviceID: submit.serviceID,
                                   msgFmt: .ascii, srcTerminalID: recipient, payload: .report(report))
        schedule(.deliver(Delivery(account: account, deliver: deliver)), at: due)
    }

    /// DELIVER_RESP (cmpp.md §7.5): 0 acknowledged; 8 (flow control) redelivered after the retry
    /// delay; anything else recorded as an SP-side failure, not redelivered.
    private func deliveryAnswered(key: UInt32, result: CMPP.DeliverResult, session: Session) {
        let answer: DeliveryAnswer = switch result {
        case .success: .acknowledged
        case .flowControl: .retryLater
        default: .rejected
        }
        deliveryAnswered(key, on: session.id, answer)
    }

    /// The gateway's own ACTIVE_TEST every `keepAliveInterval` (cmpp.md §10, C).
    private func scheduleKeepAlive(for session: Session) {
        guard let interval = configuration.keepAliveInterval else { return }
        session.keepAliveTimer = eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(interval)) {
            guard self.sessions[session.id] != nil else { return }
            self.counters.keepAlivesSent += 1
            self.write(CMPP.Packet(sequenceID: session.sequence.next(), body: .activeTest), to: session)
            self.scheduleKeepAlive(for: session)
        }
    }

    /// Sends TERMINATE on every bound connection (the gateway closing the session, cmpp.md §5).
    func terminateAll() {
        for session in sessions.values where session.isBound {
            write(CMPP.Packet(sequenceID: session.sequence.next(), body: .terminate), to: session)
        }
    }

    /// Writes bytes no CMPP decoder accepts: a header declaring a 4-byte PDU.
    func sendGarbage(to session: Session) {
        counters.garbageSent += 1
        var buffer = session.channel.allocator.buffer(capacity: 8)
        buffer.writeBytes([0x00, 0x00, 0x00, 0x04, 0xDE, 0xAD, 0xBE, 0xEF])
        session.channel.writeAndFlush(buffer, promise: nil)
    }

    /// An MO DELIVER (Registered_Delivery = 0) from `source` to `destination` for `account`
    /// (the first account when nil).
    func injectMO(from source: String, to destination: String, content: [UInt8], dataCoding: UInt8, account: String?) {
        guard let account = account ?? configuration.accounts.keys.sorted().first else { return }
        let message = CMPP.Deliver(msgID: nextMessageID(), destID: destination, msgFmt: CMPP.MessageFormat(rawValue: dataCoding),
                                   srcTerminalID: source, payload: .message(content))
        deliver(Delivery(account: account, deliver: message))
    }
}

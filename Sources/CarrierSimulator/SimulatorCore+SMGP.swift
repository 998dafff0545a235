import CarrierSession
import CarrierWire
import NIOCore

// SMGP 3.0 gateway behaviour (smgp.md): Login check with the MD5 authenticator, window and TPS
// enforcement (both answered with Status 1 "system busy", the de-facto throttle, §7), submit
// answers with 10-byte MsgIDs, long-message field checks and reassembly, Deliver_Resp handling,
// Active_Test, Exit and fault injection. Runs on ``SMGPSimulatorCore`` (see its doc comment for
// why it is not an extension of the SMPP-typed ``SimulatorCore``).
extension SMGPSimulatorCore {
    func received(_ packet: SMGPPacket, on sessionID: Int) {
        guard let session = sessions[sessionID] else { return }
        session.pdus += 1
        if let every = faults.dropEvery, session.pdus % every == 0 { return drop(session) }
        if random.chance(faults.dropProbability) { return drop(session) }
        if let every = faults.garbageEvery, session.pdus % every == 0 { sendGarbage(to: session) }

        let key = packet.sequenceID
        switch packet.body {
        case .login(let login):
            loginRequested(login, key: key, session: session)
        case .submit(let submit):
            submitReceived(submit, key: key, session: session)
        case .activeTest:
            counters.keepAlivesAnswered += 1
            respond(SMGPPacket(sequenceID: key, body: .activeTestResp), to: session, answersSubmit: false)
        case .activeTestResp:
            counters.keepAliveResponses += 1
        case .exit:
            counters.unbinds += 1
            write(SMGPPacket(sequenceID: key, body: .exitResp), to: session, thenClose: true)
        case .deliverResp(let response):
            deliveryAnswered(key: key, status: response.status, session: session)
        case .deliver:
            // An SP never sends Deliver: §7 Status 11, command word error.
            write(SMGPPacket(sequenceID: key, body: .deliverResp(SMGPResponse(msgID: .zero, status: .commandWordError))), to: session)
        case .loginResp, .submitResp, .exitResp:
            break
        }
    }

    /// Checks a Login (§3): version (22), ClientID and authenticator (21), the fault plan's
    /// refusal window; answers Login_Resp with AuthenticatorServer on success. A refused login is
    /// answered and the connection closed, as SMGWs do.
    private func loginRequested(_ login: SMGPLogin, key: UInt32, session: Session) {
        func refuse(_ status: SMGPStatus) {
            counters.loginsFailed += 1
            observations.loginRefusals[status.rawValue, default: 0] += 1
            write(SMGPPacket(sequenceID: key, body: .loginResp(SMGPLoginResp(status: status, serverVersion: options.serverVersion))),
                  to: session, thenClose: true)
        }
        if session.isBound { return refuse(.commandWordError) }
        if let period = faults.refuseLoginsFor, refusingLogins(for: period) {
            return refuse(SMGPStatus(rawValue: faults.refuseStatus))
        }
        guard login.clientVersion <= options.serverVersion else { return refuse(.versionTooHigh) }
        // §7: 21 covers every ClientID/secret mismatch; an unknown ClientID is not told apart,
        // so a prober learns nothing about which accounts exist.
        guard let secret = configuration.accounts[login.clientID],
              SMGPAuthenticator.verifyClient(login, secret: secret, accepting: options.acceptedClientIDForms) else {
            return refuse(.authenticationError)
        }
        session.account = login.clientID
        counters.loginsOK += 1
        let proof = SMGPAuthenticator.server(status: .success, clientAuthenticator: login.authenticatorClient, secret: secret)
        write(SMGPPacket(sequenceID: key, body: .loginResp(SMGPLoginResp(status: .success, authenticatorServer: proof,
                                                                          serverVersion: options.serverVersion))), to: session)
        if login.loginMode != .send { receiverBound(session.id, account: login.clientID) }  // LoginMode 1 or 2
        scheduleKeepAlive(for: session)
    }

    private func submitReceived(_ submit: SMGPSubmit, key: UInt32, session: Session) {
        counters.submitsReceived += 1
        func answer(_ status: SMGPStatus, id: SMGPMsgID = .zero) {
            session.outstanding += 1
            respond(SMGPPacket(sequenceID: key, body: .submitResp(SMGPResponse(msgID: id, status: status))),
                    to: session, answersSubmit: true)
        }
        guard let account = session.account else { return answer(.commandWordError) }
        guard session.outstanding < configuration.windowSize else {
            counters.windowExceeded += 1
            return answer(.systemBusy)  // §9 W = 16; SMGP has no "queue full" code
        }
        let now = ContinuousClock.now
        if configuration.tps > 0 {
            var limit = rateLimits[account] ?? TokenBucket(
                rate: configuration.tps, capacity: configuration.tpsBurst ?? max(1, configuration.tps / 10), now: now)
            let allowed = limit.allow(now: now)
            rateLimits[account] = limit
            guard allowed else {
                counters.throttled += 1
                return answer(.systemBusy)
            }
        }
        if random.chance(faults.errorRate) {
            counters.errorsInjected += 1
            return answer(SMGPStatus(rawValue: faults.errorStatus))
        }
        let validity: Duration?
        switch validityRemaining(submit.validTime) {
        case .invalid: return answer(.illegalValidTime)
        case .expired: return answer(.validityExpired)
        case .none: validity = nil
        case .remaining(let remaining): validity = remaining
        }
        guard let segment = longMessageSegment(submit) else {
            observations.malformedSegments += 1
            return answer(.messageStructureError)
        }
        let id = nextMsgID()
        counters.accepted += 1
        if segment.total > 1 { counters.segments += 1 }
        let destination = submit.destTermIDs.first ?? ""
        if !seen.insert(MessageKey(destination: destination, content: submit.content)).inserted {
            counters.duplicates += 1
        }
        answer(.success, id: id)
        if segment.total > 1 { reassemble(segment, submit: submit, now: now) }
        scheduleReport(for: submit, id: id, account: account, validity: validity, now: now)
    }

    /// One accepted Submit's place in a long message.
    struct Segment {
        var total: UInt8
        var part: InboundPart?
    }

    /// Checks §8: TP_udhi, the UDH and PkTotal/PkNumber must agree. Returns nil when they do not
    /// (e.g. a UDH without TP_udhi, counters that differ from the UDH, PkTotal > 1 without a UDH).
    private func longMessageSegment(_ submit: SMGPSubmit) -> Segment? {
        let udhi = (submit.tlvs.tpUdhi ?? 0) & 1 == 1
        let pkTotal = submit.tlvs.pkTotal ?? 1
        guard udhi else { return pkTotal <= 1 ? Segment(total: 1) : nil }
        guard let parsed = try? UserDataHeader.parse(submit.content) else { return nil }
        guard let concatenation = parsed.header.concatenation else { return pkTotal <= 1 ? Segment(total: 1) : nil }
        guard submit.tlvs.pkTotal == concatenation.total, submit.tlvs.pkNumber == concatenation.number else { return nil }
        let coding = CodingProfile.smgp.coding(forValue: submit.msgFormat) ?? .ucs2
        let part = InboundPart(source: submit.destTermIDs.first ?? "", destination: submit.srcTermID,
                               concatenation: concatenation, coding: coding, payload: parsed.payload)
        return Segment(total: concatenation.total, part: part)
    }

    private func reassemble(_ segment: Segment, submit: SMGPSubmit, now: ContinuousClock.Instant) {
        guard let part = segment.part else { return }
        let outcome = reassembler.receive(part, now: now)
        observations.incompleteLongMessages += outcome.dropped.count
        if case .complete(let message) = outcome.status {
            observations.longMessages.append(SMGPLongMessage(
                destination: message.key.source, text: message.text, segments: message.parts.count))
        }
    }

    /// Deliver_Resp: 0 acknowledged; 1 (system busy) delivered again after the retry delay;
    /// anything else recorded as a failure, not delivered again.
    private func deliveryAnswered(key: UInt32, status: SMGPStatus, session: Session) {
        let answer: DeliveryAnswer = switch status {
        case .success: .acknowledged
        case .systemBusy: .retryLater
        default: .rejected
        }
        deliveryAnswered(key, on: session.id, answer)
    }
}

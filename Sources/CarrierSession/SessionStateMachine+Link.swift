// Bound and unbinding behaviour: inbound PDUs, timers, graceful close.
extension SessionStateMachine {
    // MARK: - Inbound PDUs

    mutating func received(_ pdu: InboundPDU<Key, Response>, now: C.Instant, into actions: inout [Action]) {
        switch phase {
        case .bound, .unbinding:
            noteInbound(now: now)
            receivedOnLink(pdu, now: now, into: &actions)
        case .loggingIn:
            switch pdu {
            case .keepAliveRequest(let key):
                actions.append(.answerKeepAlive(key: key))
            case .terminateRequest(let key):
                actions.append(.answerTerminate(key: key))
                closeNow(.peerTerminated, failing: .peerTerminated, closeConnection: true, into: &actions)
            case .request(let key):
                actions.append(.rejectPeerRequest(key: key))
            case .submitResponse(let key, let response):
                actions.append(.unknownResponse(key: key, response: response))
            case .keepAliveResponse, .terminateResponse:
                break
            }
        case .idle, .connecting, .closed:
            // No connection is expected to deliver anything here; only responses are reported
            // (never crash, never hide a carrier's answer).
            if case .submitResponse(let key, let response) = pdu {
                actions.append(.unknownResponse(key: key, response: response))
            }
        }
    }

    private mutating func noteInbound(now: C.Instant) {
        inboundCount &+= 1
        lastInbound = now
        lastActivity = now
        keepAlive?.peerWasHeard()
    }

    private mutating func receivedOnLink(_ pdu: InboundPDU<Key, Response>, now: C.Instant, into actions: inout [Action]) {
        switch pdu {
        case .submitResponse(let key, let response):
            if let entry = window.remove(key) {
                actions.append(.completeSubmit(key: key, request: entry.request, response: response))
                terminateIfDrained(now: now, into: &actions)
            } else if failedKeys.contains(key) {
                actions.append(.lateResponse(key: key, response: response))
            } else {
                actions.append(.unknownResponse(key: key, response: response))
            }
        case .keepAliveResponse:
            break  // noteInbound already reset the missed-keep-alive count
        case .terminateResponse:
            if case .unbinding(let intent, .awaitingTerminateResponse) = phase {
                closeNow(intent, failing: .connectionLost, closeConnection: true, into: &actions)
            }
        case .keepAliveRequest(let key):
            actions.append(.answerKeepAlive(key: key))
        case .terminateRequest(let key):
            actions.append(.answerTerminate(key: key))
            closeNow(.peerTerminated, failing: .peerTerminated, closeConnection: true, into: &actions)
        case .request(let key):
            actions.append(.handlePeerRequest(key: key))
        }
    }

    // MARK: - Timers

    mutating func tick(now: C.Instant, into actions: inout [Action]) {
        switch phase {
        case .idle, .closed:
            break
        case .connecting(let deadline):
            if deadline <= now {
                closeNow(.connectTimedOut, failing: .connectionLost, closeConnection: true, into: &actions)
            }
        case .loggingIn(let deadline):
            if deadline <= now {
                closeNow(.loginTimedOut, failing: .connectionLost, closeConnection: true, into: &actions)
            }
        case .bound:
            tickBound(now: now, into: &actions)
        case .unbinding(let intent, .draining(let until)):
            if until <= now {  // stop waiting: hand the rest back rather than resend them once more
                failAllInFlight(.drainTimedOut, into: &actions)
                sendTerminate(intent: intent, now: now, into: &actions)
                return
            }
            guard expireWindow(now: now, into: &actions) else { return }
            if window.isEmpty { sendTerminate(intent: intent, now: now, into: &actions) }
        case .unbinding(let intent, .awaitingTerminateResponse(let until)):
            if until <= now {
                closeNow(intent, failing: .connectionLost, closeConnection: true, into: &actions)
            }
        }
    }

    private mutating func tickBound(now: C.Instant, into actions: inout [Action]) {
        guard expireWindow(now: now, into: &actions) else { return }
        if var timer = keepAlive, let lastInbound {
            let decision = timer.tick(now: now, lastInbound: lastInbound)
            keepAlive = timer
            switch decision {
            case .nothing:
                break
            case .send:
                lastActivity = now
                actions.append(.sendKeepAlive)
            case .dead:
                closeNow(.linkDead, failing: .linkDead, closeConnection: true, into: &actions)
                return
            }
        }
        if window.isEmpty, let idle = parameters.idleClose, let lastActivity,
            lastActivity.advanced(by: idle) <= now
        {
            beginUnbinding(intent: .idle, now: now, into: &actions)
        }
    }

    /// Resends or fails the submits whose deadline passed. Returns `false` when the link was
    /// found dead and closed: a submit used all its sends while nothing at all was received.
    private mutating func expireWindow(now: C.Instant, into actions: inout [Action]) -> Bool {
        var silentPeer = false
        for expiry in window.expire(now: now) {
            switch expiry {
            case .resend(let entry):
                lastActivity = now
                actions.append(.sendSubmit(key: entry.key, request: entry.request, attempt: entry.attempts))
            case .exhausted(let entry):
                failedKeys.insert(entry.key)
                actions.append(.failSubmit(key: entry.key, request: entry.request,
                                           failure: SubmitFailure(reason: .timedOut, attempts: entry.attempts)))
                if entry.mark == inboundCount { silentPeer = true }
            }
        }
        guard silentPeer else { return true }
        closeNow(.linkDead, failing: .linkDead, closeConnection: true, into: &actions)
        return false
    }

    // MARK: - Graceful close

    /// Stops taking submits; drains the window, or sends the terminate at once when it is empty.
    mutating func beginUnbinding(intent: CloseReason, now: C.Instant, into actions: inout [Action]) {
        keepAlive = nil  // no probes while closing; the peer's keep-alives are still answered
        if window.isEmpty {
            sendTerminate(intent: intent, now: now, into: &actions)
        } else {
            phase = .unbinding(intent: intent, step: .draining(until: now.advanced(by: parameters.drainTimeout)))
        }
        actions.append(.stateChanged(.unbinding))
    }

    private mutating func terminateIfDrained(now: C.Instant, into actions: inout [Action]) {
        guard case .unbinding(let intent, .draining) = phase, window.isEmpty else { return }
        sendTerminate(intent: intent, now: now, into: &actions)
    }

    private mutating func sendTerminate(intent: CloseReason, now: C.Instant, into actions: inout [Action]) {
        phase = .unbinding(
            intent: intent, step: .awaitingTerminateResponse(until: now.advanced(by: parameters.terminateTimeout)))
        actions.append(.sendTerminate)
    }
}

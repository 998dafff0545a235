import CarrierSession
import CarrierWire
import Logging
import NIOCore

// Channel events, timers, state changes and writes of a LinkDriver.
extension LinkDriver {
    // MARK: - Channel events (from Connector / LinkChannelHandler, on the loop)

    func connectCompleted(_ result: Result<Channel, Error>, generation: Int) {
        switch result {
        case .success(let newChannel):
            guard generation == self.generation, phase != .stopped else {
                newChannel.close(promise: nil)
                return
            }
            channel = newChannel
            feed(.connected)
        case .failure(let error):
            guard generation == self.generation else { return }
            lastError = "connect failed: \(error)"
            feed(.connectionLost)
        }
    }

    func received(_ packet: A.Wire.Packet, generation: Int) {
        guard generation == self.generation else { return }
        switch adapter.classify(packet) {
        case .loginResponse(let result):
            if case .rejected(let status, _) = result {
                counters.loginFailures += 1
                lastError = "login refused: \(status)"
            }
            feed(.loginResponse(result))
        case .session(let pdu):
            withCurrentRequest(packet) { feed(.received(pdu)) }
        case .ignore:
            break
        }
    }

    func channelClosed(generation: Int) {
        guard generation == self.generation else { return }
        channel = nil
        feed(.connectionLost)
    }

    func channelFailed(_ error: Error, generation: Int) {
        guard generation == self.generation else { return }
        lastError = "\(error)"  // WireError text holds the header hex only, never numbers or secrets
        logger.debug("connection error; closing", metadata: ["gw.error": "\(error)"])
        channel?.close(promise: nil)  // channelClosed follows
    }

    // MARK: - Action helpers

    func write(_ packet: A.Wire.Packet) {
        guard let channel else { return }
        var buffer = channel.allocator.buffer(capacity: 64)
        do {
            try A.Wire.encode(packet, into: &buffer)
        } catch {
            logger.error("cannot encode a session PDU", metadata: ["gw.error": "\(error)"])
            return
        }
        writeBytes(buffer)
    }

    func writeBytes(_ buffer: ByteBuffer) {
        guard let channel else { return }
        channel.write(buffer, promise: nil)
        needsFlush = true
    }

    /// Closes the current channel and ignores anything it still reports.
    func abandonChannel() {
        generation += 1
        channel?.close(promise: nil)
        channel = nil
    }

    /// Arms the link's one timer for `instant`. A timer already armed for no later is kept: the
    /// machine moves its next deadline on nearly every PDU (each response moves the window's
    /// earliest), mostly later, and re-arming each time was a timer cancelled and scheduled per
    /// message. A tick before anything is due does nothing, and the machine announces its next
    /// deadline after every tick, so the timer is then armed for it.
    func scheduleTick(at instant: ContinuousClock.Instant) {
        if tickTimer != nil, let armed = tickArmedFor, armed <= instant { return }
        tickTimer?.cancel()
        tickArmedFor = instant
        let delay = ContinuousClock.now.duration(to: instant)
        tickTimer = eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(max(0, delay.nanoseconds))) {
            self.tickTimer = nil
            self.tickArmedFor = nil
            self.feed(.tick)
        }
    }

    func sessionStateChanged(_ sessionState: SessionState) {
        let now = ContinuousClock.now
        switch sessionState {
        case .idle:
            break
        case .connecting, .loggingIn:
            setState(.connecting)
        case .bound:
            boundSince = now
            waitingOutLoginFailure = false
            setState(.bound)
            fill()
        case .unbinding:
            setState(.draining)
        case .closed(let reason):
            if channel != nil { abandonChannel() }
            let boundFor = boundSince.map { $0.duration(to: now) } ?? .zero
            boundSince = nil
            guard phase == .running else { return finish() }
            reconnect(after: reason, boundFor: boundFor)
        }
    }

    private func reconnect(after reason: CloseReason, boundFor: Duration) {
        let kind = reason.reconnect
        guard kind != .notNeeded else {
            closedWhileIdle = true  // e.g. SGIP idle close: reconnect when work arrives
            setState(.idle)
            fill()
            return
        }
        waitingOutLoginFailure = kind == .slowBackoff
        let delay = backoff.delay(after: kind, boundFor: boundFor)
        counters.reconnects += 1
        metrics.reconnect()
        if lastError == nil { lastError = "\(reason)" }
        logger.debug("link down; reconnecting", metadata: ["gw.reason": "\(reason)", "gw.delay": "\(delay)"])
        setState(.down(reason: "\(reason)"))
        reconnectTimer = eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(delay.nanoseconds)) {
            guard self.phase == .running else { return }
            self.lastError = nil
            self.feed(.connect)
        }
    }

    func finish() {
        guard phase != .stopped else { return }
        phase = .stopped
        tickTimer?.cancel()
        reconnectTimer?.cancel()
        if channel != nil { abandonChannel() }
        setState(.stopped)
        account.driverStopped()
    }

    func setState(_ newState: LinkState) {
        guard newState != state else { return }
        state = newState
        account.driverStateChanged(self, to: newState)
    }
}

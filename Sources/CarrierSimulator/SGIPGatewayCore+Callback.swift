import CarrierWire
import NIOCore
import NIOPosix

// The SMG's second role (sgip.md §8): it opens its own TCP connection to the SP's listener, binds
// with LoginType 2, writes Reports and MO Delivers (at most `callbackWindow` unanswered), and
// Unbinds when it has been idle. Unanswered deliveries go back to the queue when the connection
// drops; "node busy"/88 answers are redelivered after `reportRetryDelay`.
extension SGIPGatewayCore {
    /// Queues a Report/MO for the SP listener and sends what the window allows.
    func enqueue(_ delivery: Delivery) {
        if callbackPhase == .bound, awaiting.count >= options.callbackWindow { shared.counters.reportsHeldByWindow += 1 }
        pending.append(delivery)
        pumpCallback()
    }

    /// Connects when there is work and no connection, or writes queued deliveries when bound.
    func pumpCallback() {
        switch callbackPhase {
        case .disconnected:
            guard !pending.isEmpty, !reconnectScheduled else { return }
            connectCallback()
        case .bound:
            while awaiting.count < options.callbackWindow, let delivery = pending.popFirst() {
                send(delivery)
            }
            armIdleTimer()
        case .connecting, .binding, .unbinding:
            break
        }
    }

    private func connectCallback() {
        guard let host = options.reportHost, let port = options.reportPort else { return scheduleReconnect() }
        callbackPhase = .connecting
        callbackGeneration += 1
        counters.callbackConnects += 1
        let generation = callbackGeneration
        let bound = NIOLoopBound(self, eventLoop: eventLoop)
        ClientBootstrap(group: eventLoop)
            .connectTimeout(.seconds(2))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(PDUFrameHandler<SGIP>())
                    try channel.pipeline.syncOperations.addHandler(SGIPCallbackHandler(core: bound, generation: generation))
                }
            }
            .connect(host: host, port: port)
            .assumeIsolated()
            .whenComplete { result in bound.value.callbackConnected(result, generation: generation) }
    }

    private func callbackConnected(_ result: Result<Channel, Error>, generation: Int) {
        guard generation == callbackGeneration else {
            if case .success(let channel) = result { channel.close(promise: nil) }
            return
        }
        switch result {
        case .success(let channel):
            callbackChannel = channel
            callbackPhase = .binding
            let bind = SGIPBind(loginType: SGIPLoginType(rawValue: options.loginType),
                                loginName: options.loginName, loginPassword: options.loginPassword)
            write(SGIPPacket(sequence: nextSequence(), body: .bind(bind)), on: channel)
        case .failure:
            callbackPhase = .disconnected
            scheduleReconnect()
        }
    }

    func callbackReceived(_ packet: SGIPPacket, generation: Int) {
        guard generation == callbackGeneration, let channel = callbackChannel else { return }
        switch packet.body {
        case .bindResp(let response):
            guard response.result == .ok else {
                counters.callbackBindsRefused += 1
                counters.lastCallbackBindResult = response.result.rawValue
                shared.flusher.close(channel)  // callbackClosed schedules the retry
                return
            }
            counters.callbackBindsOK += 1
            callbackPhase = .bound
            pumpCallback()
        case .reportResp(let response), .deliverResp(let response):
            guard let delivery = awaiting.removeValue(forKey: packet.sequence) else { return }
            answered(delivery, result: response.result)
            pumpCallback()
        case .unbind:
            write(SGIPPacket(sequence: packet.sequence, body: .unbindResp), on: channel)
            shared.flusher.close(channel)
        case .unbindResp:
            shared.flusher.close(channel)
        default:
            break
        }
    }

    private func answered(_ delivery: Delivery, result: SGIPResult) {
        let isReport = if case .report = delivery { true } else { false }
        switch result {
        case .ok:
            if isReport { shared.counters.reportsAcked += 1 } else { shared.counters.mosAcked += 1 }
        case .nodeBusy, .tooFast:
            shared.counters.reportsDeferred += 1
            schedule(.deliver(delivery), at: ContinuousClock.now.advanced(by: shared.configuration.reportRetryDelay))
        default:
            shared.counters.reportsRejected += 1
        }
    }

    /// The callback connection closed: unanswered deliveries are queued again, in send order.
    func callbackClosed(generation: Int) {
        guard generation == callbackGeneration else { return }
        callbackChannel = nil
        callbackPhase = .disconnected
        idleTimer?.cancel()
        for (_, delivery) in awaiting.sorted(by: { $0.key.counter > $1.key.counter }) { pending.prepend(delivery) }
        awaiting.removeAll()
        if !pending.isEmpty { scheduleReconnect() }
    }

    private func send(_ delivery: Delivery) {
        guard let channel = callbackChannel else { return pending.prepend(delivery) }
        let sequence = nextSequence()
        awaiting[sequence] = delivery
        switch delivery {
        case .report(let report):
            shared.counters.reportsSent += 1
            write(SGIPPacket(sequence: sequence, body: .report(report)), on: channel)
        case .mo(let deliver):
            shared.counters.mosSent += 1
            write(SGIPPacket(sequence: sequence, body: .deliver(deliver)), on: channel)
        }
    }

    private func scheduleReconnect() {
        guard !reconnectScheduled else { return }
        reconnectScheduled = true
        schedule(.reconnectCallback, at: ContinuousClock.now.advanced(by: shared.configuration.reportRetryDelay))
    }

    /// Unbinds once nothing is queued or unanswered for `callbackIdleClose`.
    private func armIdleTimer() {
        idleTimer?.cancel()
        idleTimer = nil
        guard pending.isEmpty, awaiting.isEmpty else { return }
        let delay = options.callbackIdleClose
        let nanos = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
        let generation = callbackGeneration
        idleTimer = eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(nanos)) {
            guard generation == self.callbackGeneration, self.callbackPhase == .bound,
                  self.pending.isEmpty, self.awaiting.isEmpty, let channel = self.callbackChannel else { return }
            self.callbackPhase = .unbinding
            self.counters.callbackUnbinds += 1
            self.write(SGIPPacket(sequence: self.nextSequence(), body: .unbind), on: channel)
        }
    }
}

/// Forwards the callback connection's packets and closure to the core, tagged with its generation.
final class SGIPCallbackHandler: ChannelInboundHandler {
    typealias InboundIn = SGIPPacket
    private let core: NIOLoopBound<SGIPGatewayCore>
    private let generation: Int

    init(core: NIOLoopBound<SGIPGatewayCore>, generation: Int) {
        self.core = core
        self.generation = generation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        core.value.callbackReceived(unwrapInboundIn(data), generation: generation)
    }

    func channelInactive(context: ChannelHandlerContext) {
        core.value.callbackClosed(generation: generation)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.flush()  // answers already written go out first
        context.close(promise: nil)
    }
}

import Foundation
import CarrierWire
import Logging
import NIOCore

/// The state of one ``SGIPListener``, confined to the account's event loop (the same loop as the
/// report buffer, so offering a report needs no hop): the server channel, the SMG connections
/// and their Bind state, counters. Every decision about an inbound PDU is made here; the
/// channel handler only forwards.
final class SGIPListenerCore {
    /// One accepted SMG connection.
    final class Connection {
        let channel: Channel
        var isBound = false
        var closing = false

        init(channel: Channel) { self.channel = channel }
    }

    /// How long to wait for the SMG's Unbind_Resp when we stop.
    static let unbindGrace: TimeAmount = .seconds(1)

    let settings: SGIPSettings
    let reports: ReportBuffer
    let eventLoop: EventLoop
    let linkName: String
    /// Set when reports and MO are answered only once the consumer acknowledges them.
    private var acknowledgements: LoopInbox<(connection: ObjectIdentifier, packet: SGIPPacket)>?
    let metrics: LinkMetrics
    var adapter: SGIPAdapter
    var logger: Logger
    var server: Channel?
    var connections: [ObjectIdentifier: Connection] = [:]
    var counters = SGIPListenerCounters()
    private(set) var isStopping = false
    private var isStopped = false
    let stopped: EventLoopPromise<Void>

    init(configuration: LinkConfiguration, settings: SGIPSettings, adapter: SGIPAdapter, reports: ReportBuffer,
         eventLoop: EventLoop, logger: Logger) {
        self.settings = settings
        self.reports = reports
        self.eventLoop = eventLoop
        self.adapter = adapter
        self.linkName = "\(configuration.name)-listener"
        self.metrics = LinkMetrics(carrier: configuration.carrier, link: linkName)
        self.logger = logger
        self.stopped = eventLoop.makePromise()
        if configuration.reportAcknowledgement == .whenRecorded {
            let bound = NIOLoopBound(WeakReference(object: self), eventLoop: eventLoop)
            acknowledgements = LoopInbox(loop: eventLoop) { bound.value.object?.writeAcknowledgements($0) }
        }
    }

    // MARK: - Connections

    func opened(_ channel: Channel) -> Connection {
        let connection = Connection(channel: channel)
        counters.connectionsAccepted += 1
        if isStopping {
            channel.close(promise: nil)
        } else {
            connections[ObjectIdentifier(channel)] = connection
        }
        return connection
    }

    func closed(_ connection: Connection) {
        connections[ObjectIdentifier(connection.channel)] = nil
        finishIfStopped()
    }

    func idle(_ connection: Connection) {
        counters.idleClosed += 1
        logger.debug("closing an idle SMG connection")
        connection.channel.close(promise: nil)
    }

    // MARK: - Inbound PDUs

    func received(_ packet: SGIPPacket, on connection: Connection) {
        switch packet.body {
        case .bind(let bind):
            bindRequested(bind, packet, connection)
        case .report, .deliver, .userRpt:
            guard connection.isBound else {
                counters.beforeBind += 1
                write(adapter.answer(packet, .rejected), to: connection)
                return close(connection)
            }
            peerRequest(packet, connection)
        case .unbind:
            counters.unbindsReceived += 1
            write(SGIPPacket(sequence: packet.sequence, body: .unbindResp), to: connection)
            close(connection)
        case .unbindResp:
            connection.channel.close(promise: nil)
        case .submit:
            write(adapter.answer(packet, .rejected), to: connection)
        case .bindResp, .submitResp, .deliverResp, .reportResp, .userRptResp:
            break  // we send no such request on this link
        }
    }

    private func bindRequested(_ bind: SGIPBind, _ packet: SGIPPacket, _ connection: Connection) {
        func answer(_ result: SGIPResult) {
            write(SGIPPacket(sequence: packet.sequence, body: .bindResp(SGIPResponse(result: result))), to: connection)
        }
        func refuse(_ result: SGIPResult, close: Bool = true) {
            counters.bindsRefused += 1
            counters.lastRefusal = result.rawValue
            logger.warning("SMG bind refused: reports and MO from this SMG cannot arrive until its login matches the link's sgip settings", metadata: ["gw.result": "\(result)", "gw.login": "\(bind.loginName)"])
            answer(result)
            if close { self.close(connection) }
        }
        if connection.isBound { return refuse(.repeatedBind, close: false) }
        guard !isStopping else { return refuse(.nodeBusy) }
        guard bind.loginType == .smgToSP else { return refuse(.wrongLoginType) }
        guard Self.equal(bind.loginName, settings.smgLoginName), Self.equal(bind.loginPassword, settings.smgPassword) else {
            return refuse(.illegalLogin)
        }
        guard connections.values.filter(\.isBound).count < settings.maxSMGConnections else {
            return refuse(.tooManyConnections)
        }
        connection.isBound = true
        counters.bindsAccepted += 1
        logger.debug("SMG bound", metadata: ["gw.login": "\(bind.loginName)"])
        answer(.ok)
    }

    private func peerRequest(_ packet: SGIPPacket, _ connection: Connection) {
        let disposition: PeerRequestDisposition
        // Waiting for the consumer: the answer goes out when it has recorded the report.
        let acknowledgement: ReportAcknowledgement? = acknowledgements == nil ? nil
            : adapter.answer(packet, .accepted).map { self.acknowledgement(sending: $0, to: connection) }
        switch adapter.peerRequest(packet, link: linkName) {
        case .report(var report):
            report.acknowledgement = acknowledgement
            if reports.offer(.status(report)) {
                counters.reportsReceived += 1
                counters.lastReportAt = Date()
                metrics.report(report.outcome)
                disposition = .accepted
            } else {
                disposition = .deferred
            }
        case .mo(var message):
            message.acknowledgement = acknowledgement
            if reports.offer(.mo(message)) {
                counters.moReceived += 1
                metrics.moReceived()
                disposition = .accepted
            } else {
                disposition = .deferred
            }
        case .unsupported:
            counters.userReports += 1  // only UserRpt reaches here; acknowledged with 0, at once
            acknowledgement?.acknowledge()
            disposition = .accepted
        }
        if disposition == .deferred {
            counters.deferred += 1
            metrics.reportDeferred()
        }
        if disposition == .accepted, acknowledgement != nil { return }
        write(adapter.answer(packet, disposition), to: connection)
    }

    /// Writes `answer` to `connection` when the consumer acknowledges, if it is still open; an
    /// SMG whose connection closed delivers the report again on its next one.
    private func acknowledgement(sending answer: SGIPPacket, to connection: Connection) -> ReportAcknowledgement {
        let id = ObjectIdentifier(connection.channel)
        let outbox = acknowledgements
        return ReportAcknowledgement { outbox?.post((id, answer)) }
    }

    /// Writes the acknowledged answers (on the loop), one flush per connection.
    func writeAcknowledgements(_ answers: [(connection: ObjectIdentifier, packet: SGIPPacket)]) {
        var touched: [ObjectIdentifier: Channel] = [:]
        for answer in answers {
            guard let connection = connections[answer.connection], !connection.closing else {
                counters.acknowledgementsDropped += 1
                continue
            }
            write(answer.packet, to: connection, flush: false)
            touched[answer.connection] = connection.channel
        }
        for channel in touched.values { channel.flush() }
    }

    // MARK: - Stopping

    /// Closes the server; bound connections get an Unbind and are closed after its response or
    /// ``unbindGrace``; unbound ones are closed now.
    func stop() {
        guard !isStopping else { return }
        isStopping = true
        server?.close(promise: nil)
        server = nil
        for connection in connections.values {
            guard connection.isBound, !connection.closing else {
                connection.channel.close(promise: nil)
                continue
            }
            connection.closing = true
            write(SGIPPacket(sequence: adapter.nextKey(), body: .unbind), to: connection)
            eventLoop.assumeIsolated().scheduleTask(in: Self.unbindGrace) { connection.channel.close(promise: nil) }
        }
        finishIfStopped()
    }

    private func finishIfStopped() {
        guard isStopping, connections.isEmpty, !isStopped else { return }
        isStopped = true
        stopped.succeed()
    }

    // MARK: - Writing

    private func write(_ packet: SGIPPacket?, to connection: Connection, flush: Bool = true) {
        guard let packet else { return }
        var buffer = connection.channel.allocator.buffer(capacity: 32)
        do {
            try SGIP.encode(packet, into: &buffer)
        } catch {
            logger.error("cannot encode an SGIP response", metadata: ["gw.error": "\(error)"])
            return
        }
        if flush { connection.channel.writeAndFlush(buffer, promise: nil) } else { connection.channel.write(buffer, promise: nil) }
    }

    /// Closes after the pending writes are flushed (the refusal or Unbind_Resp goes out first).
    private func close(_ connection: Connection) {
        guard !connection.closing else { return }
        connection.closing = true
        let channel = connection.channel
        channel.writeAndFlush(channel.allocator.buffer(capacity: 0)).whenComplete { _ in channel.close(promise: nil) }
    }

    /// Compares without an early exit on the first differing byte (the SMG's password).
    private static func equal(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0 && a.count == b.count
    }
}

/// Forwards one SMG connection's packets, closure, idleness and errors to the core.
final class SGIPListenerHandler: ChannelInboundHandler {
    typealias InboundIn = SGIPPacket

    private let core: NIOLoopBound<SGIPListenerCore>
    private var connection: SGIPListenerCore.Connection?

    init(core: NIOLoopBound<SGIPListenerCore>) { self.core = core }

    func channelActive(context: ChannelHandlerContext) {
        connection = core.value.opened(context.channel)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let connection else { return }
        core.value.received(unwrapInboundIn(data), on: connection)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let connection { core.value.closed(connection) }
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent, let connection {
            core.value.idle(connection)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // sgip.md §8: a syntactically invalid command closes the connection; the SMG reconnects.
        core.value.logger.debug("SMG connection error; closing", metadata: ["gw.error": "\(error)"])
        context.close(promise: nil)
    }
}

/// A report or MO a simulator delivers: whose it is and which counters it goes to.
protocol WindowedDelivery {
    var account: String { get }
    var isReport: Bool { get }
}

/// How a receiver answered a report or MO, in protocol-neutral terms.
enum DeliveryAnswer {
    /// Status 0: done.
    case acknowledged
    /// The protocol's "retry later" (SMPP 0x64, CMPP 8, SMGP 1): delivered again after
    /// ``SimulatorConfiguration/reportRetryDelay``.
    case retryLater
    /// Any other status: recorded as a failure on the client's side, not delivered again.
    case rejected
}

/// A simulator core that delivers reports and MO through a ``ReportWindow`` — the CMPP, SMGP and
/// SMPP cores. They supply numbering, the PDU and the timer; this extension is the one place that
/// queues, writes, requeues and counts. (SGIP delivers over its own callback connection with its
/// own window, `SGIPGatewayCore+Callback.swift`.)
protocol ReportDelivering: AnyObject {
    associatedtype Delivery: WindowedDelivery
    var configuration: SimulatorConfiguration { get }
    var counters: SimulatorCounters { get set }
    var reportWindow: ReportWindow<Delivery> { get set }
    /// The next sequence number of the gateway's own requests on connection `session`; nil when
    /// the connection is gone.
    func nextSequence(on session: Int) -> UInt32?
    /// Writes `delivery` as the protocol's deliver PDU numbered `sequence` on connection `session`.
    func writeDelivery(_ delivery: Delivery, sequence: UInt32, on session: Int)
    /// Delivers `delivery` again at `due` (through the core's timer queue).
    func redeliver(_ delivery: Delivery, at due: ContinuousClock.Instant)
}

extension ReportDelivering {
    /// A report or MO is due: written now when a receiver of its account has room, else queued
    /// (counted in ``SimulatorCounters/reportsHeldByWindow`` when receivers are bound but full).
    func deliver(_ delivery: Delivery) {
        if reportWindow.enqueue(delivery, for: delivery.account) { counters.reportsHeldByWindow += 1 }
        pumpDeliveries(for: delivery.account)
    }

    /// Connection `session` logged in as a receiver of `account`: queued deliveries go out on it.
    /// Call after its login answer is written.
    func receiverBound(_ session: Int, account: String) {
        reportWindow.receiverBound(session, account: account)
        pumpDeliveries(for: account)
    }

    /// Connection `session` closed: its unanswered deliveries go back to the front of the queue
    /// and out on another receiver of the account, if any has room, or on the next one to bind.
    func receiverClosed(_ session: Int) {
        guard let account = reportWindow.receiverClosed(session) else { return }
        pumpDeliveries(for: account)
    }

    /// The receiver answered the delivery numbered `sequence` on `session` (a late or unknown
    /// number is ignored); its slot goes to the next queued delivery.
    func deliveryAnswered(_ sequence: UInt32, on session: Int, _ answer: DeliveryAnswer) {
        guard let (account, delivery) = reportWindow.answered(sequence, on: session) else { return }
        switch answer {
        case .acknowledged:
            if delivery.isReport { counters.reportsAcked += 1 } else { counters.mosAcked += 1 }
        case .retryLater:
            counters.reportsDeferred += 1
            redeliver(delivery, at: ContinuousClock.now.advanced(by: configuration.reportRetryDelay))
        case .rejected:
            counters.reportsRejected += 1
        }
        pumpDeliveries(for: account)
    }

    /// Writes `account`'s queued deliveries while its receivers have room. Each is counted
    /// unanswered before it is written, so a connection that closes during the write gets it back.
    private func pumpDeliveries(for account: String) {
        while let write = reportWindow.next(for: account, numbering: { self.nextSequence(on: $0) }) {
            if write.delivery.isReport { counters.reportsSent += 1 } else { counters.mosSent += 1 }
            writeDelivery(write.delivery, sequence: write.sequence, on: write.session)
        }
    }
}

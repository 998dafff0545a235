import Logging
import NIOCore

/// A `Sendable` handle on an ``AccountCore``: the core is created lazily on its event loop on
/// first use, and every access hops there. Submits hop in batches (``LoopInbox``).
struct AccountHandle: Sendable {
    let stateChanges: AsyncStream<LinkStateChange>
    private let cell: CoreCell
    private let submits: LoopInbox<PendingSubmit>

    var configuration: LinkConfiguration { cell.configuration }
    var eventLoop: EventLoop { cell.eventLoop }
    var reports: ReportBuffer { cell.reports }

    init(configuration: LinkConfiguration, eventLoop: EventLoop, logger: Logger,
         makeDrivers: @escaping @Sendable (AccountCore, Logger) -> [any LinkDriving]) {
        let (stream, continuation) = AsyncStream<LinkStateChange>.makeStream(bufferingPolicy: .bufferingNewest(64))
        self.stateChanges = stream
        let cell = CoreCell(configuration: configuration, eventLoop: eventLoop,
                            reports: ReportBuffer(capacity: configuration.reportBufferSize, eventLoop: eventLoop),
                            stateChanges: continuation, logger: logger, makeDrivers: makeDrivers)
        self.cell = cell
        self.submits = LoopInbox(loop: eventLoop) { cell.core().submit($0) }
    }

    /// The core; must be called on the loop.
    func core() -> AccountCore { cell.core() }

    /// Runs `body` on the loop with the core.
    func withCore(_ body: @escaping @Sendable (AccountCore) -> Void) {
        if eventLoop.inEventLoop {
            body(core())
        } else {
            eventLoop.execute { body(self.core()) }
        }
    }

    /// Queues a submit for the core; the loop takes every submit queued meanwhile in one pass.
    func submit(_ message: OutboundMessage, promise: EventLoopPromise<SubmitOutcome>) {
        if eventLoop.inEventLoop {
            core().submit([PendingSubmit(message: message, promise: promise)])
        } else {
            submits.post(PendingSubmit(message: message, promise: promise))
        }
    }

    /// The caller stopped waiting for the submit of `promise`: it is withdrawn if the loop has not
    /// taken it yet, else dropped from the core's queue if still there (never sent).
    func cancel(_ promise: EventLoopPromise<SubmitOutcome>) {
        let id = ObjectIdentifier(promise.futureResult)
        if let waiting = submits.withdraw(where: { ObjectIdentifier($0.promise.futureResult) == id }) {
            waiting.promise.fail(CancellationError())
            return
        }
        withCore { $0.cancel(id) }
    }
}

/// A submit on its way to the account's loop.
struct PendingSubmit: Sendable {
    let message: OutboundMessage
    let promise: EventLoopPromise<SubmitOutcome>
}

/// Creates the ``AccountCore`` on its loop the first time it is needed.
private final class CoreCell: Sendable {
    let configuration: LinkConfiguration
    let eventLoop: EventLoop
    let reports: ReportBuffer
    let stateChanges: AsyncStream<LinkStateChange>.Continuation
    let logger: Logger
    let makeDrivers: @Sendable (AccountCore, Logger) -> [any LinkDriving]
    private let box: NIOLoopBoundBox<AccountCore?>

    init(configuration: LinkConfiguration, eventLoop: EventLoop, reports: ReportBuffer, stateChanges: AsyncStream<LinkStateChange>.Continuation,
         logger: Logger, makeDrivers: @escaping @Sendable (AccountCore, Logger) -> [any LinkDriving]) {
        self.configuration = configuration
        self.eventLoop = eventLoop
        self.reports = reports
        self.stateChanges = stateChanges
        self.logger = logger
        self.makeDrivers = makeDrivers
        self.box = NIOLoopBoundBox.makeEmptyBox(valueType: AccountCore.self, eventLoop: eventLoop)
    }

    func core() -> AccountCore {
        if let core = box.value { return core }
        let core = AccountCore(configuration: configuration, eventLoop: eventLoop, reports: reports,
                               stateChanges: stateChanges, logger: logger)
        core.drivers = makeDrivers(core, core.logger)
        box.value = core
        return core
    }
}

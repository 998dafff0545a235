import Logging
import NIOCore

/// A `Sendable` handle on an ``AccountCore``: the core is created lazily on its event loop on
/// first use, and every access hops there.
struct AccountHandle: Sendable {
    let configuration: LinkConfiguration
    let eventLoop: EventLoop
    let reports: ReportBuffer
    let stateChanges: AsyncStream<LinkStateChange>
    private let stateContinuation: AsyncStream<LinkStateChange>.Continuation
    private let box: NIOLoopBoundBox<AccountCore?>
    private let logger: Logger
    private let makeDrivers: @Sendable (AccountCore, Logger) -> [any LinkDriving]

    init(configuration: LinkConfiguration, eventLoop: EventLoop, logger: Logger,
         makeDrivers: @escaping @Sendable (AccountCore, Logger) -> [any LinkDriving]) {
        self.configuration = configuration
        self.eventLoop = eventLoop
        self.logger = logger
        self.makeDrivers = makeDrivers
        self.reports = ReportBuffer(capacity: configuration.reportBufferSize, eventLoop: eventLoop)
        let (stream, continuation) = AsyncStream<LinkStateChange>.makeStream(bufferingPolicy: .bufferingNewest(64))
        self.stateChanges = stream
        self.stateContinuation = continuation
        self.box = NIOLoopBoundBox.makeEmptyBox(valueType: AccountCore.self, eventLoop: eventLoop)
    }

    /// The core; must be called on the loop.
    func core() -> AccountCore {
        if let core = box.value { return core }
        let core = AccountCore(configuration: configuration, eventLoop: eventLoop, reports: reports,
                               stateChanges: stateContinuation, logger: logger)
        core.drivers = makeDrivers(core, core.logger)
        box.value = core
        return core
    }

    /// Runs `body` on the loop with the core.
    func withCore(_ body: @escaping @Sendable (AccountCore) -> Void) {
        if eventLoop.inEventLoop {
            body(core())
        } else {
            eventLoop.execute { body(self.core()) }
        }
    }
}

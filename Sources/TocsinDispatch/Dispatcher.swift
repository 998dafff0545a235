import CarrierGateway
import Foundation
import Logging
import ServiceLifecycle
import TocsinCore
import TocsinStorage

/// From an approved warning to delivered (docs/dispatch.md): plans one delivery per number,
/// sends them through the carrier accounts in priority order with the windows full, retries,
/// matches status reports and replies, keeps progress, and recovers after a crash.
///
/// A swift-service-lifecycle `Service`: `run()` recovers what a previous run left, then sends
/// until graceful shutdown (senders finish their submit, hand back their buffers, the last
/// outcomes are committed) or cancellation (stops where it is, like a crash). Put it in the
/// service group after the link groups so it shuts down before them.
public final class Dispatcher: WarningDispatcher, Service {
    let store: Store
    let accounts: [any CarrierAccount]
    let configuration: DispatcherConfiguration
    let clock: any WallClock
    let observer: (any DispatchObserver)?
    let logger: Logger
    let book = DispatchBook()
    let hint = QueueHint()
    let matcher: ReportMatcher
    let recorder: Recorder
    let senders: [Sender]
    let planning = Locked<[Int64: Task<Void, Never>]>([:])
    private let stopRequested = Signal()
    /// Fired when a status report found no submit in memory: the lookup loop tries the database.
    let unmatchedWake = Signal()

    /// - Parameters:
    ///   - accounts: the carrier accounts (`LinkGroup`s), run by the caller. Each account's
    ///     `carrier` names the carrier whose numbers it sends (`mobile`, `unicom`, `telecom`, …);
    ///     test links (`isTestLink`) send only drills and tests, the others only real warnings.
    ///   - observer: told when a warning starts sending and when it has finished.
    public init(store: Store, accounts: [any CarrierAccount], configuration: DispatcherConfiguration = DispatcherConfiguration(),
                clock: any WallClock = SystemWallClock(), observer: (any DispatchObserver)? = nil,
                logger: Logger = Logger(label: "tocsin.dispatch")) {
        self.store = store
        self.accounts = accounts
        self.configuration = configuration
        self.clock = clock
        self.observer = observer
        self.logger = logger
        let matcher = ReportMatcher(limit: configuration.inFlightLimit)
        let recorder = Recorder(store: store, book: book, observer: observer, clock: clock, limit: configuration.maxPendingChanges,
                                gather: configuration.groupCommitGather ?? (store.writesOutcomesRowByRow ? .zero : .milliseconds(1)), logger: logger)
        self.matcher = matcher
        self.recorder = recorder
        let context = SenderContext(store: store, book: book, recorder: recorder, matcher: matcher, hint: hint, configuration: configuration,
                                    clock: clock, observer: observer, logger: logger)
        var senders: [Sender] = []
        for (i, account) in accounts.enumerated() {
            guard let carrier = Carrier(token: account.configuration.carrier) else {
                logger.error("dispatch: account \(account.configuration.name) names no known carrier (\(account.configuration.carrier)); it will not send")
                continue
            }
            if account.configuration.reportAcknowledgement != .whenRecorded {
                logger.warning("dispatch: account \(account.configuration.name) answers reports on receipt; a crash may lose some (set reportAcknowledgement to whenRecorded)")
            }
            let test = account.configuration.isTestLink
            let shared = accounts.filter { Carrier(token: $0.configuration.carrier) == carrier && $0.configuration.isTestLink == test }.count > 1
            senders.append(Sender(index: i, account: account, route: carrier.index,
                                  priorities: test ? DispatchPriority.drillOrTest : DispatchPriority.actual, shared: shared, context: context))
        }
        self.senders = senders
    }

    public func run() async throws {
        // The database may be briefly unreachable at start: retried, nothing is sent before.
        var failures = 0
        while true {
            do {
                try await recover()
                break
            } catch {
                if Task.isCancelled { return }
                failures += 1
                logger.error("dispatch: recovery failed (\(failures)×), retrying", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(min(30, failures * 2)))
            }
        }
        let recorderTask = Task { await recorder.run() }
        let senderTasks = senders.map { s in Task { await s.run() } }
        let readerTasks = accounts.indices.map { i in Task { await self.readReports(i) } }
        let sweepTask = Task { await self.sweepLoop() }
        let lookupTask = Task { await self.lookupLoop() }
        let all = [recorderTask, sweepTask, lookupTask] + senderTasks + readerTasks
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await stopRequested.wait()
            } onGracefulShutdown: {
                self.stopRequested.fire()
            }
        } onCancel: {
            stopRequested.fire()
            for t in all { t.cancel() }
            for t in planning.withLock({ Array($0.values) }) { t.cancel() }
        }
        if Task.isCancelled {
            // Like a crash, nothing more is started; but a write already in flight finishes, and
            // `run()` returns only after it has (a restart in the same process must not see a
            // dead run's commit land after it counted the queue).
            for t in all { await t.value }
            for t in planning.withLock({ Array($0.values) }) { await t.value }
            return
        }
        // Graceful: planning stops between batches (it resumes on the next start), senders hand
        // back what they have not sent, and the last outcomes are committed.
        sweepTask.cancel()
        lookupTask.cancel()
        let plans = planning.withLock { Array($0.values) }
        for t in plans { t.cancel() }
        for t in plans { await t.value }
        for s in senders { await s.close() }
        for t in senderTasks { await t.value }
        for t in readerTasks { t.cancel() }
        recorder.close()
        await recorderTask.value
    }

    /// Starts a graceful shutdown without swift-service-lifecycle (tools, tests): `run()` returns
    /// once the senders have stopped and the outcomes are committed.
    public func shutdownGracefully() {
        stopRequested.fire()
    }

    // MARK: WarningDispatcher

    /// Opens the warning's dispatch and starts planning it in the background; returns at once.
    /// - Throws: `DispatchError` `.noTestLink` (a drill or test and no test link), `.expired`,
    ///   `.unsendableText`; storage errors.
    public func dispatch(_ warning: Warning, approvedAt: Date) async throws {
        if warning.mode.isDrillOrTest, !accounts.contains(where: { $0.configuration.isTestLink }) {
            throw DispatchError(.noTestLink, "\(warning.id) is a \(warning.mode.rawValue) and may only be sent over test links; none is configured (set isTestLink on a link)")
        }
        guard warning.expires > approvedAt else {
            throw DispatchError(.expired, "\(warning.id) expired at \(WarningReference.capDateTime(warning.expires)), before it was approved")
        }
        let priority = DispatchPriority.value(level: warning.level, mode: warning.mode)
        let json = String(decoding: try JSONEncoder().encode(warning), as: UTF8.self)
        let (record, _) = try await store.openDispatch(warningID: warning.id.description, priority: priority, approvedAt: approvedAt,
                                                       expiresAt: warning.expires, warningJSON: json)
        try await adopt(record, warning: warning)
    }

    public func stop(_ id: WarningIdentifier, reason: String, at: Date) async throws {
        guard let record = try await store.dispatchRecord(warningID: id.description) else {
            throw DispatchError(.unknownWarning, "\(id) was never dispatched")
        }
        if book.entry(record.id) == nil { try await adopt(record, warning: nil) }
        book.update(record.id) { $0.stopped = true }
        try await store.markDispatchStopped(dispatchID: record.id, reason: reason, at: at)
        if let plan = planning.withLock({ $0[record.id] }) { plan.cancel() }
        try await close(record.id, from: .queued, to: .cancelled, reason: "stopped before it was sent: \(reason)")
        for s in senders { s.recall([record.id]) }
        _ = book.planningDone(record.id, at: clock.now())
        recorder.poke()
    }

    public func progress(of id: WarningIdentifier) async throws -> DispatchProgress? {
        if let dispatch = book.dispatchID(of: id) { return book.progress(dispatch) }
        guard let record = try await store.dispatchRecord(warningID: id.description) else { return nil }
        try await adopt(record, warning: nil)
        return book.progress(record.id)
    }

    public func ledger(of id: WarningIdentifier, after: Int64?, limit: Int) async throws -> [DeliveryLedgerEntry] {
        let dispatch: Int64
        if let known = book.dispatchID(of: id) {
            dispatch = known
        } else if let record = try await store.dispatchRecord(warningID: id.description) {
            dispatch = record.id
        } else {
            return []
        }
        return try await store.ledger(dispatchID: dispatch, after: after, limit: limit, carrierNames: Carrier.allCases.map(\.rawValue))
    }

    /// The whole ledger of a warning as CSV rows (header first), numbers as stored: the caller
    /// masks them unless the reader may see them.
    public func ledgerCSV(of id: WarningIdentifier, pageSize: Int = 5_000) async throws -> [[String]] {
        var rows: [[String]] = [LedgerCSV.header]
        var after: Int64? = nil
        while true {
            let page = try await ledger(of: id, after: after, limit: pageSize)
            rows += page.map(LedgerCSV.row)
            guard page.count == pageSize, let last = page.last else { return rows }
            after = last.seq
        }
    }
}

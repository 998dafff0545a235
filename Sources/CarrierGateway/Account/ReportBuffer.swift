import NIOCore

/// The bounded buffer between the links of an account and the one consumer of their status
/// reports and MO messages, built on NIO's `NIOAsyncSequenceProducer` (high/low watermark).
///
/// Policy when the consumer falls behind: once the buffer reaches its high watermark, ``offer(_:)``
/// returns false and the link answers the report with the protocol's "temporary, retry later"
/// status (SMPP ESME_RX_T_APPN 0x64), so the carrier keeps it and redelivers it later. Nothing is
/// dropped silently; refusals are counted (`reportsDeferred`). Accepting resumes when the consumer
/// has drained to the low watermark. Created anywhere; `offer` runs on the account's event loop.
struct ReportBuffer: Sendable {
    typealias Producer = NIOAsyncSequenceProducer<
        CarrierReport, NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark, Delegate>

    /// Hops the consumer's "produce more" back to the event loop.
    struct Delegate: NIOAsyncSequenceProducerDelegate {
        let accepting: NIOLoopBoundBox<Bool>
        func produceMore() {
            let accepting = self.accepting
            accepting.eventLoop.execute { accepting.value = true }
        }
        func didTerminate() {
            let accepting = self.accepting
            accepting.eventLoop.execute { accepting.value = false }
        }
    }

    let sequence: Producer
    private let source: Producer.Source
    private let accepting: NIOLoopBoundBox<Bool>

    init(capacity: Int, eventLoop: EventLoop) {
        let accepting = NIOLoopBoundBox.makeBoxSendingValue(true, eventLoop: eventLoop)
        let made = Producer.makeSequence(
            backPressureStrategy: .init(lowWatermark: max(1, capacity / 2), highWatermark: max(2, capacity)),
            finishOnDeinit: false,
            delegate: Delegate(accepting: accepting))
        self.sequence = made.sequence
        self.source = made.source
        self.accepting = accepting
    }

    /// Hands `report` to the consumer; false when the buffer is full (or finished) and the report
    /// must be refused so that the carrier redelivers it.
    func offer(_ report: CarrierReport) -> Bool {
        guard accepting.value else { return false }
        switch source.yield(report) {
        case .produceMore: return true
        case .stopProducing:
            accepting.value = false
            return true
        case .dropped:
            accepting.value = false
            return false
        }
    }

    /// Ends the stream once the buffered reports are consumed.
    func finish() { source.finish() }
}

/// The status reports and MO messages of a link or link group, in arrival order. Bounded (see
/// ``LinkConfiguration/reportBufferSize``); iterate it from exactly one task.
public struct ReportStream: AsyncSequence, Sendable {
    public typealias Element = CarrierReport
    let base: ReportBuffer.Producer

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: ReportBuffer.Producer.AsyncIterator
        public mutating func next() async -> CarrierReport? { await base.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: base.makeAsyncIterator()) }
}

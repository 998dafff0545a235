import NIOCore

/// Writes at once and flushes each channel once per event-loop tick: the answers to every PDU
/// of one socket read, and the reports of one timer run, leave in one `write` system call
/// instead of one each. Confined to the simulator's event loop.
final class TickFlusher {
    private let eventLoop: EventLoop
    private var dirty: [ObjectIdentifier: Channel] = [:]

    init(eventLoop: EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Queues `buffer` on `channel`; the flush runs after the loop's current work.
    func write(_ buffer: ByteBuffer, to channel: Channel) {
        channel.write(buffer, promise: nil)
        if dirty.isEmpty { eventLoop.assumeIsolated().execute { self.flush() } }
        dirty[ObjectIdentifier(channel)] = channel
    }

    /// Closes `channel` once everything written to it has gone out (an unbind's answer, the last
    /// answer before a simulated drop): a plain close drops writes not yet flushed or still
    /// waiting for socket space. An empty write's promise completes after every write before it.
    func close(_ channel: Channel) {
        dirty[ObjectIdentifier(channel)] = nil
        channel.writeAndFlush(channel.allocator.buffer(capacity: 0)).whenComplete { _ in channel.close(promise: nil) }
    }

    private func flush() {
        let channels = dirty
        dirty = [:]
        for channel in channels.values { channel.flush() }
    }
}

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

    /// Sends what was written to `channel`, then closes it: a close drops unflushed writes (an
    /// unbind's answer, the last answer before a simulated drop).
    func close(_ channel: Channel) {
        dirty[ObjectIdentifier(channel)] = nil
        channel.flush()
        channel.close(promise: nil)
    }

    private func flush() {
        let channels = dirty
        dirty = [:]
        for channel in channels.values { channel.flush() }
    }
}

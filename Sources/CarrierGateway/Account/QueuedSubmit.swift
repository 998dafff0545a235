import NIOCore

/// A submit waiting in the account's queue for a window slot and a token. Never sent yet, so
/// failing it is always safe to retry.
struct QueuedSubmit: Sendable {
    /// Identifies the caller's wait (for cancellation): the future's object identity.
    let id: ObjectIdentifier
    let message: OutboundMessage
    let promise: EventLoopPromise<SubmitOutcome>
    let enqueuedAt: ContinuousClock.Instant
    /// Throttle answers this submit has had so far (the link requeues it up to
    /// ``LinkConfiguration/throttleRetries`` times).
    var throttleAnswers: Int = 0
}

/// The machine's `Request`: a queued submit plus its encoded PDU, kept so that a resend writes
/// the same bytes under the same key (cmpp.md §10, sgip.md §3).
struct InFlightSubmit: Sendable {
    var queued: QueuedSubmit
    let bytes: ByteBuffer
    let sentAt: ContinuousClock.Instant
}

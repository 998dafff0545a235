import CarrierGateway
import CarrierWire
import Foundation
import TocsinCore
import TocsinStorage

extension Sender {
    /// Starts one claimed delivery on `slot`: submits every segment, one after the other, and
    /// commits its outcome — accepted with its message ids, closed (permanent refusal, expired,
    /// stopped), or back to the queue for a retry. The slot goes on once the outcome is durable.
    func deliver(_ item: ClaimedDelivery, slot: Int) {
        let now = context.clock.now()
        guard let info = context.book.sendInfo(item.dispatchID) else {
            settle(slot, .closed(item, .failed, statusCode: nil, reason: "the dispatch of this delivery is unknown to this node", at: now))
            return
        }
        if let closed = closedBeforeSending(item, info, now: now) {
            settle(slot, closed)
            return
        }
        if now >= item.leaseUntil {
            // Another node may have claimed it by now: do not send, give it back.
            let (hint, route, wake) = (context.hint, route, claimWake)
            settle(slot, .requeued(item, notBefore: now, avoid: nil, reason: nil, release: true)) {
                // Queued again now: it outranks whatever less urgent was claimed meanwhile.
                hint.planned(route: route, priority: item.priority)
                wake.fire()
            }
            return
        }
        let messages = info.composer.messages(to: item.number, now: now, expires: info.expires)
        submit(Segments(item: item, messages: messages, sentAt: now), slot: slot)
    }

    /// A delivery's segments and the message ids of those accepted so far.
    struct Segments: Sendable {
        let item: ClaimedDelivery
        let messages: [OutboundMessage]
        let sentAt: Date
        var ids: [String] = []
    }

    /// Submits the next segment of `segments`; the answer continues on the account's event loop.
    private func submit(_ segments: Segments, slot: Int) {
        let ticket = SubmitTicket()
        let withdrawn = buffer.withLock { b -> Bool in
            // Recalled or closing between two segments: the rest is not sent.
            if b.recalled.contains(slot) || b.closing { return true }
            b.tickets[slot] = ticket
            return false
        }
        if withdrawn {
            settle(slot, failure(segments.item, CancellationError(), sentSome: !segments.ids.isEmpty))
            return
        }
        let message = segments.messages[segments.ids.count]
        ticket.arm(account.submit(message) { [self] result in
            answered(result, segments, slot: slot, ticket: ticket)
        })
    }

    private func answered(_ result: Result<SubmitOutcome, any Error>, _ segments: Segments, slot: Int, ticket: SubmitTicket) {
        buffer.withLock { b in
            if b.tickets[slot] === ticket { b.tickets[slot] = nil }
        }
        let item = segments.item
        switch result {
        case .failure(let error):
            settle(slot, failure(item, error, sentSome: !segments.ids.isEmpty))
        case .success(.accepted(let id)):
            var segments = segments
            segments.ids.append(id)
            if segments.ids.count < segments.messages.count {
                submit(segments, slot: slot)
            } else {
                accepted(segments, slot: slot)
            }
        case .success(.rejected(let rejection)) where rejection.retryClass == .permanent:
            settle(slot, .closed(item, .failed, statusCode: String(rejection.code), reason: rejection.text, at: context.clock.now()))
        case .success(.rejected(let rejection)):
            settle(slot, retry(item, reason: "\(rejection.text) [\(rejection.retryClass.rawValue)]"))
        }
    }

    /// Commits the acceptance. Its message ids are registered for reports right after it is
    /// queued; a report that overtook its submit response is queued right behind it.
    private func accepted(_ segments: Segments, slot: Int) {
        let item = segments.item
        let target = ReportMatcher.Target(delivery: item.id, dispatch: item.dispatchID, carrier: item.carrier, decides: true)
        let (matcher, recorder, clock, index) = (context.matcher, context.recorder, context.clock, index)
        settle(slot, .accepted(item, account: name, messageID: segments.ids.first ?? "", sentAt: segments.sentAt), queued: {
            for (report, target) in matcher.register(account: index, messageIDs: segments.ids, target: target) {
                if target.decides {
                    recorder.enqueueNow(ReportOutcome.change(for: report, target: target, at: clock.now()))
                } else {
                    report.acknowledgement?.acknowledge()
                }
            }
        })
    }

    /// Commits `change` for the delivery of `slot`; once it is durable, `then` runs and the slot
    /// goes on to its next delivery. If the recorder stopped (a crash), the slot ends.
    private func settle(_ slot: Int, _ change: Change, queued: () -> Void = {}, then: (@Sendable () -> Void)? = nil) {
        context.recorder.commit(change, queued: queued) { [self] durable in
            guard durable else { return endSlot(slot) }
            then?()
            advance(slot)
        }
    }

    /// The outcome without sending: stopped or expired.
    private func closedBeforeSending(_ item: ClaimedDelivery, _ info: DispatchBook.SendInfo, now: Date) -> Change? {
        if info.stopped { return .closed(item, .cancelled, statusCode: nil, reason: "the warning was stopped before this message was sent", at: now) }
        if now >= info.expires { return .closed(item, .expired, statusCode: nil, reason: "not sent before the warning expired", at: now) }
        return nil
    }

    /// A submit that got no carrier answer: recalled (stop, expiry, shutdown) or a link failure.
    private func failure(_ item: ClaimedDelivery, _ error: any Error, sentSome: Bool) -> Change {
        let now = context.clock.now()
        if error is CancellationError {
            if let info = context.book.sendInfo(item.dispatchID), let closed = closedBeforeSending(item, info, now: now) { return closed }
            // Shutting down: nothing of it was written, give the attempt back.
            return .requeued(item, notBefore: now, avoid: nil, reason: nil, release: !sentSome)
        }
        if let e = error as? SubmitError {
            if e.code == .invalidMessage {
                return .closed(item, .failed, statusCode: nil, reason: "the message cannot be encoded for \(account.configuration.wireProtocol.rawValue)", at: now)
            }
            if e.code == .shuttingDown { return .requeued(item, notBefore: now, avoid: nil, reason: nil, release: !sentSome) }
            // `.mayDuplicate` too: at-least-once, the carrier may have it already.
            return retry(item, reason: "no answer from the carrier: \(e.code)" + (e.retry == .mayDuplicate ? " (may be duplicated)" : ""))
        }
        return retry(item, reason: "submit failed: \(error)")
    }

    /// Back to the queue after the backoff, preferably on another account of the route; final
    /// after `maxAttempts`.
    private func retry(_ item: ClaimedDelivery, reason: String) -> Change {
        let now = context.clock.now()
        let config = context.configuration
        if item.attempt >= config.maxAttempts {
            return .closed(item, .failed, statusCode: nil, reason: "gave up after \(item.attempt) attempts: \(reason)", at: now)
        }
        let notBefore = now.addingTimeInterval(config.backoff(after: item.attempt).timeInterval)
        return .requeued(item, notBefore: notBefore, avoid: avoidKey.isEmpty ? nil : avoidKey, reason: reason, release: false)
    }
}

/// What a status report means for its delivery.
enum ReportOutcome {
    static func change(for report: StatusReport, target: ReportMatcher.Target, at now: Date) -> Change {
        let code = report.stat + (report.errorCode.map { " \($0)" } ?? "")
        let (state, reason): (DeliveryState, String?) = switch report.outcome {
        case .delivered: (.delivered, nil)
        case .expired: (.expired, "the carrier could not deliver it within the warning's validity (EXPIRED)")
        case .undeliverable: (.failed, "the carrier reported it undeliverable (\(report.stat))")
        case .deleted: (.failed, "the carrier deleted it (\(report.stat))")
        case .rejected: (.failed, "the carrier rejected it (\(report.stat))")
        case .unknown, .pending: (.failed, "the carrier reported an unknown state (\(report.stat))")
        }
        return .reported(id: target.delivery, dispatch: target.dispatch, carrier: target.carrier, state: state, statusCode: code, reason: reason, at: now,
                         ack: report.acknowledgement)
    }
}

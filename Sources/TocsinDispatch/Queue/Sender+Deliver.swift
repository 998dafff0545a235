import CarrierGateway
import CarrierWire
import Foundation
import TocsinCore
import TocsinStorage

extension Sender {
    /// Submits one claimed delivery (every segment) and commits its outcome: accepted with its
    /// message ids, closed (permanent refusal, expired, stopped), or back to the queue for a retry.
    func deliver(_ item: ClaimedDelivery) async {
        let now = context.clock.now()
        guard let info = context.book.sendInfo(item.dispatchID) else {
            await context.recorder.commit(.closed(item, .failed, statusCode: nil, reason: "the dispatch of this delivery is unknown to this node", at: now))
            return
        }
        if let closed = closedBeforeSending(item, info, now: now) {
            await context.recorder.commit(closed)
            return
        }
        if now >= item.leaseUntil {
            // Another node may have claimed it by now: do not send, give it back.
            await context.recorder.commit(.requeued(item, notBefore: now, avoid: nil, reason: nil, release: true))
            // Queued again now: it outranks whatever less urgent was claimed meanwhile.
            context.hint.planned(route: route, priority: item.priority)
            claimWake.fire()
            return
        }
        var ids: [String] = []
        for message in info.composer.messages(to: item.number, now: now, expires: info.expires) {
            let outcome: SubmitOutcome
            do {
                outcome = try await account.submit(message)
            } catch {
                await context.recorder.commit(failure(item, error, sentSome: !ids.isEmpty))
                return
            }
            switch outcome {
            case .accepted(let id):
                ids.append(id)
            case .rejected(let rejection) where rejection.retryClass == .permanent:
                await context.recorder.commit(.closed(item, .failed, statusCode: String(rejection.code), reason: rejection.text, at: context.clock.now()))
                return
            case .rejected(let rejection):
                await context.recorder.commit(retry(item, reason: "\(rejection.text) [\(rejection.retryClass.rawValue)]"))
                return
            }
        }
        var ready: [(StatusReport, ReportMatcher.Target)] = []
        let target = ReportMatcher.Target(delivery: item.id, dispatch: item.dispatchID, carrier: item.carrier, decides: true)
        await context.recorder.commit(.accepted(item, account: name, messageID: ids.first ?? "", sentAt: now)) {
            ready = context.matcher.register(account: index, messageIDs: ids, target: target)
        }
        for (report, target) in ready {
            if target.decides {
                await context.recorder.enqueue(ReportOutcome.change(for: report, target: target, at: context.clock.now()))
            } else {
                report.acknowledgement?.acknowledge()
            }
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

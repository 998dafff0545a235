import CarrierGateway
import Foundation
import TocsinCore
import TocsinStorage

extension Dispatcher {
    /// Reads one account's status reports and replies until the stream ends or the task is cancelled.
    func readReports(_ index: Int) async {
        for await item in accounts[index].reports {
            if Task.isCancelled { return }
            switch item {
            case .status(let report):
                // Answered once recorded; a report that records nothing is answered now. An
                // unmatched final report waits in the matcher and is answered when resolved.
                guard report.outcome.isFinal else {
                    item.acknowledge()
                    continue
                }
                guard let target = matcher.match(account: index, report, at: clock.now()) else {
                    unmatchedWake.fire()
                    continue
                }
                if target.decides {
                    await recorder.enqueue(ReportOutcome.change(for: report, target: target, at: clock.now()))
                } else {
                    item.acknowledge()
                }
            case .mo(let mo):
                await acknowledge(mo)
            }
        }
    }

    /// A reply from a handset acknowledges the latest warning submitted to that number: any
    /// reply ("1", "收到", …) proves the message arrived.
    private func acknowledge(_ mo: MOMessage) async {
        guard let number = try? PhoneNumber(parsing: mo.source) else {
            mo.acknowledgement?.acknowledge()
            logger.debug("dispatch: reply from an invalid number ignored", metadata: ["gw.link": "\(mo.link)"])
            return
        }
        do {
            guard let delivery = try await store.latestSubmittedDelivery(to: Int64(number.key)), !delivery.acknowledged else {
                mo.acknowledgement?.acknowledge()
                logger.debug("dispatch: reply from \(number.masked) matches no unacknowledged warning")
                return
            }
            await recorder.enqueue(.acknowledged(id: delivery.id, dispatch: delivery.dispatchID, carrier: delivery.carrier, at: clock.now(),
                                                 ack: mo.acknowledgement))
        } catch {
            // Unanswered: the carrier delivers the reply again after its timeout.
            logger.error("dispatch: recording a reply from \(number.masked) failed", metadata: ["error": "\(error)"])
        }
    }

    /// Matches reports that found no submit in memory against the database: their submit was
    /// made before a restart, or its id was not kept in memory. Reports of deliveries not yet
    /// recorded as submitted wait for the next sweep.
    func matchStaleReports() async {
        let stale = matcher.stale(olderThan: .milliseconds(5), ttl: configuration.unmatchedReportTTL, now: clock.now())
        guard !stale.isEmpty else { return }
        do {
            let found = Dictionary(grouping: try await store.deliveries(withMessageIDs: stale.map(\.1.messageID)), by: { $0.messageID ?? "" })
            var resolved: [ReportMatcher.Key] = []
            for (key, report) in stale {
                let account = accounts[key.account].configuration.name
                guard let d = found[key.messageID]?.first(where: { $0.account == account }) else { continue }
                switch d.state {
                case .queued, .claimed:
                    continue
                case .submitted:
                    let target = ReportMatcher.Target(delivery: d.id, dispatch: d.dispatchID, carrier: d.carrier, decides: true)
                    await recorder.enqueue(ReportOutcome.change(for: report, target: target, at: clock.now()))
                default:
                    report.acknowledgement?.acknowledge() // already final: a repeated report
                }
                resolved.append(key)
            }
            matcher.resolved(resolved)
        } catch {
            logger.error("dispatch: matching reports in the database failed", metadata: ["error": "\(error)"])
        }
    }
}

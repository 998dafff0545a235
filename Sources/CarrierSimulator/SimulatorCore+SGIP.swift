import CarrierSession
import CarrierWire
import NIOCore

// SGIP 1.2 checks on the shared simulator state (sgip.md): fault injection per received PDU,
// the SP's Bind (LoginType 1), window and TPS enforcement with SGIP Results, duplicate counting
// and the outcome of an accepted Submit. The SGIP connection handling itself (responses, Reports
// and MO over the callback connection to the SP listener) lives in `SGIPGatewayCore`.
extension SimulatorCore {
    /// Counts a PDU on `session` and applies the fault plan; true when the connection was dropped
    /// (the PDU is then not handled).
    func sgipInjectFaults(on session: Session) -> Bool {
        session.pdus += 1
        if let every = faults.dropEvery, session.pdus % every == 0 {
            drop(session)
            return true
        }
        if random.chance(faults.dropProbability) {
            drop(session)
            return true
        }
        if let every = faults.garbageEvery, session.pdus % every == 0 { sendGarbage(to: session) }
        return false
    }

    /// The Bind_Resp Result for the SP's Bind (sgip.md §5.1, §7): 2 repeated Bind, 4 wrong
    /// LoginType (the SP must bind with 1), the fault plan's refusal while it lasts, 1 for an unknown
    /// name or a wrong password (SGIP has one code for both). Marks the session bound on 0.
    func sgipBindResult(_ bind: SGIPBind, session: Session) -> SGIPResult {
        let result: SGIPResult
        if session.isBound {
            result = .repeatedBind
        } else if bind.loginType != .spToSMG {
            result = .wrongLoginType
        } else if let period = faults.refuseLoginsFor, refusingLogins(for: period) {
            result = SGIPResult(rawValue: UInt8(truncatingIfNeeded: faults.refuseStatus))
        } else if let secret = configuration.accounts[bind.loginName], secret == bind.loginPassword {
            result = .ok
        } else {
            result = .illegalLogin
        }
        if result == .ok {
            session.account = bind.loginName
            counters.loginsOK += 1
        } else {
            counters.loginsFailed += 1
        }
        return result
    }

    /// Whether a Submit on `session` may be accepted: nil, or the refusal — 1 before Bind, the
    /// window code when more than ``SimulatorConfiguration/windowSize`` are unanswered, the
    /// throttle code when the account's TPS bucket is empty, the injected error. Counts the
    /// submit as outstanding either way (its response is still to be written).
    func sgipAdmit(on session: Session, throttle: UInt8, window: UInt8) -> SGIPResult? {
        counters.submitsReceived += 1
        defer { session.outstanding += 1 }
        guard let account = session.account else { return .illegalLogin }
        guard session.outstanding < configuration.windowSize else {
            counters.windowExceeded += 1
            return SGIPResult(rawValue: window)
        }
        if configuration.tps > 0 {
            let now = ContinuousClock.now
            var limit = rateLimits[account] ?? TokenBucket(
                rate: configuration.tps, capacity: configuration.tpsBurst ?? max(1, configuration.tps / 10), now: now)
            let allowed = limit.allow(now: now)
            rateLimits[account] = limit
            guard allowed else {
                counters.throttled += 1
                return SGIPResult(rawValue: throttle)
            }
        }
        if random.chance(faults.errorRate) {
            counters.errorsInjected += 1
            return SGIPResult(rawValue: UInt8(truncatingIfNeeded: faults.errorStatus))
        }
        return nil
    }

    /// Counts an accepted Submit: a segment when it carries a UDH, a duplicate when an earlier
    /// accepted Submit had the same recipients and content.
    func sgipRecordAccepted(_ submit: SGIPSubmit) {
        counters.accepted += 1
        if submit.tpUdhi & 1 == 1 { counters.segments += 1 }
        let key = MessageKey(destination: submit.userNumbers.joined(separator: ","), content: submit.content)
        if !seen.insert(key).inserted { counters.duplicates += 1 }
    }

    /// The outcome word (`DELIVRD`, `UNDELIV`, `EXPIRED`, nil = no report) and when it is known:
    /// after ``SimulatorConfiguration/reportDelay``, or at the end of `validity` when that comes
    /// first (never a delivery after the validity period). Counted in `outcomes`.
    func sgipOutcome(validity: Duration?, now: ContinuousClock.Instant) -> (word: String?, due: ContinuousClock.Instant) {
        var word = configuration.outcomes.pick(using: &random)
        var due = now.advanced(by: configuration.reportDelay)
        if word != nil, let validity, validity < configuration.reportDelay {
            word = "EXPIRED"
            due = now.advanced(by: max(.zero, validity))
        }
        counters.outcomes[word ?? "NONE", default: 0] += 1
        return (word, due)
    }
}

import CarrierWire
import NIOCore

// What an SMGW sends on its own: MsgIDs, status reports (Deliver with IsReport = 1 carrying the
// 122-byte report, smgp.md §5.4), MO, Active_Test, garbage; and how it reads ValidTime.
extension SMGPSimulatorCore {
    /// What a Submit's ValidTime says (§5.1, SMPP-style `YYMMDDhhmmsstnnp`).
    enum ValidityCheck: Equatable {
        /// Empty: the gateway's default.
        case none
        /// Still valid for this long.
        case remaining(Duration)
        /// Already over: Status 37.
        case expired
        /// Not a time: Status 44.
        case invalid
    }

    /// Reads a relative (`…R`) or absolute (`…nn+` / `…nn-`) ValidTime against the injected
    /// wall clock. An absolute time in the current second counts as valid for zero seconds.
    func validityRemaining(_ text: String) -> ValidityCheck {
        guard !text.isEmpty else { return .none }
        let chars = Array(text.utf8)
        guard chars.count == 16 else { return .invalid }
        if chars[15] == UInt8(ascii: "R") {
            return SimulatorCore.relativeValidity(text).map(ValidityCheck.remaining) ?? .invalid
        }
        guard chars[15] == UInt8(ascii: "+") || chars[15] == UInt8(ascii: "-"),
              let fields = Self.twoDigitFields(chars, count: 6), let quarters = Self.twoDigitFields(Array(chars[13..<15]), count: 1),
              (1...12).contains(fields[1]), (1...31).contains(fields[2]), fields[3] < 24, fields[4] < 60, fields[5] < 60
        else { return .invalid }
        let sign: Int64 = chars[15] == UInt8(ascii: "+") ? 1 : -1
        let days = Self.daysFromCivil(year: 2000 + fields[0], month: fields[1], day: fields[2])
        let local = days * 86_400 + Int64(fields[3] * 3600 + fields[4] * 60 + fields[5])
        let until = local - sign * Int64(quarters[0]) * 900
        let remaining = until - options.unixSeconds()
        return remaining < 0 ? .expired : .remaining(.seconds(remaining))
    }

    /// Schedules the report of an accepted Submit (when NeedReport = 1): the outcome mix picks the
    /// stat; a message whose validity ends before the report is due is reported `EXPIRED` at the
    /// end of its validity instead (never a late delivery).
    func scheduleReport(for submit: SMGPSubmit, id: SMGPMsgID, account: String, validity: Duration?,
                        now: ContinuousClock.Instant) {
        var word = configuration.outcomes.pick(using: &random)
        var due = now.advanced(by: configuration.reportDelay)
        if word != nil, let validity, validity < configuration.reportDelay {
            word = "EXPIRED"
            due = now.advanced(by: validity)
        }
        counters.outcomes[word ?? "NONE", default: 0] += 1
        guard let word, submit.needReport == 1 else { return }
        let stamp = configuration.dateStamp()
        let error: SMGPReportError = switch word {
        case "DELIVRD": .success
        case "EXPIRED": .userUnreachable
        default: .systemError
        }
        let length = String(min(999, submit.content.count))
        let text = Array((String(repeating: "0", count: 3 - length.count) + length).utf8) + submit.content.prefix(17)
        let report = SMGPReport(id: id, dlvrd: word == "DELIVRD" ? "001" : "000", submitDate: stamp, doneDate: stamp,
                                stat: SMGPReportStat(rawValue: word), err: error, text: text)
        guard let deliver = try? SMGPDeliver(msgID: nextMsgID(), report: report, recvTime: recvTime(stamp),
                                             srcTermID: submit.destTermIDs.first ?? "", destTermID: submit.srcTermID) else {
            return logger.error("simulator cannot build a report", metadata: ["sim.stamp": "\(stamp)"])
        }
        schedule(.deliver(Delivery(account: account, deliver: deliver)), at: due)
    }

    /// An MO from `source` to `destination` for `account` (the first account when nil);
    /// `hasUDH` sets TLV TP_udhi (one segment of a long MO).
    func injectMO(from source: String, to destination: String, content: [UInt8], msgFormat: UInt8,
                  hasUDH: Bool, account: String?) {
        guard let account = account ?? configuration.accounts.keys.sorted().first else { return }
        var message = SMGPDeliver(msgID: nextMsgID(), isReport: false, msgFormat: msgFormat,
                                  recvTime: recvTime(configuration.dateStamp()), srcTermID: source,
                                  destTermID: destination, content: content)
        if hasUDH { message.tlvs.tpUdhi = 1 }
        deliver(Delivery(account: account, deliver: message))
    }

    /// The gateway's own Active_Test every ``SimulatorConfiguration/keepAliveInterval``.
    func scheduleKeepAlive(for session: Session) {
        guard let interval = configuration.keepAliveInterval else { return }
        session.keepAliveTimer = eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(interval)) {
            guard self.sessions[session.id] != nil else { return }
            self.counters.keepAlivesSent += 1
            self.write(SMGPPacket(sequenceID: session.sequence.next(), body: .activeTest), to: session)
            self.scheduleKeepAlive(for: session)
        }
    }

    /// Writes bytes no SMGP decoder accepts: a header declaring a 4-byte PDU.
    func sendGarbage(to session: Session) {
        counters.garbageSent += 1
        var buffer = session.channel.allocator.buffer(capacity: 16)
        buffer.writeBytes([0x00, 0x00, 0x00, 0x04, 0xDE, 0xAD, 0xBE, 0xEF])
        session.channel.writeAndFlush(buffer, promise: nil)
    }

    /// The next MsgID. ``MessageIDStyle/decimal``: BCD per §5.5 (gateway code, `MMDDhhmm` of the
    /// date stamp, a 6-digit sequence). ``MessageIDStyle/hexadecimal``: raw bytes that are not
    /// BCD, as some gateways send (smgp.md pitfall 4) — the client must fall back to plain hex.
    func nextMsgID() -> SMGPMsgID {
        messageCounter += 1
        switch configuration.messageIDStyle {
        case .decimal:
            let stamp = Array(configuration.dateStamp().utf8)
            let parts = stamp.count >= 10 ? Self.twoDigitFields(Array(stamp[2..<10]), count: 4) : nil
            let (month, day, hour, minute) = parts.map { ($0[0], $0[1], $0[2], $0[3]) } ?? (1, 1, 0, 0)
            return SMGPMsgID(gatewayCode: options.gatewayCode, month: month, day: day, hour: hour, minute: minute,
                             sequence: Int(messageCounter % 1_000_000))
                ?? SMGPMsgID(gatewayCode: 0, month: 1, day: 1, hour: 0, minute: 0, sequence: Int(messageCounter % 1_000_000))
                ?? .zero
        case .hexadecimal:
            let value = (configuration.seed << 32) ^ messageCounter
            let bytes: [UInt8] = [0xFA, 0xCE] + (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
            return SMGPMsgID(bytes: bytes) ?? .zero
        }
    }

    /// RecvTime `YYYYMMDDHHMMSS` from a `YYMMDDhhmm` stamp.
    private func recvTime(_ stamp: String) -> String {
        stamp.utf8.count == 10 ? "20" + stamp + "00" : "20250101000000"
    }

    /// `count` two-digit decimal fields from the start of `chars`; nil when one is not digits.
    static func twoDigitFields(_ chars: [UInt8], count: Int) -> [Int]? {
        guard chars.count >= 2 * count else { return nil }
        var out: [Int] = []
        for index in 0..<count {
            let high = Int(chars[2 * index]) - 48, low = Int(chars[2 * index + 1]) - 48
            guard (0...9).contains(high), (0...9).contains(low) else { return nil }
            out.append(high * 10 + low)
        }
        return out
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

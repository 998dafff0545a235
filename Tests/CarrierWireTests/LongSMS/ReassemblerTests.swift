import Testing
@testable import CarrierWire

/// A manual clock reading for the reassembler: no wall clock in tests.
struct ManualInstant: InstantProtocol {
    var offset: Duration
    static func seconds(_ s: Int) -> ManualInstant { ManualInstant(offset: .seconds(s)) }
    func advanced(by duration: Duration) -> ManualInstant { ManualInstant(offset: offset + duration) }
    func duration(to other: ManualInstant) -> Duration { other.offset - offset }
    static func < (lhs: ManualInstant, rhs: ManualInstant) -> Bool { lhs.offset < rhs.offset }
}

@Suite struct ReassemblerTests {
    func part(_ number: UInt8, of total: UInt8, _ text: String, source: String = "13800138000", reference: UInt16 = 0x2A) -> InboundPart {
        InboundPart(key: ReassemblyKey(source: source, destination: "10612379", reference: reference, total: total),
                    number: number, coding: .ucs2, payload: UCS2.encode(text))
    }

    func makeReassembler(maxEntries: Int = 16, maxBytes: Int = 4096) -> Reassembler<ManualInstant> {
        Reassembler(timeout: .seconds(300), maxEntries: maxEntries, maxBytes: maxBytes)
    }

    @Test func outOfOrderPartsComplete() {
        var reassembler = makeReassembler()
        #expect(reassembler.receive(part(3, of: 3, "丙"), now: .seconds(0)).status == .pending(received: 1, total: 3))
        #expect(reassembler.receive(part(1, of: 3, "甲"), now: .seconds(1)).status == .pending(received: 2, total: 3))
        #expect(reassembler.bufferedBytes == 4 && reassembler.pendingCount == 1)
        guard case .complete(let message) = reassembler.receive(part(2, of: 3, "乙"), now: .seconds(2)).status else {
            Issue.record("not complete")
            return
        }
        #expect(message.text == "甲乙丙")
        #expect(message.parts == [UCS2.encode("甲"), UCS2.encode("乙"), UCS2.encode("丙")])
        #expect(reassembler.pendingCount == 0 && reassembler.bufferedBytes == 0)
    }

    @Test func duplicatesKeepTheFirstCopy() {
        var reassembler = makeReassembler()
        _ = reassembler.receive(part(1, of: 2, "甲"), now: .seconds(0))
        #expect(reassembler.receive(part(1, of: 2, "X"), now: .seconds(1)).status == .duplicate)
        #expect(reassembler.bufferedBytes == 2)
        guard case .complete(let message) = reassembler.receive(part(2, of: 2, "乙"), now: .seconds(2)).status else {
            Issue.record("not complete")
            return
        }
        #expect(message.text == "甲乙")
    }

    @Test func keysSeparateSendersAndTotals() {
        var reassembler = makeReassembler()
        _ = reassembler.receive(part(1, of: 2, "A", source: "1"), now: .seconds(0))
        _ = reassembler.receive(part(1, of: 2, "B", source: "2"), now: .seconds(0))
        _ = reassembler.receive(part(1, of: 3, "C", source: "1"), now: .seconds(0))
        #expect(reassembler.pendingCount == 3)
        #expect(reassembler.receive(part(2, of: 2, "b", source: "2"), now: .seconds(1)).status
                == .complete(ReassembledMessage(key: part(1, of: 2, "", source: "2").key, text: "Bb",
                                                parts: [UCS2.encode("B"), UCS2.encode("b")])))
    }

    @Test func incompleteSetsExpireAndAreReturned() {
        var reassembler = makeReassembler()
        _ = reassembler.receive(part(1, of: 3, "甲"), now: .seconds(0))
        _ = reassembler.receive(part(3, of: 3, "丙"), now: .seconds(100))
        #expect(reassembler.expire(now: .seconds(299)).isEmpty)
        let expired = reassembler.expire(now: .seconds(300))
        #expect(expired.count == 1)
        #expect(expired.first?.reason == .expired)
        #expect(expired.first?.partialText == "甲\u{FFFD}丙")
        #expect(expired.first?.parts.keys.sorted() == [1, 3])
        #expect(expired.first?.firstReceived == .seconds(0))
        #expect(reassembler.pendingCount == 0 && reassembler.bufferedBytes == 0)
        // The late part starts a new set.
        #expect(reassembler.receive(part(2, of: 3, "乙"), now: .seconds(301)).status == .pending(received: 1, total: 3))
    }

    @Test func receiveReportsExpiredSets() {
        var reassembler = makeReassembler()
        _ = reassembler.receive(part(1, of: 2, "A", source: "1"), now: .seconds(0))
        _ = reassembler.receive(part(1, of: 2, "B", source: "2"), now: .seconds(200))
        let outcome = reassembler.receive(part(1, of: 2, "C", source: "3"), now: .seconds(400))
        #expect(outcome.status == .pending(received: 1, total: 2))
        #expect(outcome.dropped.map(\.key.source) == ["1"])
        #expect(reassembler.pendingCount == 2)
    }

    @Test func entryBoundEvictsOldest() {
        var reassembler = makeReassembler(maxEntries: 2)
        _ = reassembler.receive(part(1, of: 2, "A", source: "1"), now: .seconds(0))
        _ = reassembler.receive(part(1, of: 2, "B", source: "2"), now: .seconds(1))
        // A part of an existing set needs no new entry: nothing evicted.
        #expect(reassembler.receive(part(1, of: 2, "b", source: "2", reference: 0x2A), now: .seconds(2)).status == .duplicate)
        let outcome = reassembler.receive(part(1, of: 2, "C", source: "3"), now: .seconds(3))
        #expect(outcome.dropped.map(\.key.source) == ["1"])
        #expect(outcome.dropped.first?.reason == .evicted)
        #expect(reassembler.pendingCount == 2)
    }

    @Test func byteBoundEvictsOldestAndRejectsOversizedParts() {
        var reassembler = makeReassembler(maxBytes: 10)
        _ = reassembler.receive(part(1, of: 2, "AAA", source: "1"), now: .seconds(0))   // 6 bytes
        let outcome = reassembler.receive(part(1, of: 2, "BBB", source: "2"), now: .seconds(1))
        #expect(outcome.dropped.map(\.key.source) == ["1"])
        #expect(reassembler.bufferedBytes == 6)
        #expect(reassembler.receive(part(2, of: 2, "CCCCCC", source: "2"), now: .seconds(2)).status == .rejected)
        #expect(reassembler.bufferedBytes == 6)
    }

    @Test func rejectsImpossibleCounters() {
        var reassembler = makeReassembler()
        #expect(reassembler.receive(part(0, of: 2, "x"), now: .seconds(0)).status == .rejected)
        #expect(reassembler.receive(part(3, of: 2, "x"), now: .seconds(0)).status == .rejected)
        #expect(reassembler.receive(part(1, of: 0, "x"), now: .seconds(0)).status == .rejected)
        #expect(reassembler.pendingCount == 0)
    }

    @Test func singlePartCompletesImmediately() {
        var reassembler = makeReassembler()
        guard case .complete(let message) = reassembler.receive(part(1, of: 1, "收到"), now: .seconds(0)).status else {
            Issue.record("not complete")
            return
        }
        #expect(message.text == "收到" && reassembler.pendingCount == 0)
    }

    @Test func surrogatePairSplitBySenderIsJoined() {
        var reassembler = makeReassembler()
        let key = ReassemblyKey(source: "1", reference: 7, total: 2)
        _ = reassembler.receive(InboundPart(key: key, number: 1, coding: .ucs2, payload: hexBytes("0041d83d")), now: .seconds(0))
        let outcome = reassembler.receive(InboundPart(key: key, number: 2, coding: .ucs2, payload: hexBytes("de00")), now: .seconds(1))
        guard case .complete(let message) = outcome.status else {
            Issue.record("not complete")
            return
        }
        #expect(message.text == "A😀")
    }

    @Test func splitParseReassembleRoundTrip() throws {
        let text = String(repeating: "【预警】暴雨红色预警😀", count: 20)
        let segments = try LongMessageSplitter().split(text, coding: .ucs2, concatenation: .udh16(reference: 0xABCD))
        #expect(segments.count > 3)
        var reassembler = makeReassembler()
        var result: String? = nil
        for (index, segment) in segments.reversed().enumerated() {
            let (header, payload) = try UserDataHeader.parse(segment.content)
            let info = try #require(header.concatenation)
            let outcome = reassembler.receive(
                InboundPart(source: "13800138000", concatenation: info, coding: .ucs2, payload: payload), now: .seconds(index))
            if case .complete(let message) = outcome.status { result = message.text }
        }
        #expect(result == text)
    }

    @Test func manyShortLivedSetsKeepTheQueueBounded() {
        var reassembler = makeReassembler(maxEntries: 4)
        for round in 0..<500 {
            let source = String(round)
            _ = reassembler.receive(part(1, of: 2, "a", source: source), now: .seconds(round))
            _ = reassembler.receive(part(2, of: 2, "b", source: source), now: .seconds(round))
        }
        #expect(reassembler.pendingCount == 0 && reassembler.bufferedBytes == 0)
        #expect(reassembler.expire(now: .seconds(10_000)).isEmpty)
    }

    @Test func completedSetsBehindAWaitingOneDoNotGrowTheQueue() {
        var reassembler = makeReassembler()
        _ = reassembler.receive(part(1, of: 2, "waiting", source: "0"), now: .seconds(0))
        for round in 1...1000 {
            _ = reassembler.receive(part(1, of: 2, "a", source: String(round)), now: .seconds(1))
            _ = reassembler.receive(part(2, of: 2, "b", source: String(round)), now: .seconds(1))
        }
        #expect(reassembler.pendingCount == 1)
        #expect(reassembler.queuedSlots <= 2 * 1 + 64 + 1)
    }
}

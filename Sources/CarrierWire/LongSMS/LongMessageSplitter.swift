/// Splits an outbound text into the segments to submit (protocols/README.md §1.1).
///
/// A text that fits one message (140 octets — 70 UCS-2 chars — or 160 GSM septets) is one
/// segment without a header. A longer one is cut into parts of at most
/// ``TextCoding/segmentCapacity(_:)`` bytes, greedily, and only between Unicode scalars: a
/// UTF-16 surrogate pair, a GB18030 two- or four-byte code and a GSM escape pair always stay
/// in one part. (Grapheme clusters such as flag emoji may be cut between their scalars; the
/// handset rejoins the parts before display.)
///
/// Pure: the concatenation reference is an input.
public struct LongMessageSplitter: Sendable, Hashable {
    /// Protocol ceiling: the total/number counters are one octet (cmpp.md §8.2).
    public static let protocolMaxSegments = 255

    /// The most segments one message may take, 1…255.
    public var maxSegments: Int

    /// - Parameter maxSegments: clamped to 1…255. A warning that needs more parts than the
    ///   operator allows should be shortened, not silently truncated.
    public init(maxSegments: Int = LongMessageSplitter.protocolMaxSegments) {
        self.maxSegments = min(max(maxSegments, 1), Self.protocolMaxSegments)
    }

    /// The segments for `text` in `coding`.
    ///
    /// - Throws: ``TextError/Code/unencodable`` if `coding` cannot represent the text;
    ///   ``TextError/Code/tooManySegments`` if it needs more than ``maxSegments`` parts.
    public func split(
        _ text: String, coding: TextCoding, concatenation: Concatenation
    ) throws(TextError) -> [MessageSegment] {
        let (bytes, ends) = try coding.encodeMarkingBoundaries(text)
        if bytes.count <= coding.singleMessageCapacity {
            return [MessageSegment(coding: coding, udh: [], payload: bytes, number: 1, total: 1, reference: nil)]
        }
        let cuts = Self.cutPoints(ends, capacity: coding.segmentCapacity(concatenation.form))
        guard cuts.count <= maxSegments else {
            throw TextError(.tooManySegments, detail: "\(coding) text needs \(cuts.count) segments, limit \(maxSegments)")
        }
        let total = UInt8(truncatingIfNeeded: cuts.count)
        var segments: [MessageSegment] = []
        segments.reserveCapacity(cuts.count)
        var start = 0
        for (index, end) in cuts.enumerated() {
            let number = UInt8(truncatingIfNeeded: index + 1)
            segments.append(MessageSegment(
                coding: coding,
                udh: concatenation.header(total: total, number: number),
                payload: Array(bytes[start..<end]),
                number: number, total: total, reference: concatenation.reference))
            start = end
        }
        return segments
    }

    /// How many segments ``split(_:coding:concatenation:)`` would produce, for previews. Does
    /// not apply ``maxSegments`` (a preview shows "12 segments" even when the limit is 10).
    ///
    /// - Throws: ``TextError/Code/unencodable`` if `coding` cannot represent the text.
    public func segmentCount(_ text: String, coding: TextCoding, form: Concatenation.Form = .udh8) throws(TextError) -> Int {
        let (bytes, ends) = try coding.encodeMarkingBoundaries(text)
        if bytes.count <= coding.singleMessageCapacity { return 1 }
        return Self.cutPoints(ends, capacity: coding.segmentCapacity(form)).count
    }

    /// Greedy cut: the end offset of each part, each part as long as possible without
    /// exceeding `capacity` and ending on a scalar boundary (`ends` are the scalars' end offsets).
    static func cutPoints(_ ends: [Int], capacity: Int) -> [Int] {
        var cuts: [Int] = []
        var start = 0
        var previous = 0
        for end in ends {
            if end - start > capacity {
                cuts.append(previous)
                start = previous
            }
            previous = end
        }
        if previous > start || cuts.isEmpty { cuts.append(previous) }
        return cuts
    }
}

extension SMPP {
    /// Hands out request sequence numbers 1…0x7FFFFFFF and wraps back to 1 (§1). Each side numbers
    /// its own requests; responses echo the request's number and never come from here.
    public struct SequenceNumberGenerator: Sendable, Hashable {
        /// §1: `0x00000001 – 0x7FFFFFFF`.
        public static let range: ClosedRange<UInt32> = 1...0x7FFF_FFFF

        /// The number handed out last (0 before the first).
        public private(set) var last: UInt32

        /// - Parameter last: the number to continue after; values outside `range` restart at 1.
        public init(startingAfter last: UInt32 = 0) { self.last = last }

        /// The next sequence number.
        public mutating func next() -> UInt32 {
            last = (last >= Self.range.lowerBound && last < Self.range.upperBound) ? last + 1 : Self.range.lowerBound
            return last
        }
    }
}

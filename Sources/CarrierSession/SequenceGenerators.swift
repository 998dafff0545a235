/// Sequence numbers for CMPP and SMGP requests: `UInt32`, +1 per request, wrapping from
/// 0xFFFFFFFF to 0 (cmpp.md §2 "wraps around"; smgp.md §2 range 0x00000000–0xFFFFFFFF).
public struct WrappingSequence: Sendable, Hashable {
    private var upcoming: UInt32

    /// Starts at `first` (1 by default, as in the published vectors).
    public init(first: UInt32 = 1) {
        upcoming = first
    }

    /// Returns the next number and advances.
    public mutating func next() -> UInt32 {
        defer { upcoming &+= 1 }
        return upcoming
    }
}

/// Sequence numbers for SMPP requests: 0x00000001…0x7FFFFFFF, wrapping back to 1
/// (smpp.md §2, SMPP 3.4 §5.1.4).
public struct SMPPSequence: Sendable, Hashable {
    /// Largest allowed sequence_number.
    public static let maximum: UInt32 = 0x7FFF_FFFF
    private var upcoming: UInt32

    /// Starts at `first`; a value outside 1…0x7FFFFFFF starts at 1.
    public init(first: UInt32 = 1) {
        upcoming = (1...Self.maximum).contains(first) ? first : 1
    }

    /// Returns the next number and advances.
    public mutating func next() -> UInt32 {
        defer { upcoming = upcoming >= Self.maximum ? 1 : upcoming + 1 }
        return upcoming
    }
}

/// SGIP's 12-byte SequenceNumber (sgip.md §3): node id of the creator, creation time as the
/// decimal `MMDDhhmmss`, and a counter. It is also SGIP's only message identifier.
public struct SGIPSequenceNumber: Sendable, Hashable, CustomStringConvertible {
    /// Node id of the node that created the command (SP ids exceed 2³¹−1: keep `UInt32`).
    public var nodeID: UInt32
    /// Creation time as the decimal integer `MMDDhhmmss` (e.g. 20 Nov 20:32:25 → 1120203225).
    public var timestamp: UInt32
    /// Per-command counter.
    public var counter: UInt32

    /// Creates a sequence number from its three parts.
    public init(nodeID: UInt32, timestamp: UInt32, counter: UInt32) {
        self.nodeID = nodeID
        self.timestamp = timestamp
        self.counter = counter
    }

    /// The spec's rendering: the three parts as decimals, concatenated ("205502327125025327").
    public var description: String { "\(nodeID)\(timestamp)\(counter)" }

    /// The `MMDDhhmmss` value for a wall-clock time, or `nil` when a field is out of range.
    /// The caller supplies the time (this module reads no clock).
    public static func timestamp(month: Int, day: Int, hour: Int, minute: Int, second: Int) -> UInt32? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let value = (((month * 100 + day) * 100 + hour) * 100 + minute) * 100 + second
        return UInt32(value)  // at most 1231235959 < 2³²
    }
}

/// Generates SGIP SequenceNumbers for one node: the counter starts at 0 and wraps
/// (sgip.md §3); the `MMDDhhmmss` part is supplied by the caller with every call.
public struct SGIPSequenceGenerator: Sendable, Hashable {
    /// The node id the carrier assigned to us (e.g. SP `3075512345`).
    public let nodeID: UInt32
    private var counter: UInt32

    /// Starts the counter at `firstCounter` (0 by default).
    public init(nodeID: UInt32, firstCounter: UInt32 = 0) {
        self.nodeID = nodeID
        self.counter = firstCounter
    }

    /// Returns the next SequenceNumber stamped with `timestamp` (`MMDDhhmmss`, see
    /// ``SGIPSequenceNumber/timestamp(month:day:hour:minute:second:)``) and advances the counter.
    public mutating func next(timestamp: UInt32) -> SGIPSequenceNumber {
        defer { counter &+= 1 }
        return SGIPSequenceNumber(nodeID: nodeID, timestamp: timestamp, counter: counter)
    }
}

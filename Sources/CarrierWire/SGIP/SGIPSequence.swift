import NIOCore

/// The 12-byte SGIP SequenceNumber (sgip.md §3): node id, creation time `MMDDhhmmss` and a
/// counter, three big-endian `UInt32`s.
///
/// SGIP has no message id: the SP's own SequenceNumber of a Submit is the key that the Report
/// refers back to (`SGIPReport.submitSequence`), so this value is Hashable and has a stable text
/// form for logs and databases. SP node ids such as `3075512345` exceed `Int32.max`.
public struct SGIPSequence: Sendable, Hashable, CustomStringConvertible, LosslessStringConvertible {
    /// Bytes on the wire (sgip.md §2, header offsets 8–19).
    public static let wireLength = 12

    /// Node id of the node that created the command (SP `3AAAAQQQQQ`, SMG `1AAAAX`, …).
    public var nodeID: UInt32
    /// Creation time as the decimal integer `MMDDhhmmss` (`1120203225` = 20 Nov 20:32:25).
    public var timestamp: UInt32
    /// Per-command counter; wraps.
    public var counter: UInt32

    public init(nodeID: UInt32, timestamp: UInt32, counter: UInt32) {
        self.nodeID = nodeID
        self.timestamp = timestamp
        self.counter = counter
    }

    /// Builds the `MMDDhhmmss` time part from calendar fields, or nil when a field is out of range.
    public static func timestamp(month: Int, day: Int, hour: Int, minute: Int, second: Int) -> UInt32? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...59).contains(second) else { return nil }
        return UInt32(month * 100_000_000 + day * 1_000_000 + hour * 10_000 + minute * 100 + second)
    }

    /// `node/time/counter` in decimal, e.g. `205502/327125025/327` (the spec's HTTP-appendix
    /// example). Unambiguous, unlike the spec's own concatenation.
    public var description: String { "\(nodeID)/\(timestamp)/\(counter)" }

    /// The spec's concatenated rendering (`205502327125025327`). Ambiguous — display only.
    public var concatenatedDecimal: String { "\(nodeID)\(timestamp)\(counter)" }

    /// Parses the `node/time/counter` form produced by `description`.
    public init?(_ description: String) {
        let parts = description.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let node = UInt32(parts[0]), let time = UInt32(parts[1]), let counter = UInt32(parts[2]) else { return nil }
        self.init(nodeID: node, timestamp: time, counter: counter)
    }

    /// The same node and time with `counter + 1` (wrapping), for a sender's next command.
    public func next() -> SGIPSequence {
        SGIPSequence(nodeID: nodeID, timestamp: timestamp, counter: counter &+ 1)
    }

    /// Reads 12 bytes.
    public init(reading reader: inout FieldReader, field: String) throws(WireError) {
        let node: UInt32 = try reader.integer("\(field).node")
        let time: UInt32 = try reader.integer("\(field).time")
        let counter: UInt32 = try reader.integer("\(field).counter")
        self.init(nodeID: node, timestamp: time, counter: counter)
    }

    /// Writes 12 bytes.
    public func write(into buffer: inout ByteBuffer) {
        buffer.writeInteger(nodeID)
        buffer.writeInteger(timestamp)
        buffer.writeInteger(counter)
    }
}

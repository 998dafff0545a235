import NIOCore

/// A decoding or encoding failure. Carries the protocol, the command id when known and a hex dump
/// of the PDU *header only*: headers never hold phone numbers or message text, so the error text is
/// safe to log.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as an open set of named codes.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The declared PDU length is below the protocol's header size or the PDU's minimum.
        public static let lengthTooSmall = Code(rawValue: "length_too_small")
        /// The declared PDU length exceeds the protocol's maximum; nothing is buffered.
        public static let lengthTooLarge = Code(rawValue: "length_too_large")
        /// The body ended before a field it declares.
        public static let truncated = Code(rawValue: "truncated")
        /// The body holds bytes after its last field.
        public static let trailingBytes = Code(rawValue: "trailing_bytes")
        /// The command id is not one this protocol defines.
        public static let unknownCommand = Code(rawValue: "unknown_command")
        /// A field holds a value the spec forbids (bad BCD, over-long C-string, bad TLV length …).
        public static let invalidField = Code(rawValue: "invalid_field")
        /// A value given to an encoder does not fit its field.
        public static let valueTooLong = Code(rawValue: "value_too_long")
    }

    public var code: Code
    /// "CMPP3", "SGIP", "SMGP", "SMPP" …
    public var protocolName: String
    public var commandID: UInt32?
    /// A person-readable explanation naming the field. Never contains field *values* that may be
    /// personal data (numbers, message text) or secrets.
    public var detail: String
    /// Hex of the PDU header bytes (at most the header), or empty.
    public var headerHex: String

    public init(_ code: Code, protocolName: String, commandID: UInt32? = nil, detail: String, headerHex: String = "") {
        self.code = code
        self.protocolName = protocolName
        self.commandID = commandID
        self.detail = detail
        self.headerHex = headerHex
    }

    public var description: String {
        var text = "\(protocolName) \(code)"
        if let commandID { text += " command 0x" + String(commandID, radix: 16, uppercase: true).leftPadded(to: 8) }
        text += ": \(detail)"
        if !headerHex.isEmpty { text += " [header \(headerHex)]" }
        return text
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

extension ByteBuffer {
    /// Lower-case hex of up to `limit` readable bytes, space separated in groups of four bytes.
    public func hexPrefix(_ limit: Int) -> String {
        let bytes = readableBytesView.prefix(Swift.max(0, limit))
        return stride(from: bytes.startIndex, to: bytes.endIndex, by: 4)
            .map { Hex.lower(bytes[$0..<Swift.min($0 + 4, bytes.endIndex)]) }
            .joined(separator: " ")
    }
}

/// The first bytes of a PDU, kept for error messages: a slice of the frame (no copy), turned into
/// hex only when an error is built. Decoding every PDU used to format its header eagerly, about 6 %
/// of a dispatch's CPU.
public struct HeaderBytes: Sendable {
    private let bytes: ByteBuffer?

    /// No header (errors built outside a frame).
    public static let none = HeaderBytes(bytes: nil)

    private init(bytes: ByteBuffer?) { self.bytes = bytes }

    /// The first `length` readable bytes of `frame` (fewer if the frame is shorter).
    public init(of frame: ByteBuffer, length: Int) {
        bytes = frame.getSlice(at: frame.readerIndex, length: Swift.min(length, frame.readableBytes))
    }

    /// Lower-case hex, space separated in groups of four bytes; empty for `.none`.
    public var hex: String { bytes?.hexPrefix(Int.max) ?? "" }
}

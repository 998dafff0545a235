/// A text encoding, splitting or header-parsing failure.
///
/// Like ``WireError`` its text is safe to log: it names the coding and a position, never the
/// message text itself (warning text may be embargoed; MO text is personal data).
public struct TextError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as an open set of named codes.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A character has no representation in the requested coding.
        public static let unencodable = Code(rawValue: "unencodable")
        /// None of the codings a protocol allows can represent the text.
        public static let noSuitableCoding = Code(rawValue: "no_suitable_coding")
        /// The text needs more segments than the splitter's limit (at most 255: u8 counters,
        /// cmpp.md §8.2).
        public static let tooManySegments = Code(rawValue: "too_many_segments")
        /// A user data header's lengths do not fit the content (GSM 03.40 §9.2.3.24).
        public static let malformedHeader = Code(rawValue: "malformed_udh")
    }

    public var code: Code
    /// A person-readable explanation: coding name, offsets, counts. Never text content.
    public var detail: String
    /// For ``Code/unencodable``: the index of the offending Unicode scalar in the text.
    public var scalarOffset: Int?

    public init(_ code: Code, detail: String, scalarOffset: Int? = nil) {
        self.code = code
        self.detail = detail
        self.scalarOffset = scalarOffset
    }

    public var description: String { "text \(code): \(detail)" }

    static func unencodable(_ coding: TextCoding, at offset: Int) -> TextError {
        TextError(.unencodable, detail: "character #\(offset) has no \(coding) representation", scalarOffset: offset)
    }
}

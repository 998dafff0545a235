import TocsinCore

/// Why dispatch refused a request. A struct with a code (STYLE.md habit 6); the message names
/// what is wrong and never holds a phone number.
public struct DispatchError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A drill or test warning, and no link is marked as a test link.
        public static let noTestLink = Code(rawValue: "no_test_link")
        /// The warning is not in a state that may be dispatched (not approved).
        public static let notApproved = Code(rawValue: "not_approved")
        /// The warning's SMS text cannot be encoded or is too long for the carriers.
        public static let unsendableText = Code(rawValue: "unsendable_text")
        /// The warning expired before it could be dispatched.
        public static let expired = Code(rawValue: "expired")
        /// No dispatch exists for the warning.
        public static let unknownWarning = Code(rawValue: "unknown_warning")
        /// A stored dispatch could not be read back (corrupt warning JSON).
        public static let corruptRecord = Code(rawValue: "corrupt_record")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

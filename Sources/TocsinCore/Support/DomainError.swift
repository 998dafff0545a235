/// An error of the domain layer: a stable code and a message a person can act on. Never holds a
/// full phone number, a password or message text.
public struct DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
        public static let invalidNumber = Code(rawValue: "invalid_number")
        public static let unknownRegion = Code(rawValue: "unknown_region")
        public static let unknownGroup = Code(rawValue: "unknown_group")
        public static let unknownHazard = Code(rawValue: "unknown_hazard")
        public static let invalidValue = Code(rawValue: "invalid_value")
        public static let notFound = Code(rawValue: "not_found")
        public static let conflict = Code(rawValue: "conflict")
    }
    public var code: Code
    public var message: String
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { "\(code): \(message)" }
}

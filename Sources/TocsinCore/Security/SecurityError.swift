/// A failure of authentication, authorisation, password policy or the audit trail: a stable code
/// (mapped to HTTP only at the web edge) and a message a person can act on. Never holds a
/// password, a token, a key, or — on login — whether the user name exists.
public struct SecurityError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Wrong user name or password (deliberately the same for both).
        public static let invalidCredentials = Code(rawValue: "invalid_credentials")
        /// Too many failed logins; try again after the cool-down, or ask a security admin.
        public static let accountLocked = Code(rawValue: "account_locked")
        /// The password is older than the policy allows (or was set by an admin): change it first.
        public static let passwordChangeRequired = Code(rawValue: "password_change_required")
        /// The new password breaks a rule of the policy.
        public static let passwordPolicy = Code(rawValue: "password_policy")
        /// The new password equals one of the last N.
        public static let passwordReused = Code(rawValue: "password_reused")
        /// A role set breaks separation of duties, or names an unknown role.
        public static let roleConflict = Code(rawValue: "role_conflict")
        public static let sessionExpired = Code(rawValue: "session_expired")
        public static let invalidToken = Code(rawValue: "invalid_token")
        /// Authenticated, but no role grants the permission.
        public static let forbidden = Code(rawValue: "forbidden")
        public static let userExists = Code(rawValue: "user_exists")
        public static let unknownUser = Code(rawValue: "unknown_user")
        public static let unknownToken = Code(rawValue: "unknown_token")
        /// No audit key is configured, or it is not the key the chain was started with.
        public static let auditKey = Code(rawValue: "audit_key")
    }

    public var code: Code
    public var message: String
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { "\(code): \(message)" }
}

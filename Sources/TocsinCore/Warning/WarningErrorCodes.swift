/// Error codes of the warning domain. Each names something a person can do about it; the message
/// that goes with it says what (submit first, ask another reviewer, write a comment …).
extension DomainError.Code {
    /// The action is not allowed in the warning's current state (e.g. approving a draft).
    public static let invalidTransition = Self(rawValue: "invalid_transition")
    /// The author tried to approve their own warning. Another reviewer must approve it.
    public static let selfApproval = Self(rawValue: "self_approval_forbidden")
    /// The author tried to reject their own warning; withdraw it instead.
    public static let selfReview = Self(rawValue: "self_review_forbidden")
    /// The same reviewer tried to give both approvals a two-reviewer level needs.
    public static let duplicateReviewer = Self(rawValue: "duplicate_reviewer")
    /// The action needs a comment (rejection, cancellation) and none was given.
    public static let commentRequired = Self(rawValue: "comment_required")
    /// Only the author may do this (withdraw).
    public static let notAuthor = Self(rawValue: "not_author")
    /// The warning's expiry time has passed; it can no longer be approved or sent.
    public static let warningExpired = Self(rawValue: "warning_expired")
    /// `expire` was asked before the expiry time.
    public static let notYetExpired = Self(rawValue: "not_yet_expired")
    /// The warning is incomplete or inconsistent (no regions, expiry before effective …).
    public static let invalidWarning = Self(rawValue: "invalid_warning")
    /// A GB/T 35965.1 identifier is malformed.
    public static let invalidIdentifier = Self(rawValue: "invalid_identifier")
    /// All ten sequence numbers of one second are used; wait for the next second.
    public static let identifierExhausted = Self(rawValue: "identifier_exhausted")
    /// A template refers to a variable no value was given for.
    public static let unknownTemplateVariable = Self(rawValue: "unknown_template_variable")
    /// A template has an unclosed `{` or a stray `}`.
    public static let malformedTemplate = Self(rawValue: "malformed_template")
}

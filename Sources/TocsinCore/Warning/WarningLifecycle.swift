import Foundation

/// What can be done to a warning. Which states accept which action is `WarningLifecycle.table`.
public enum WarningAction: String, Sendable, Hashable, CaseIterable, Codable {
    /// Author sends the draft for review. draft → pending_review.
    case submit
    /// A reviewer approves. pending_review → approved (or stays pending_review when the level
    /// needs a second approval).
    case approve
    /// A reviewer sends it back with a mandatory comment. pending_review → draft.
    case reject
    /// The author pulls it back before sending. draft, pending_review, approved → withdrawn.
    case withdraw
    /// Dispatch starts. approved → sending.
    case startSending = "start_sending"
    /// Dispatch finished. sending → completed.
    case complete
    /// A cancellation (解除) referencing it was approved. approved, sending, completed → cancelled.
    case cancel
    /// An update referencing it was approved. approved, sending, completed → superseded.
    case supersede
    /// The expiry time passed. draft, pending_review, approved, completed → expired. A warning that
    /// is sending expires only after dispatch completes it (undelivered rows end as expired).
    case expire
}

/// Who must approve what. Configuration, a value with defaults.
public struct ReviewPolicy: Sendable, Hashable, Codable {
    /// Levels that need two approvals by two different reviewers, neither the author.
    public var twoReviewerLevels: Set<WarningLevel>

    /// By default red warnings need a second reviewer.
    public init(twoReviewerLevels: Set<WarningLevel> = [.red]) {
        self.twoReviewerLevels = twoReviewerLevels
    }

    /// 1, or 2 for the levels in `twoReviewerLevels`.
    public func requiredApprovals(for level: WarningLevel) -> Int {
        twoReviewerLevels.contains(level) ? 2 : 1
    }
}

/// One request to move a warning: who, when, what, why.
public struct WarningCommand: Sendable, Hashable {
    public var action: WarningAction
    /// User name, or "dispatch"/"system" for automatic steps.
    public var actor: String
    public var at: Date
    public var comment: String
    /// For `cancel` and `supersede`: the follow-up warning that lifts or replaces this one.
    public var replacement: WarningIdentifier?

    public init(_ action: WarningAction, by actor: String, at: Date, comment: String = "", replacement: WarningIdentifier? = nil) {
        self.action = action
        self.actor = actor
        self.at = at
        self.comment = comment
        self.replacement = replacement
    }
}

/// The record every transition produces, for the audit trail and the warning's status history.
public struct WarningEvent: Sendable, Hashable, Codable {
    public var warningID: WarningIdentifier
    public var action: WarningAction
    public var actor: String
    public var at: Date
    public var from: WarningState
    public var to: WarningState
    public var comment: String
    /// The follow-up (for cancel/supersede).
    public var relatedWarningID: WarningIdentifier?

    public init(warningID: WarningIdentifier, action: WarningAction, actor: String, at: Date, from: WarningState,
                to: WarningState, comment: String, relatedWarningID: WarningIdentifier? = nil) {
        self.warningID = warningID
        self.action = action
        self.actor = actor
        self.at = at
        self.from = from
        self.to = to
        self.comment = comment
        self.relatedWarningID = relatedWarningID
    }
}

/// The warning after a transition and the event that records it. Store both, or neither.
public struct WarningTransition: Sendable, Hashable {
    public var warning: Warning
    public var event: WarningEvent
}

/// The review and dissemination workflow as a pure state machine: a warning and a command in, the
/// changed warning and an audit event out, or a `DomainError` saying why not. No I/O, no clock.
///
/// ```
/// draft ─submit─▶ pending_review ─approve─▶ approved ─start_sending─▶ sending ─complete─▶ completed
///   ▲                  │ reject (comment)
///   └──────────────────┘
/// withdraw (author, before sending) → withdrawn; cancel/supersede (by an approved follow-up) →
/// cancelled/superseded; expire → expired.
/// ```
public struct WarningLifecycle: Sendable {
    public var policy: ReviewPolicy

    public init(policy: ReviewPolicy = ReviewPolicy()) {
        self.policy = policy
    }

    /// The state an action leads to from a state, nil when the action is not allowed there.
    /// `approve` is listed with its final target; a first of two approvals stays in pending_review.
    public static func target(of action: WarningAction, from state: WarningState) -> WarningState? {
        table[state]?[action]
    }

    /// Every allowed (state, action) → state. Absent pairs are forbidden.
    public static let table: [WarningState: [WarningAction: WarningState]] = [
        .draft: [.submit: .pendingReview, .withdraw: .withdrawn, .expire: .expired],
        .pendingReview: [.approve: .approved, .reject: .draft, .withdraw: .withdrawn, .expire: .expired],
        .approved: [.startSending: .sending, .withdraw: .withdrawn, .cancel: .cancelled, .supersede: .superseded, .expire: .expired],
        .sending: [.complete: .completed, .cancel: .cancelled, .supersede: .superseded],
        .completed: [.cancel: .cancelled, .supersede: .superseded, .expire: .expired],
        .withdrawn: [:], .cancelled: [:], .superseded: [:], .expired: [:],
    ]

    /// What a person can do instead, for the invalid-transition message.
    static func hint(_ action: WarningAction, _ state: WarningState) -> String {
        switch (action, state) {
        case (.approve, .draft), (.reject, .draft): "submit it for review first"
        case (.withdraw, .sending), (.withdraw, .completed): "it is already being sent; lift it with a cancellation (解除) instead"
        case (.submit, .pendingReview): "it is already waiting for review"
        case (_, let s) where s.isFinal: "a \(s.rawValue) warning is closed; create a new one"
        case (.cancel, _), (.supersede, _): "only an approved, sending or completed warning can be lifted or updated"
        case (.expire, .sending): "dispatch completes it first"
        default: "allowed actions here: \((table[state] ?? [:]).keys.map(\.rawValue).sorted().joined(separator: ", "))"
        }
    }
}

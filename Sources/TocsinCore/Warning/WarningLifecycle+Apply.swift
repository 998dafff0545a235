import Foundation

extension WarningLifecycle {
    /// Applies `command` to `warning`.
    ///
    /// - Returns: the changed warning and the event to audit.
    /// - Throws: `DomainError` with
    ///   - `.invalidTransition` when the state does not accept the action (see `table`);
    ///   - `.invalidValue` when the actor is empty, or cancel/supersede lacks the replacement id;
    ///   - `.notAuthor` when someone other than the author submits or withdraws;
    ///   - `.selfApproval` when the author approves, `.selfReview` when the author rejects;
    ///   - `.duplicateReviewer` when a reviewer approves a second time;
    ///   - `.commentRequired` when a rejection has no comment;
    ///   - `.invalidWarning` when a submitted warning is incomplete (`Warning.checkComplete()`);
    ///   - `.warningExpired` when submitting, approving or starting to send after expiry;
    ///   - `.notYetExpired` when expiring before the expiry time.
    public func apply(_ command: WarningCommand, to warning: Warning) throws(DomainError) -> WarningTransition {
        let from = warning.state
        let actor = command.actor.trimmingCharacters(in: .whitespaces)
        guard !actor.isEmpty else {
            throw DomainError(.invalidValue, "\(command.action.rawValue) needs an actor")
        }
        guard var to = Self.target(of: command.action, from: from) else {
            throw DomainError(.invalidTransition, "cannot \(command.action.rawValue) warning \(warning.id) in state \(from.rawValue): \(Self.hint(command.action, from))")
        }
        var next = warning
        let comment = command.comment.trimmingCharacters(in: .whitespacesAndNewlines)

        switch command.action {
        case .submit:
            try requireAuthor(actor, warning, "submit")
            try warning.checkComplete()
            try requireUnexpired(warning, command)
            next.reviewers = []
        case .approve:
            guard actor != warning.author else {
                throw DomainError(.selfApproval, "\(actor) wrote warning \(warning.id) and cannot approve it; another reviewer must")
            }
            guard !warning.reviewers.contains(actor) else {
                throw DomainError(.duplicateReviewer, "\(actor) already approved warning \(warning.id); a \(warning.level.colourZH) warning needs a second, different reviewer")
            }
            try requireUnexpired(warning, command)
            next.reviewers.append(actor)
            if next.reviewers.count < policy.requiredApprovals(for: warning.level) {
                to = .pendingReview
            } else {
                next.issuedAt = command.at
            }
        case .reject:
            guard actor != warning.author else {
                throw DomainError(.selfReview, "\(actor) wrote warning \(warning.id) and cannot review it; withdraw it instead")
            }
            guard !comment.isEmpty else {
                throw DomainError(.commentRequired, "say why warning \(warning.id) is rejected, so the author can fix it")
            }
            next.reviewers = []
        case .withdraw:
            try requireAuthor(actor, warning, "withdraw")
        case .startSending:
            try requireUnexpired(warning, command)
        case .complete:
            break
        case .cancel, .supersede:
            guard let replacement = command.replacement else {
                throw DomainError(.invalidValue, "\(command.action.rawValue) needs the identifier of the follow-up warning")
            }
            next.replacedBy = replacement
        case .expire:
            guard warning.isExpired(at: command.at) else {
                throw DomainError(.notYetExpired, "warning \(warning.id) expires at \(WarningReference.capDateTime(warning.expires))")
            }
        }

        next.state = to
        let event = WarningEvent(warningID: warning.id, action: command.action, actor: actor, at: command.at,
                                 from: from, to: to, comment: comment, relatedWarningID: command.replacement)
        return WarningTransition(warning: next, event: event)
    }

    /// Closes the original once its follow-up (update or cancel) is approved: `supersede` for an
    /// update, `cancel` for a cancellation, by the follow-up's last approver at `at`.
    ///
    /// Throws `.invalidValue` when `followUp` is not an approved update/cancel that references
    /// `original`, and whatever `apply` throws for the original's state.
    public func closeOriginal(_ original: Warning, by followUp: Warning, at instant: Date) throws(DomainError) -> WarningTransition {
        guard followUp.msgType != .alert, followUp.references.contains(where: { $0.identifier == original.id }) else {
            throw DomainError(.invalidValue, "warning \(followUp.id) does not update or lift \(original.id)")
        }
        guard followUp.state == .approved, let approver = followUp.reviewers.last else {
            throw DomainError(.invalidValue, "warning \(followUp.id) must be approved before it closes \(original.id)")
        }
        let action: WarningAction = followUp.msgType == .cancel ? .cancel : .supersede
        let comment = followUp.msgType == .cancel ? "解除 by \(followUp.id)" : "updated by \(followUp.id)"
        return try apply(WarningCommand(action, by: approver, at: instant, comment: comment, replacement: followUp.id), to: original)
    }

    private func requireAuthor(_ actor: String, _ warning: Warning, _ verb: String) throws(DomainError) {
        guard actor == warning.author else {
            throw DomainError(.notAuthor, "only the author (\(warning.author)) can \(verb) warning \(warning.id)")
        }
    }

    private func requireUnexpired(_ warning: Warning, _ command: WarningCommand) throws(DomainError) {
        guard !warning.isExpired(at: command.at) else {
            throw DomainError(.warningExpired, "warning \(warning.id) expired at \(WarningReference.capDateTime(warning.expires)); it can no longer be \(command.action == .submit ? "submitted" : command.action == .approve ? "approved" : "sent")")
        }
    }
}

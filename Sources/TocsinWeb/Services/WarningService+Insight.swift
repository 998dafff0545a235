import Foundation
import TocsinCore
import TocsinStorage

/// What an author and a reviewer look at before deciding: the exact SMS, lint findings, and whom
/// the warning would reach and how long sending would take.
extension WarningService {
    /// The SMS a recipient of the warning receives, per carrier. Authors and reviewers.
    public func preview(_ id: WarningIdentifier, by caller: Caller) async throws -> SMSPreview {
        try await authorise(caller, anyOf: Self.readers, target: "warning:\(id)")
        return SMSPreview(warning: try await load(id).warning, configuration: configuration.sms)
    }

    /// The SMS `text` would become with `signature` (default: the configured one). Authors and reviewers.
    public func preview(text: String, signature: String?, by caller: Caller) async throws -> SMSPreview {
        try await authorise(caller, anyOf: Self.readers, target: "preview")
        return SMSPreview(text: text, signature: signature ?? configuration.sms.defaultSignature, configuration: configuration.sms)
    }

    /// Lint findings for a stored warning, most severe first. Authors and reviewers.
    public func lint(_ id: WarningIdentifier, by caller: Caller) async throws -> [LintFinding] {
        try await authorise(caller, anyOf: Self.readers, target: "warning:\(id)")
        return try await lint(try await load(id).warning)
    }

    /// Lint findings for draft input that is not stored (the editor checks as the author types).
    public func lint(_ input: DraftInput, by caller: Caller) async throws -> [LintFinding] {
        try await authorise(caller, anyOf: Self.readers, target: "lint")
        let id = try WarningIdentifier(unit: configuration.issuingUnit, enteredAt: clock.now())
        return try await lint(try await compose(input, id: id, author: caller.actor, at: clock.now()))
    }

    func lint(_ warning: Warning) async throws -> [LintFinding] {
        ContentLint(configuration: configuration.sms).check(warning, hazards: try await store.hazards(), regions: try await store.regions(), now: clock.now())
    }

    /// Recipients per carrier, exclusions per reason and the ETA if sent at `sendTime` (default
    /// now). Authors and reviewers.
    public func reach(_ id: WarningIdentifier, sendTime: Date?, by caller: Caller) async throws -> Reach {
        try await authorise(caller, anyOf: Self.readers, target: "warning:\(id)")
        let warning = try await load(id).warning
        var capacity = configuration.capacity
        capacity.segmentsPerMessage = SMSPreview(warning: warning, configuration: configuration.sms).maxSegmentCount
        return try await store.reach(TargetingRequest(warning: warning, sendTime: sendTime ?? clock.now()), capacity: capacity)
    }

    /// The template of a hazard × level, nil when there is none. Authors and reviewers.
    public func template(hazardCode: String, level: WarningLevel, by caller: Caller) async throws -> WarningTemplate? {
        try await authorise(caller, anyOf: Self.readers, target: "templates")
        return templates.template(for: hazardCode, level: level)
    }

    /// Every template, by hazard code then level. Authors and reviewers.
    public func allTemplates(by caller: Caller) async throws -> [WarningTemplate] {
        try await authorise(caller, anyOf: Self.readers, target: "templates")
        return templates.templates.values.sorted { ($0.hazardCode, $0.level.rank) < ($1.hazardCode, $1.level.rank) }
    }
}

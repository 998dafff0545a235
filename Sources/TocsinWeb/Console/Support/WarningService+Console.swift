import Foundation
import TocsinCore
import TocsinStorage

/// What the console's draft editor shows while the author types, for input that is not stored:
/// the composed warning (texts from the template where the author wrote none), the exact SMS,
/// lint findings and the reach with its ETA.
struct DraftInsight: Sendable {
    var warning: Warning
    var preview: SMSPreview
    var lint: [LintFinding]
    var reach: Reach
    var capacity: LinkCapacity
}

extension WarningService {
    /// Composes `input` without storing it and looks at it as a reviewer would. Authors and reviewers.
    /// - Throws: catalogue and template errors from composing, `.forbidden`.
    func insight(_ input: DraftInput, by caller: Caller) async throws -> DraftInsight {
        try await authorise(caller, anyOf: Self.readers, target: "preview")
        let now = clock.now()
        let id = try WarningIdentifier(unit: configuration.issuingUnit, enteredAt: now)
        let warning = try await compose(input, id: id, author: caller.actor, at: now)
        let preview = SMSPreview(warning: warning, configuration: configuration.sms)
        let lint = try await lint(warning)
        var capacity = configuration.capacity
        capacity.segmentsPerMessage = preview.maxSegmentCount
        let reach = try await store.reach(TargetingRequest(warning: warning, sendTime: max(now, input.effective)), capacity: capacity)
        return DraftInsight(warning: warning, preview: preview, lint: lint, reach: reach, capacity: capacity)
    }

    /// `input` composed (texts from the template where none are given), not stored and not
    /// looked at. Authors and reviewers.
    func composeUnsaved(_ input: DraftInput, by caller: Caller) async throws -> Warning {
        try await authorise(caller, anyOf: Self.readers, target: "preview")
        let now = clock.now()
        return try await compose(input, id: try WarningIdentifier(unit: configuration.issuingUnit, enteredAt: now), author: caller.actor, at: now)
    }

    /// The texts the template gives for `warning` as composed at `time` (what the review page
    /// compares the warning against). Nil when there is no template for the hazard × level.
    func templateTexts(for warning: Warning, composedAt time: Date) async throws -> RenderedWarningText? {
        guard let template = templates.template(for: warning.hazardCode, level: warning.level),
              let hazard = try await store.hazards().byCode[warning.hazardCode] else { return nil }
        let regions = try await store.regions()
        let variables = TemplateVariables(hazard: hazard, level: warning.level, regionNames: warning.regionCodes.compactMap { regions.byCode[$0]?.nameZH },
                                          issuer: warning.issuer, time: time, effective: warning.effective, expires: warning.expires,
                                          guidance: guidance.guidance(for: hazard.code, level: warning.level), extra: [:])
        return try? template.render(variables)
    }
}

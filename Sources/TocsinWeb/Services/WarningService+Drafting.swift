import Foundation
import TocsinCore
import TocsinStorage

/// Drafts: create from a template or from fields, edit one's own draft, and follow-ups (update,
/// cancel 解除) as new drafts that reference the original.
extension WarningService {
    /// Creates a draft with a new identifier, authored by the caller. Authors only.
    /// - Throws: `.unknownHazard`, `.unknownRegion`, `.invalidValue` (no template for the hazard ×
    ///   level and no texts given), template errors, `.forbidden`.
    public func createDraft(_ input: DraftInput, by caller: Caller) async throws -> StoredWarning {
        try await authorise(caller, anyOf: [.draftWarning], target: "warnings")
        let now = clock.now()
        return try await insertWithNewIdentifier(at: now, source: caller.source) { id in
            try await self.compose(input, id: id, author: caller.actor, at: now)
        }
    }

    /// Replaces the content of a draft. Only its author, only while it is a draft; a follow-up
    /// keeps its type, references and mode (a drill's update is a drill).
    /// - Throws: `.notAuthor`, `.invalidTransition` (not a draft), `.staleVersion`, validation errors.
    public func editDraft(_ id: WarningIdentifier, _ input: DraftInput, expectedVersion: Int?, by caller: Caller) async throws -> StoredWarning {
        try await authorise(caller, anyOf: [.draftWarning], target: "warning:\(id)")
        let stored = try await load(id)
        try check(stored, expected: expectedVersion)
        let old = stored.warning
        guard old.author == caller.actor else {
            throw DomainError(.notAuthor, "only the author (\(old.author)) can edit warning \(id); create your own draft or ask them")
        }
        guard old.state == .draft else {
            throw DomainError(.invalidTransition, "warning \(id) is \(old.state.rawValue); only a draft can be edited (withdraw it, or issue an update once approved)")
        }
        if old.msgType != .alert, let mode = input.mode, mode != old.mode {
            throw DomainError(.invalidValue, "an \(old.msgType.rawValue) keeps the mode of the warning it changes (\(old.mode.rawValue))")
        }
        let now = clock.now()
        var next = try await compose(input, id: id, author: old.author, at: now)
        next.msgType = old.msgType
        next.references = old.references
        next.mode = old.msgType == .alert ? (input.mode ?? old.mode) : old.mode
        let write = WarningWrite(kind: .update(expectedVersion: stored.version), warning: next, action: "edit", actor: caller.actor, at: now, from: old.state)
        return try await store.saveWarnings([write], source: caller.source)[0]
    }

    /// Creates an update or a cancellation (解除) of an approved, sending or completed warning: a
    /// new draft by the caller that references it. The original closes when the follow-up is
    /// approved. Authors only.
    /// - Throws: `.invalidTransition`, `.warningExpired` (from `Warning.makeFollowUp`), `.notFound`.
    public func createFollowUp(of id: WarningIdentifier, _ type: MessageType, by caller: Caller) async throws -> StoredWarning {
        try await authorise(caller, anyOf: [.draftWarning], target: "warning:\(id)")
        let original = try await load(id).warning
        let now = clock.now()
        return try await insertWithNewIdentifier(at: now, source: caller.source) { newID in
            try original.makeFollowUp(type, id: newID, author: caller.actor, at: now)
        }
    }

    /// Stores the warning `make` builds for the next free identifier of the issuing unit. Two
    /// authors in the same second may race for a sequence number: the store refuses the second
    /// with `.conflict`, which takes the next number (three attempts).
    func insertWithNewIdentifier(at now: Date, source: String, _ make: (WarningIdentifier) async throws -> Warning) async throws -> StoredWarning {
        var last = try await store.latestWarningIdentifier(unit: configuration.issuingUnit)
        for attempt in 0..<3 {
            var generator = WarningIdentifierGenerator(unit: configuration.issuingUnit, last: last)
            let id = try generator.next(at: now)
            do {
                return try await store.saveWarnings([.create(try await make(id), at: now)], source: source)[0]
            } catch let error as StorageError where error.code == .conflict && attempt < 2 {
                last = id
            }
        }
        throw DomainError(.identifierExhausted, "could not allocate a warning identifier; try again")
    }

    /// Builds the warning value from the input: catalogue checks, the hazard's category, template
    /// texts where none are given, defaults for signature, issuer, targeting and mode.
    func compose(_ input: DraftInput, id: WarningIdentifier, author: String, at now: Date) async throws -> Warning {
        let hazards = try await store.hazards()
        let regions = try await store.regions()
        guard let hazard = hazards.find(input.hazardCode) else {
            throw DomainError(.unknownHazard, "hazard code \(input.hazardCode) is not in the hazard catalogue; see GET /api/v1/catalogues/hazards")
        }
        if let unknown = input.regionCodes.first(where: { regions.byCode[$0] == nil }) {
            throw DomainError(.unknownRegion, "region code \(unknown) is not in the region catalogue; see GET /api/v1/catalogues/regions")
        }
        let issuer = input.issuer ?? configuration.issuer
        var headline = input.headline, smsText = input.smsText, body = input.body
        if headline == nil || smsText == nil || body == nil {
            guard let template = templates.template(for: hazard.code, level: input.level) else {
                throw DomainError(.invalidValue, "there is no template for \(hazard.nameZH) \(input.level.colourZH); write the headline, SMS text and body yourself")
            }
            let variables = TemplateVariables(hazard: hazard, level: input.level, regionNames: input.regionCodes.compactMap { regions.byCode[$0]?.nameZH },
                                              issuer: issuer, time: now, effective: input.effective, expires: input.expires,
                                              guidance: guidance.guidance(for: hazard.code, level: input.level), extra: input.variables ?? [:])
            let rendered = try template.render(variables)
            // A drill or test rendered from a template says so first, so no recipient mistakes it.
            let marker = DrillMarking.marker(for: input.mode ?? .actual).map { "【\($0)】" } ?? ""
            headline = headline ?? marker + rendered.headline
            smsText = smsText ?? marker + rendered.smsText
            body = body ?? marker + rendered.body
        }
        return Warning(id: id, hazardCode: hazard.code, level: input.level, category: hazard.category, regionCodes: input.regionCodes,
                       headline: headline ?? "", body: body ?? "", smsText: smsText ?? "",
                       signature: input.signature ?? configuration.sms.defaultSignature, issuer: issuer,
                       effective: input.effective, expires: input.expires,
                       targeting: input.targeting ?? TargetingRule(regionCodes: Set(input.regionCodes)),
                       mode: input.mode ?? .actual, author: author)
    }
}

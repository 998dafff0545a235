import Foundation

/// An early warning as authored, reviewed and disseminated: content, targets, validity and where
/// it stands in the review workflow. A value; `WarningLifecycle` moves it between states.
public struct Warning: Sendable, Hashable, Codable {
    /// GB/T 35965.1 identifier, given when the draft is created.
    public var id: WarningIdentifier
    /// GB/T 35561 hazard code ("11B03" 暴雨), from the `HazardCatalogue`.
    public var hazardCode: String
    public var level: WarningLevel
    public var category: EventCategory
    /// GB/T 2260 codes of the warned regions (CAP `area`/`geocode`), in the author's order.
    public var regionCodes: [String]
    public var headline: String
    /// The long text (CAP `description` + `instruction`): web, fax, CAP feed.
    public var body: String
    /// The SMS text without the signature; the signature is added when composing (`SMSPreview`).
    public var smsText: String
    /// The carrier-registered signature, e.g. `【北京市预警信息发布中心】`.
    public var signature: String
    /// The issuing organisation (CAP `senderName`), e.g. 北京市气象台.
    public var issuer: String
    /// CAP `sender`: a stable, space-free id of the originator. Defaults to the issuing-unit code.
    public var sender: String
    public var effective: Date
    /// CAP `expires`; also the carriers' SMS validity time, so nothing is delivered after it.
    public var expires: Date
    public var targeting: TargetingRule
    public var mode: WarningMode
    public var msgType: MessageType
    /// Earlier messages of the same thread (CAP `references`); non-empty for update and cancel.
    public var references: [WarningReference]
    /// User name of the author (编辑).
    public var author: String
    /// Reviewers who approved the current submission, in order.
    public var reviewers: [String]
    public var state: WarningState
    /// When it was approved (CAP `sent` of the issued message); nil before approval.
    public var issuedAt: Date?
    /// The update or cancellation that superseded or lifted this warning.
    public var replacedBy: WarningIdentifier?

    /// A new draft (state `draft`, no reviewers). `sender` defaults to the issuing-unit code.
    public init(id: WarningIdentifier, hazardCode: String, level: WarningLevel, category: EventCategory,
                regionCodes: [String], headline: String, body: String = "", smsText: String, signature: String,
                issuer: String, sender: String? = nil, effective: Date, expires: Date,
                targeting: TargetingRule = TargetingRule(), mode: WarningMode = .actual, msgType: MessageType = .alert,
                references: [WarningReference] = [], author: String) {
        self.id = id
        self.hazardCode = hazardCode
        self.level = level
        self.category = category
        self.regionCodes = regionCodes
        self.headline = headline
        self.body = body
        self.smsText = smsText
        self.signature = signature
        self.issuer = issuer
        self.sender = sender ?? id.unit.description
        self.effective = effective
        self.expires = expires
        self.targeting = targeting
        self.mode = mode
        self.msgType = msgType
        self.references = references
        self.author = author
        self.reviewers = []
        self.state = .draft
        self.issuedAt = nil
        self.replacedBy = nil
    }

    /// This warning as a CAP `references` entry of a later message.
    public var asReference: WarningReference {
        WarningReference(sender: sender, identifier: id, sent: issuedAt ?? id.enteredAt)
    }

    /// Whether the expiry time has passed at `instant`.
    public func isExpired(at instant: Date) -> Bool { instant >= expires }

    /// Checks what a warning must satisfy before review, without catalogues: a headline, an SMS
    /// text, at least one region, expiry after effective, and update/cancel referencing something.
    /// Throws `.invalidWarning` listing every problem found.
    public func checkComplete() throws(DomainError) {
        var problems: [String] = []
        if headline.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("headline is empty") }
        if smsText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("SMS text is empty") }
        if regionCodes.isEmpty { problems.append("no region is selected") }
        if expires <= effective { problems.append("expiry must be after the effective time") }
        if msgType != .alert && references.isEmpty { problems.append("an \(msgType.rawValue) must reference the warning it changes") }
        if author.isEmpty { problems.append("author is missing") }
        guard problems.isEmpty else { throw DomainError(.invalidWarning, problems.joined(separator: "; ")) }
    }

    /// `checkComplete()` plus the catalogues: the hazard code and every region code must be known
    /// and the event category must be the hazard's. Throws `.unknownHazard`, `.unknownRegion` or
    /// `.invalidWarning`.
    public func validate(hazards: HazardCatalogue, regions: RegionCatalogue) throws(DomainError) {
        guard let hazard = hazards.byCode[hazardCode] else {
            throw DomainError(.unknownHazard, "hazard code \(hazardCode) is not in the hazard catalogue")
        }
        if let unknown = regionCodes.first(where: { regions.byCode[$0] == nil }) {
            throw DomainError(.unknownRegion, "region code \(unknown) is not in the region catalogue")
        }
        guard hazard.category == category else {
            throw DomainError(.invalidWarning, "\(hazard.nameZH) is a \(hazard.category.nameZH) hazard, the warning says \(category.nameZH)")
        }
        try checkComplete()
    }

    /// A new draft that updates or lifts (解除) this warning: same content to edit, a new id and
    /// author, `msgType` `update`/`cancel`, and `references` = this warning's references + itself.
    /// The original changes state only when the follow-up is approved (`WarningLifecycle.closeOriginal`).
    ///
    /// Accepted while this warning is approved, sending or completed, is not itself a cancellation
    /// and has not expired; otherwise throws `.invalidTransition` or `.warningExpired`.
    public func makeFollowUp(_ type: MessageType, id newID: WarningIdentifier, author newAuthor: String, at instant: Date) throws(DomainError) -> Warning {
        guard type != .alert else {
            throw DomainError(.invalidValue, "a follow-up is an update or a cancel, not a new alert")
        }
        guard [.approved, .sending, .completed].contains(state) else {
            throw DomainError(.invalidTransition, "only an approved, sending or completed warning can be \(type == .cancel ? "lifted" : "updated"); \(id) is \(state.rawValue)")
        }
        guard msgType != .cancel else {
            throw DomainError(.invalidTransition, "\(id) is itself a cancellation; update or lift the warning it cancelled instead")
        }
        guard !isExpired(at: instant) else {
            throw DomainError(.warningExpired, "\(id) expired at \(WarningReference.capDateTime(expires)); issue a new alert instead")
        }
        var next = self
        next.id = newID
        next.msgType = type
        next.references = references + [asReference]
        next.author = newAuthor
        next.reviewers = []
        next.state = .draft
        next.issuedAt = nil
        next.replacedBy = nil
        // A lifting takes effect when issued; an update keeps the times for the author to edit.
        if type == .cancel { next.effective = instant }
        return next
    }
}

import Foundation

/// One recorded change to the address book (who, when, what), stored append-only. The audit trail
/// (warnings issue) chains these records; this is the form it builds on.
public struct ChangeRecord: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable {
        case create, update, delete
    }
    public var id: Int64?
    public var at: Date
    /// User name, or "system"/"import:FILE" for automated changes.
    public var actor: String
    /// "contact", "group", "organisation", "subscription", "ported_number" …
    public var entity: String
    public var entityID: String
    public var action: Action
    /// A compact JSON object describing the change (changed fields, source row). Numbers masked.
    public var detail: String

    public init(id: Int64? = nil, at: Date, actor: String, entity: String, entityID: String, action: Action, detail: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.entity = entity
        self.entityID = entityID
        self.action = action
        self.detail = detail
    }
}

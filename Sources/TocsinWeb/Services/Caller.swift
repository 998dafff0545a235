import TocsinCore

/// Who asks, and from where: the authenticated principal and the client address (or `cli`,
/// `dispatch`, `system`) that the audit trail records as the source.
public struct Caller: Sendable, Hashable {
    public var principal: Principal
    public var source: String

    public init(principal: Principal, source: String) {
        self.principal = principal
        self.source = source
    }

    /// The audit actor (`alice`, `token:national-platform`).
    public var actor: String { principal.description }
}

import TocsinCore
import TocsinSecurity
import TocsinStorage

/// What the routes work with: the store (catalogues, audit), the account service (login,
/// sessions, tokens, authorisation) and the warning service (the workflow rules).
public struct WebServices: Sendable {
    public var store: Store
    public var accounts: AccountService
    public var warnings: WarningService

    public init(store: Store, accounts: AccountService, warnings: WarningService) {
        self.store = store
        self.accounts = accounts
        self.warnings = warnings
    }

    /// Allows `permission` for the caller or throws `.forbidden` (audited by `AccountService`).
    public func authorise(_ context: TocsinRequestContext, _ permission: Permission, target: String) async throws {
        let caller = try context.caller()
        try await accounts.authorise(caller.principal, permission, target: target, source: caller.source)
    }
}

import TocsinCore
import TocsinSecurity
import TocsinStorage

/// What the routes work with: the store (catalogues, audit), the account service (login,
/// sessions, tokens, authorisation) and the warning service (the workflow rules).
public struct WebServices: Sendable {
    public var store: Store
    public var accounts: AccountService
    public var warnings: WarningService
    /// Carrier link status for the console's links page and dashboard; nil without links.
    public var links: (any LinkStatusSource)?
    /// The contact importer (implemented in `TocsinApp`); nil hides the console's import form.
    public var contactImport: (any ContactImportPort)?

    public init(store: Store, accounts: AccountService, warnings: WarningService,
                links: (any LinkStatusSource)? = nil, contactImport: (any ContactImportPort)? = nil) {
        self.store = store
        self.accounts = accounts
        self.warnings = warnings
        self.links = links
        self.contactImport = contactImport
    }

    /// Allows `permission` for the caller or throws `.forbidden` (audited by `AccountService`).
    public func authorise(_ context: TocsinRequestContext, _ permission: Permission, target: String) async throws {
        let caller = try context.caller()
        try await accounts.authorise(caller.principal, permission, target: target, source: caller.source)
    }
}

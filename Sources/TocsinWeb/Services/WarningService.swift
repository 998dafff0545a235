import Foundation
import Logging
import TocsinCore
import TocsinSecurity
import TocsinStorage

/// The one place the warning rules live, for the JSON API and the console alike: drafting,
/// review (the author never approves their own warning; red needs two different reviewers),
/// update and cancel (解除) as new warnings, expiry, preview, lint and reach, and the hand-over to
/// dispatch. Every change is stored with its history and audit record in one transaction
/// (`Store.saveWarnings`); every call checks the caller's role first (`AccountService.authorise`,
/// which audits refusals).
public final class WarningService: Sendable {
    public let store: Store
    public let accounts: AccountService
    public let configuration: WarningServiceConfiguration
    public let lifecycle: WarningLifecycle
    public let templates: WarningTemplateLibrary
    public let guidance: GuidanceLibrary
    /// Nil when this server has no dispatcher: approvals then say `not_configured`.
    public let dispatcher: (any WarningDispatcher)?
    let clock: any WallClock
    let logger: Logger

    public init(store: Store, accounts: AccountService, configuration: WarningServiceConfiguration = WarningServiceConfiguration(),
                templates: WarningTemplateLibrary = .standard(), guidance: GuidanceLibrary = .standard,
                dispatcher: (any WarningDispatcher)? = nil, clock: any WallClock = SystemWallClock(),
                logger: Logger = Logger(label: "tocsin.warnings")) {
        self.store = store
        self.accounts = accounts
        self.configuration = configuration
        self.lifecycle = WarningLifecycle(policy: configuration.review)
        self.templates = templates
        self.guidance = guidance
        self.dispatcher = dispatcher
        self.clock = clock
        self.logger = logger
    }

    /// Permissions that may read warnings (authors and reviewers).
    static let readers: [Permission] = [.draftWarning, .reviewWarning]

    /// Allows the caller when any of `permissions` is granted; otherwise refuses with the first
    /// (`AccountService.authorise` audits the refusal and throws `.forbidden`).
    func authorise(_ caller: Caller, anyOf permissions: [Permission], target: String) async throws {
        guard !permissions.contains(where: caller.principal.roles.allows) else { return }
        try await accounts.authorise(caller.principal, permissions[0], target: target, source: caller.source)
    }

    /// The stored warning, or `.notFound`.
    func load(_ id: WarningIdentifier) async throws -> StoredWarning {
        guard let stored = try await store.warning(id: id) else {
            throw DomainError(.notFound, "there is no warning \(id); check the identifier")
        }
        return stored
    }

    /// Refuses when the caller read another version than the stored one.
    func check(_ stored: StoredWarning, expected: Int?) throws {
        if let expected, expected != stored.version {
            throw StorageError(.staleVersion, "warning \(stored.warning.id) was changed by someone else since you read it (now version \(stored.version), yours \(expected)); reload it and try again")
        }
    }

    /// The service's clock (what "now" is for expiry, reach and audit records of the web layer).
    public func now() -> Date { clock.now() }

    // MARK: Reading

    /// One warning. Authors and reviewers.
    public func warning(_ id: WarningIdentifier, by caller: Caller) async throws -> StoredWarning {
        try await authorise(caller, anyOf: Self.readers, target: "warning:\(id)")
        return try await load(id)
    }

    /// Warnings, newest write first, optionally by state and author. Authors and reviewers.
    public func list(state: WarningState?, author: String?, limit: Int, offset: Int, by caller: Caller) async throws -> [StoredWarning] {
        try await authorise(caller, anyOf: Self.readers, target: "warnings")
        return try await store.warnings(state: state, author: author, limit: limit, offset: offset)
    }

    /// Warnings waiting for review, longest waiting first. Reviewers.
    public func reviewQueue(limit: Int, offset: Int, by caller: Caller) async throws -> [StoredWarning] {
        try await authorise(caller, anyOf: [.reviewWarning], target: "warnings:review")
        return try await store.reviewQueue(limit: limit, offset: offset)
    }

    /// Every write of a warning, oldest first. Authors and reviewers.
    public func history(_ id: WarningIdentifier, by caller: Caller) async throws -> [WarningHistoryEntry] {
        try await authorise(caller, anyOf: Self.readers, target: "warning:\(id)")
        _ = try await load(id)
        return try await store.warningHistory(id: id)
    }
}

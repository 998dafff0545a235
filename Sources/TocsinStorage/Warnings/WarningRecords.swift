import Foundation
import TocsinCore

/// A warning as stored: the value, the version every later write must name, and when the row was
/// created and last written.
public struct StoredWarning: Sendable, Hashable {
    public var warning: Warning
    /// 1 when created, +1 on every write (edit or transition).
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(warning: Warning, version: Int, createdAt: Date, updatedAt: Date) {
        self.warning = warning
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One write of a warning for `Store.saveWarnings`: a new warning, or a change of a stored one
/// that was read at `expectedVersion`, with the history entry that explains it.
public struct WarningWrite: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case create
        /// Refused with `.staleVersion` unless the stored version is still this one.
        case update(expectedVersion: Int)
    }

    public var kind: Kind
    public var warning: Warning
    /// `create`, `edit`, or a `WarningAction` raw value (`submit`, `approve`, …).
    public var action: String
    public var actor: String
    public var at: Date
    public var from: WarningState
    public var comment: String
    public var relatedID: WarningIdentifier?

    public init(kind: Kind, warning: Warning, action: String, actor: String, at: Date, from: WarningState,
                comment: String = "", relatedID: WarningIdentifier? = nil) {
        self.kind = kind
        self.warning = warning
        self.action = action
        self.actor = actor
        self.at = at
        self.from = from
        self.comment = comment
        self.relatedID = relatedID
    }

    /// A new warning (draft), entered by its author.
    public static func create(_ warning: Warning, at: Date) -> WarningWrite {
        WarningWrite(kind: .create, warning: warning, action: "create", actor: warning.author, at: at, from: warning.state,
                     relatedID: warning.references.last?.identifier)
    }

    /// A lifecycle transition of a warning read at `version`.
    public static func transition(_ t: WarningTransition, expectedVersion version: Int) -> WarningWrite {
        WarningWrite(kind: .update(expectedVersion: version), warning: t.warning, action: t.event.action.rawValue, actor: t.event.actor,
                     at: t.event.at, from: t.event.from, comment: t.event.comment, relatedID: t.event.relatedWarningID)
    }
}

/// One line of a warning's history: what was done, by whom, when, from which state to which, and
/// the version it produced.
public struct WarningHistoryEntry: Sendable, Hashable, Codable {
    public var warningID: WarningIdentifier
    public var version: Int
    /// `create`, `edit`, or a `WarningAction` raw value.
    public var action: String
    public var actor: String
    public var at: Date
    public var from: WarningState
    public var to: WarningState
    public var comment: String
    public var relatedID: WarningIdentifier?
    /// Where the request came from (client address, `cli`, `dispatch`).
    public var source: String
}

extension StorageError.Code {
    /// The warning was changed since it was read (optimistic concurrency); reload and retry.
    public static let staleVersion = StorageError.Code(rawValue: "stale_version")
}

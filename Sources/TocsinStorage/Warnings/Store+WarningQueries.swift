import Foundation
import SQLKit
import TocsinCore

/// Reading warnings: by id, lists paged by state and author, the review queue, history, and what
/// the expiry sweep and identifier generator need.
extension Store {
    /// The warning with `id`, nil when there is none.
    public func warning(id: WarningIdentifier) async throws -> StoredWarning? {
        try await sql.select().columns(Self.warningColumns.map { SQLColumn($0) }).from("warnings")
            .where("id", .equal, id.description).first().map(Self.decodeWarning)
    }

    /// Warnings, most recently written first, optionally in one state and/or by one author.
    /// `limit` is capped at 500.
    public func warnings(state: WarningState? = nil, author: String? = nil, limit: Int = 50, offset: Int = 0) async throws -> [StoredWarning] {
        let q = sql.select().columns(Self.warningColumns.map { SQLColumn($0) }).from("warnings")
        if let state { _ = q.where("state", .equal, state.rawValue) }
        if let author { _ = q.where("author", .equal, author) }
        return try await q.orderBy("updated_at", .descending).orderBy("id", .descending)
            .limit(min(max(limit, 1), 500)).offset(max(offset, 0)).all().map(Self.decodeWarning)
    }

    /// Warnings waiting for review, the longest-waiting first.
    public func reviewQueue(limit: Int = 50, offset: Int = 0) async throws -> [StoredWarning] {
        try await sql.select().columns(Self.warningColumns.map { SQLColumn($0) }).from("warnings")
            .where("state", .equal, WarningState.pendingReview.rawValue)
            .orderBy("updated_at").orderBy("id").limit(min(max(limit, 1), 500)).offset(max(offset, 0)).all().map(Self.decodeWarning)
    }

    /// Every write of a warning, oldest first.
    public func warningHistory(id: WarningIdentifier) async throws -> [WarningHistoryEntry] {
        try await sql.select().columns("warning_id", "version", "action", "actor", "at", "from_state", "to_state", "comment", "related_id", "source")
            .from("warning_events").where("warning_id", .equal, id.description).orderBy("version").all().map { row in
                WarningHistoryEntry(
                    warningID: try WarningIdentifier(parsing: try row.decode(column: "warning_id", as: String.self)),
                    version: try row.decode(column: "version", as: Int.self),
                    action: try row.decode(column: "action", as: String.self),
                    actor: try row.decode(column: "actor", as: String.self),
                    at: Date(millis: try row.decode(column: "at", as: Int64.self)),
                    from: try Self.state(try row.decode(column: "from_state", as: String.self)),
                    to: try Self.state(try row.decode(column: "to_state", as: String.self)),
                    comment: try row.decode(column: "comment", as: String.self),
                    relatedID: try row.decode(column: "related_id", as: String?.self).map { try WarningIdentifier(parsing: $0) },
                    source: try row.decode(column: "source", as: String.self))
            }
    }

    /// Warnings whose expiry time has passed at `instant` and that `expire` still applies to
    /// (draft, pending review, approved, completed), oldest expiry first, at most `limit`.
    public func warningsToExpire(at instant: Date, limit: Int = 200) async throws -> [StoredWarning] {
        let states = WarningState.allCases.filter { WarningLifecycle.target(of: .expire, from: $0) != nil }.map(\.rawValue)
        return try await sql.select().columns(Self.warningColumns.map { SQLColumn($0) }).from("warnings")
            .where("state", .in, states).where("expires", .lessThanOrEqual, instant.millis)
            .orderBy("expires").limit(limit).all().map(Self.decodeWarning)
    }

    /// The newest identifier of `unit` (identifiers of one unit sort by entry time, then sequence),
    /// to seed `WarningIdentifierGenerator`. Unit codes have a fixed 14 digits, so the prefix
    /// match cannot pick up another unit.
    public func latestWarningIdentifier(unit: IssuingUnitCode) async throws -> WarningIdentifier? {
        let row = try await sql.select().column("id").from("warnings").where("id", .like, "\(unit)%")
            .orderBy("id", .descending).limit(1).first()
        // Spelled out: the closure form crashes the Swift 6.3.1 optimiser in release builds.
        guard let row else { return nil }
        let text = try row.decode(column: "id", as: String.self)
        return try WarningIdentifier(parsing: text)
    }

    static func decodeWarning(_ row: any SQLRow) throws -> StoredWarning {
        let document = try row.decode(column: "document", as: String.self)
        let warning: Warning
        do { warning = try JSONDecoder().decode(Warning.self, from: Data(document.utf8)) } catch {
            let id = (try? row.decode(column: "id", as: String.self)) ?? "?"
            throw StorageError(.conflict, "the stored document of warning \(id) cannot be read (\(error)); it was changed outside tocsin")
        }
        return StoredWarning(warning: warning, version: try row.decode(column: "version", as: Int.self),
                             createdAt: Date(millis: try row.decode(column: "created_at", as: Int64.self)),
                             updatedAt: Date(millis: try row.decode(column: "updated_at", as: Int64.self)))
    }

    static func state(_ raw: String) throws -> WarningState {
        guard let s = WarningState(rawValue: raw) else { throw StorageError(.conflict, "unknown warning state '\(raw)' in the database") }
        return s
    }
}

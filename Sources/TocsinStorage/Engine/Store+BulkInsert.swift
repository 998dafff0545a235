import SQLKit
import SQLiteKit

/// A value for a bulk insert, already typed (no `Encodable` dispatch per value).
public enum BulkValue: Sendable, Hashable {
    case int(Int64)
    case text(String)
    case bool(Bool)
    case null

    static func int(_ v: Int64?) -> BulkValue { v.map { .int($0) } ?? .null }
    static func int(_ v: Int?) -> BulkValue { v.map { .int(Int64($0)) } ?? .null }
    static func text(_ v: String?) -> BulkValue { v.map { .text($0) } ?? .null }

    var sqlite: SQLiteData {
        switch self {
        case .int(let v): .integer(Int(v))
        case .text(let v): .text(v)
        case .bool(let v): .integer(v ? 1 : 0)
        case .null: .null
        }
    }

    var bind: any SQLExpression {
        switch self {
        case .int(let v): SQLBind(v)
        case .text(let v): SQLBind(v)
        case .bool(let v): SQLBind(v)
        case .null: SQLLiteral.null
        }
    }
}

extension Store {
    /// Inserts `rows` into `table` inside the caller's transaction, a few hundred rows per
    /// statement. On SQLite the statement goes straight to the writer connection with typed
    /// values: SQLKit's per-value serialisation and `Encodable` casting were a fifth of a
    /// million-contact import. On PostgreSQL it goes through SQLKit. `table` and `columns` are
    /// code constants, never input.
    func bulkInsert(into table: String, columns: [String], rows: [[BulkValue]], in db: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, 30_000 / max(1, columns.count)) // under SQLite's 32 766 variables
        if dialect == .sqlite, let writer = sqliteWriter {
            let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES "
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            for chunk in rows.chunked(into: min(perStatement, 500)) {
                let sql = head + Array(repeating: tuple, count: chunk.count).joined(separator: ", ")
                var binds: [SQLiteData] = []
                binds.reserveCapacity(chunk.count * columns.count)
                for row in chunk { for v in row { binds.append(v.sqlite) } }
                try await writer.query(sql, binds) { _ in }
            }
        } else {
            for chunk in rows.chunked(into: min(perStatement, 500)) {
                try await db.insert(into: table).columns(columns).rows(chunk.map { $0.map(\.bind) }).run()
            }
        }
    }
}

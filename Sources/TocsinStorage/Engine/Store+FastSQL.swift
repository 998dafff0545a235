import SQLKit
import SQLiteKit

/// One row of a `fastQuery`, read by column name.
public struct FastRow: Sendable {
    fileprivate enum Base: @unchecked Sendable {
        case sqlite(SQLiteRow)
        case sql(any SQLRow)
    }
    fileprivate let base: Base

    /// The column as an integer; nil when NULL (or not decodable).
    public func int(_ column: String) -> Int64? {
        switch base {
        case .sqlite(let row): row.column(column)?.integer.map(Int64.init)
        case .sql(let row): (try? row.decode(column: column, as: Int64?.self)) ?? nil
        }
    }

    /// The column as text; nil when NULL.
    public func text(_ column: String) -> String? {
        switch base {
        case .sqlite(let row): row.column(column)?.string
        case .sql(let row): (try? row.decode(column: column, as: String?.self)) ?? nil
        }
    }
}

/// The SQL type of a placeholder, for PostgreSQL casts in `VALUES` lists (a NULL there has no
/// type of its own); SQLite needs none.
enum FastType: String, Sendable {
    case bigint = "BIGINT"
    case text = "TEXT"
}

extension Store {
    /// Runs one statement written with `?` placeholders and typed values, inside the caller's
    /// transaction (`db` is the transaction's connection). On SQLite it goes straight to the
    /// writer connection (no SQLKit serialisation per value, as `bulkInsert`); on PostgreSQL the
    /// placeholders become `$n`. Each row of a result goes to `row`. `sql` is code, never input.
    func fastRun(_ sql: String, _ binds: [BulkValue], in db: any SQLDatabase, row: (@Sendable (FastRow) -> Void)? = nil) async throws {
        if dialect == .sqlite, let writer = sqliteWriter {
            try await writer.query(sql, binds.map(\.sqlite)) { r in row?(FastRow(base: .sqlite(r))) }
        } else {
            let query = Self.postgresQuery(sql, binds)
            try await db.raw(query).run { r in row?(FastRow(base: .sql(r))) }
        }
    }

    /// A read on the reader connection with `?` placeholders (outside transactions).
    func fastRead(_ sql: String, _ binds: [BulkValue], row: @escaping @Sendable (FastRow) -> Void) async throws {
        if let reader = sqliteReader {
            try await reader.query(sql, binds.map(\.sqlite)) { r in row(FastRow(base: .sqlite(r))) }
        } else {
            try await self.sql.raw(Self.postgresQuery(sql, binds)).run { r in row(FastRow(base: .sql(r))) }
        }
    }

    /// `(?, ?, …)` for one `VALUES` row of `types`, cast on PostgreSQL.
    func valuesTuple(_ types: [FastType]) -> String {
        switch dialect {
        case .sqlite: "(" + types.map { _ in "?" }.joined(separator: ", ") + ")"
        case .postgres: "(" + types.map { "CAST(? AS \($0.rawValue))" }.joined(separator: ", ") + ")"
        }
    }

    private static func postgresQuery(_ sql: String, _ binds: [BulkValue]) -> SQLQueryString {
        var query = SQLQueryString("")
        var index = 0
        for (i, part) in sql.split(separator: "?", omittingEmptySubsequences: false).enumerated() {
            if i > 0 {
                query.appendInterpolation(binds[index].bind)
                index += 1
            }
            query.appendInterpolation(unsafeRaw: String(part))
        }
        return query
    }
}

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

/// The SQL type of a column read from JSON rows, for PostgreSQL casts (SQLite keeps JSON's types).
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

    /// Runs one statement on its own, atomically, without `BEGIN`/`COMMIT` (a single statement
    /// is its own transaction on both engines): two round trips to the SQLite thread pool fewer
    /// than `transaction` for a group commit that is one statement.
    func fastWrite(_ sql: String, _ binds: [BulkValue], row: (@Sendable (FastRow) -> Void)? = nil) async throws {
        switch dialect {
        case .sqlite:
            try await withWriteLock { try await fastRun(sql, binds, in: writer, row: row) }
        case .postgres:
            try await fastRun(sql, binds, in: writer, row: row)
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

    /// Rows as one JSON array of arrays, to bind as a single parameter: a statement reading its
    /// rows from it (`jsonRows(_:)`) has a short constant text, so SQLite parses it in
    /// microseconds instead of re-parsing hundreds of `VALUES` tuples per batch (measured: the
    /// parser was an eighth of the dispatcher's CPU).
    static func json(_ rows: [[BulkValue]]) -> String {
        var out = "["
        out.reserveCapacity(rows.count * 48)
        for (i, row) in rows.enumerated() {
            out += i == 0 ? "[" : ",["
            for (j, v) in row.enumerated() {
                if j > 0 { out += "," }
                switch v {
                case .int(let n): out += String(n)
                case .bool(let b): out += b ? "1" : "0"
                case .null: out += "null"
                case .text(let t): appendJSONString(t, to: &out)
                }
            }
            out += "]"
        }
        return out + "]"
    }

    private static func appendJSONString(_ t: String, to out: inout String) {
        out += "\""
        for u in t.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where u.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }

    /// `SELECT` of the rows bound as one JSON parameter (`json(_:)`), one column per type, named
    /// `names`: `json_each` on SQLite, `json_array_elements` on PostgreSQL.
    func jsonRows(_ names: [String], _ types: [FastType]) -> String {
        switch dialect {
        case .sqlite:
            return "SELECT " + names.indices.map { "value ->> \($0) AS \(names[$0])" }.joined(separator: ", ") + " FROM json_each(?)"
        case .postgres:
            return "SELECT " + names.indices.map { "CAST(e ->> \($0) AS \(types[$0].rawValue)) AS \(names[$0])" }.joined(separator: ", ")
                + " FROM json_array_elements(CAST(? AS json)) AS e"
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

import Foundation
import SQLKit
import TocsinCore

/// Filters for listing contacts. All set filters must match.
public struct ContactFilter: Sendable, Hashable {
    /// The start of the name ("张" finds 张伟 and 张敏; Chinese names begin with the surname). A
    /// prefix, not a substring, so that a million-contact book is searched through the name index.
    public var namePrefix: String?
    public var groupID: Int64?
    /// Region code; contacts in sub-regions match too.
    public var regionCodes: Set<String>?
    public var organisationID: Int64?
    /// Only temporary users (with a validity window).
    public var temporaryOnly = false
    /// Number prefix ("138", or a whole number).
    public var numberPrefix: String?

    public init(namePrefix: String? = nil, groupID: Int64? = nil, regionCodes: Set<String>? = nil, organisationID: Int64? = nil,
                temporaryOnly: Bool = false, numberPrefix: String? = nil) {
        self.namePrefix = namePrefix
        self.groupID = groupID
        self.regionCodes = regionCodes
        self.organisationID = organisationID
        self.temporaryOnly = temporaryOnly
        self.numberPrefix = numberPrefix
    }
}

extension Store {
    /// A page of contacts ordered by id, starting after `afterID` (keyset paging: constant cost
    /// at any depth, also over a million contacts).
    public func contacts(matching f: ContactFilter = ContactFilter(), afterID: Int64 = 0, limit: Int = 100) async throws -> [ContactRecord] {
        try await contacts(matching: f, afterID: afterID, limit: limit, densePrefixRows: Self.densePrefixRows)
    }

    /// `contacts(matching:afterID:limit:)` with the dense-prefix threshold given (tests take both plans).
    func contacts(matching f: ContactFilter, afterID: Int64, limit: Int, densePrefixRows: Int) async throws -> [ContactRecord] {
        // First the page's ids (a name search is answered from the name index alone, which holds
        // the id), then the rows of those ids only.
        let q = sql.select().column(SQLColumn("id", table: "c"))
            .from(SQLAlias(SQLIdentifier("contacts"), as: SQLIdentifier("c")))
            .where(SQLColumn("id", table: "c"), .greaterThan, SQLBind(afterID))
        if let s = f.namePrefix.map(Self.escapeLike), !s.isEmpty {
            _ = q.where(try await prefixTerm(column: "c.name", index: ("contacts", "name"), prefix: s, dense: densePrefixRows))
        }
        if let r = f.regionCodes { _ = q.where(SQLColumn("region_code", table: "c"), .in, SQLBind.group(r.sorted())) }
        if let o = f.organisationID { _ = q.where(SQLColumn("organisation_id", table: "c"), .equal, SQLBind(o)) }
        if f.temporaryOnly { _ = q.where(SQLRaw("(c.valid_from IS NOT NULL OR c.valid_until IS NOT NULL)")) }
        if let g = f.groupID {
            _ = q.where(SQLColumn("id", table: "c"), .in, SQLGroupExpression(SQLQueryString("SELECT contact_id FROM group_members WHERE group_id = \(bind: g)")))
        }
        if let p = f.numberPrefix.map(Self.escapeLike), !p.isEmpty {
            if try await prefixIsDense(table: "contact_numbers", column: "number", prefix: p, threshold: densePrefixRows) {
                // Many numbers start so: walk the contacts in id order and stop after a page.
                _ = q.where(SQLQueryString("EXISTS (SELECT 1 FROM contact_numbers n WHERE n.contact_id = c.id AND ")
                            + prefixPredicate(column: "n.number", prefix: p) + SQLQueryString(")"))
            } else {
                // Few: take them from the number index.
                _ = q.where(SQLColumn("id", table: "c"), .in,
                            SQLGroupExpression(SQLQueryString("SELECT contact_id FROM contact_numbers WHERE ") + prefixPredicate(column: "number", prefix: p)))
            }
        }
        let pageIDs = try await q.orderBy(SQLColumn("id", table: "c")).limit(limit).all().map { try $0.decode(column: "id", as: Int64.self) }
        guard !pageIDs.isEmpty else { return [] }
        let rows = try await sql.select()
            .columns(["id", "name", "organisation_id", "title", "region_code", "note", "valid_from", "valid_until",
                      "quiet_start", "quiet_end", "quiet_orange"].map { SQLColumn($0, table: "c") })
            .column(SQLColumn("name", table: "o"), as: "org_name")
            .from(SQLAlias(SQLIdentifier("contacts"), as: SQLIdentifier("c")))
            .join(SQLAlias(SQLIdentifier("organisations"), as: SQLIdentifier("o")), method: SQLJoinMethod.left,
                  on: SQLColumn("organisation_id", table: "c"), .equal, SQLColumn("id", table: "o"))
            .where(SQLColumn("id", table: "c"), .in, SQLBind.group(pageIDs))
            .orderBy(SQLColumn("id", table: "c")).all()
        var records: [ContactRecord] = []
        records.reserveCapacity(rows.count)
        for row in rows {
            var quiet: QuietHours?
            if let s = try row.decode(column: "quiet_start", as: Int?.self), let e = try row.decode(column: "quiet_end", as: Int?.self) {
                quiet = try? QuietHours(startMinute: s, endMinute: e, orangeOverrides: try row.decode(column: "quiet_orange", as: Bool.self))
            }
            let contact = Contact(
                id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
                organisationID: try row.decode(column: "organisation_id", as: Int64?.self), title: try row.decode(column: "title", as: String.self),
                regionCode: try row.decode(column: "region_code", as: String?.self), note: try row.decode(column: "note", as: String.self),
                numbers: [], validFrom: try row.decode(column: "valid_from", as: Int64?.self).map(Date.init(millis:)),
                validUntil: try row.decode(column: "valid_until", as: Int64?.self).map(Date.init(millis:)), quietHours: quiet)
            records.append(ContactRecord(contact: contact, organisationName: try row.decode(column: "org_name", as: String?.self) ?? "", groupNames: []))
        }
        guard !records.isEmpty else { return [] }
        let ids = records.compactMap(\.contact.id)
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let numbers = try await sql.select().columns("number", "contact_id").from("contact_numbers")
            .where("contact_id", .in, ids).orderBy("contact_id").orderBy("position").all()
        for row in numbers {
            if let i = index[try row.decode(column: "contact_id", as: Int64.self)] {
                records[i].contact.numbers.append(PhoneNumber(canonical: try row.decode(column: "number", as: String.self)))
            }
        }
        let groups = try await sql.select().column(SQLColumn("contact_id", table: "m")).column(SQLColumn("name", table: "g"))
            .from(SQLAlias(SQLIdentifier("group_members"), as: SQLIdentifier("m")))
            .join(SQLAlias(SQLIdentifier("contact_groups"), as: SQLIdentifier("g")), method: SQLJoinMethod.inner, on: SQLColumn("group_id", table: "m"), .equal, SQLColumn("id", table: "g"))
            .where(SQLColumn("contact_id", table: "m"), .in, SQLBind.group(ids)).all()
        for row in groups {
            if let i = index[try row.decode(column: "contact_id", as: Int64.self)] {
                records[i].groupNames.append(try row.decode(column: "name", as: String.self))
            }
        }
        for i in records.indices { records[i].groupNames.sort() }
        return records
    }

    /// One contact by id.
    public func contact(id: Int64) async throws -> ContactRecord? {
        try await contacts(afterID: id - 1, limit: 1).first { $0.contact.id == id }
    }

    /// Above this many rows starting with a prefix, a page is found by walking contacts in id
    /// order (it stops after a page) rather than by collecting every match from the index first.
    /// Measured on 1 M demo contacts (SQLite shell): collecting 38 461 matches of "153" and taking
    /// the first page costs 26 ms, 307 695 matches of "13" 266 ms, while walking finds a page of
    /// "13" in under 1 ms. Walking is slow only when the matches cluster at high ids (a 7-digit
    /// prefix, 10 000 numbers given to consecutive contacts, took 88 ms), so it is kept for
    /// prefixes of more than 20 000 rows (2 % of a million-contact book).
    static let densePrefixRows = 20_000

    /// Whether at least `densePrefixRows` rows of `table` have `column` starting with `prefix`
    /// (counted through the column's index, stopping at the threshold).
    private func prefixIsDense(table: String, column: String, prefix: String, threshold: Int) async throws -> Bool {
        let row = try await sql.raw(SQLQueryString("SELECT COUNT(*) AS n FROM (SELECT 1 FROM \(ident: table) WHERE ")
                                    + prefixPredicate(column: column, prefix: prefix)
                                    + SQLQueryString(" LIMIT \(literal: threshold)) AS t")).first()
        return try (row?.decode(column: "n", as: Int.self) ?? 0) >= threshold
    }

    /// The contacts' own column filtered by prefix: through its index when few rows match, else
    /// tested row by row while contacts are walked in id order (`+` keeps SQLite off the index).
    private func prefixTerm(column: String, index: (table: String, column: String), prefix: String, dense threshold: Int) async throws -> SQLQueryString {
        let dense = try await prefixIsDense(table: index.table, column: index.column, prefix: prefix, threshold: threshold)
        return prefixPredicate(column: dense && dialect == .sqlite ? "+" + column : column, prefix: prefix)
    }

    /// `column` starts with `prefix`. SQLite: a range on the binary collation, which its indexes
    /// serve (its LIKE is case-insensitive and cannot use them). PostgreSQL: LIKE 'prefix%', since
    /// a range in a linguistic collation is not a prefix test. `prefix` has no LIKE wildcards left.
    private func prefixPredicate(column: String, prefix: String) -> SQLQueryString {
        switch dialect {
        case .sqlite:
            // Every string starting with `prefix` sorts at or after it and before prefix + U+10FFFF.
            return SQLQueryString("(\(unsafeRaw: column) >= \(bind: prefix) AND \(unsafeRaw: column) < \(bind: prefix + "\u{10FFFF}"))")
        case .postgres:
            return SQLQueryString("\(unsafeRaw: column) LIKE \(bind: prefix + "%")")
        }
    }

    static func escapeLike(_ s: String) -> String {
        // LIKE wildcards in user input are matched literally by dropping them; names and numbers never need them.
        s.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
    }
}

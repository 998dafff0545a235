import SQLKit
import TocsinCore

/// Every migration, in order. Append only.
enum Migrations {
    static let all: [Migration] = [
        Migration(version: 1, name: "catalogues and address book", apply: v1),
        Migration(version: 2, name: "seed catalogues", apply: v2),
        Migration(version: 3, name: "users, sessions, API tokens and the audit chain", apply: v3),
        Migration(version: 4, name: "targeting indexes", apply: v4),
        Migration(version: 5, name: "warnings", apply: warnings),
        Migration(version: 6, name: "dispatch", apply: dispatch),
    ]

    /// Covering indexes for recipient resolution (docs/targeting.md): a contact's group
    /// memberships and numbers are read from the index alone, one probe per contact. They replace
    /// the single-column indexes they extend.
    static func v4(_ db: any SQLDatabase, _ d: StoreDialect) async throws {
        let statements: [String] = [
            "CREATE INDEX group_members_contact_group ON group_members (contact_id, group_id)",
            "DROP INDEX group_members_contact",
            "CREATE INDEX contact_numbers_contact_number ON contact_numbers (contact_id, number)",
            "DROP INDEX contact_numbers_contact",
        ]
        for s in statements { try await db.raw(SQLQueryString(s)).run() }
    }

    static func v1(_ db: any SQLDatabase, _ d: StoreDialect) async throws {
        let ts = d.bigint
        let statements: [String] = [
            "CREATE TABLE regions (code TEXT PRIMARY KEY, name TEXT NOT NULL, parent_code TEXT REFERENCES regions(code))",
            "CREATE TABLE event_categories (code TEXT PRIMARY KEY, name TEXT NOT NULL, code_prefix TEXT NOT NULL)",
            "CREATE TABLE hazard_types (code TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL REFERENCES event_categories(code), note TEXT NOT NULL DEFAULT '')",
            "CREATE TABLE warning_levels (code TEXT PRIMARY KEY, level_rank INTEGER NOT NULL UNIQUE, colour TEXT NOT NULL, severity TEXT NOT NULL, roman TEXT NOT NULL)",
            "CREATE TABLE number_segments (prefix TEXT PRIMARY KEY, carrier TEXT NOT NULL, note TEXT NOT NULL DEFAULT '')",
            "CREATE TABLE ported_numbers (number TEXT PRIMARY KEY, carrier TEXT NOT NULL, updated_at \(ts) NOT NULL)",
            "CREATE TABLE organisations (\(d.idColumn), name TEXT NOT NULL, parent_id \(ts) REFERENCES organisations(id))",
            "CREATE UNIQUE INDEX organisations_name ON organisations (name)",
            "CREATE TABLE contact_groups (\(d.idColumn), name TEXT NOT NULL UNIQUE, parent_id \(ts) REFERENCES contact_groups(id), description TEXT NOT NULL DEFAULT '')",
            """
            CREATE TABLE contacts (\(d.idColumn), name TEXT NOT NULL, organisation_id \(ts) REFERENCES organisations(id),
                title TEXT NOT NULL DEFAULT '', region_code TEXT REFERENCES regions(code), note TEXT NOT NULL DEFAULT '',
                valid_from \(ts), valid_until \(ts), quiet_start INTEGER, quiet_end INTEGER, quiet_orange BOOLEAN NOT NULL DEFAULT FALSE,
                row_hash TEXT NOT NULL, created_at \(ts) NOT NULL, updated_at \(ts) NOT NULL)
            """,
            "CREATE INDEX contacts_region ON contacts (region_code)",
            "CREATE INDEX contacts_organisation ON contacts (organisation_id)",
            "CREATE INDEX contacts_name ON contacts (name)",
            "CREATE TABLE contact_numbers (number TEXT PRIMARY KEY, contact_id \(ts) NOT NULL REFERENCES contacts(id) ON DELETE CASCADE, position INTEGER NOT NULL)",
            "CREATE INDEX contact_numbers_contact ON contact_numbers (contact_id)",
            """
            CREATE TABLE group_members (group_id \(ts) NOT NULL REFERENCES contact_groups(id) ON DELETE CASCADE,
                contact_id \(ts) NOT NULL REFERENCES contacts(id) ON DELETE CASCADE, PRIMARY KEY (group_id, contact_id))
            """,
            "CREATE INDEX group_members_contact ON group_members (contact_id)",
            """
            CREATE TABLE subscriptions (\(d.idColumn), contact_id \(ts) REFERENCES contacts(id) ON DELETE CASCADE,
                group_id \(ts) REFERENCES contact_groups(id) ON DELETE CASCADE, hazard_code TEXT REFERENCES hazard_types(code),
                min_level_rank INTEGER NOT NULL, CHECK ((contact_id IS NULL) <> (group_id IS NULL)))
            """,
            "CREATE INDEX subscriptions_contact ON subscriptions (contact_id)",
            "CREATE INDEX subscriptions_group ON subscriptions (group_id)",
            """
            CREATE TABLE changes (\(d.idColumn), at \(ts) NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,
                entity_id TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL)
            """,
            "CREATE INDEX changes_entity ON changes (entity, entity_id)",
        ]
        for s in statements { try await db.raw(SQLQueryString(s)).run() }
    }

    static func v2(_ db: any SQLDatabase, _ d: StoreDialect) async throws {
        try await CatalogueWriter.replaceRegions(RegionCatalogue.beijing.all, in: db)
        for c in EventCategory.allCases {
            try await db.insert(into: "event_categories").columns("code", "name", "code_prefix")
                .values(SQLBind(c.rawValue), SQLBind(c.nameZH), SQLBind(c.codePrefix)).run()
        }
        for l in WarningLevel.allCases {
            try await db.insert(into: "warning_levels").columns("code", "level_rank", "colour", "severity", "roman")
                .values(SQLBind(l.rawValue), SQLBind(l.rank), SQLBind(l.colourZH), SQLBind(l.severityZH), SQLBind(l.roman)).run()
        }
        try await CatalogueWriter.upsertHazards(HazardCatalogue.default.all, in: db)
        try await CatalogueWriter.replaceSegments(NumberSegmentTable.default, in: db)
    }
}

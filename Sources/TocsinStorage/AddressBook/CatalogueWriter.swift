import Foundation
import SQLKit
import TocsinCore

/// Writes catalogues (used by the seed migration and by `tocsin catalogue load`).
enum CatalogueWriter {
    /// Inserts or updates regions, parents before children. Regions are never deleted here:
    /// contacts may refer to them.
    static func replaceRegions(_ regions: [Region], in db: any SQLDatabase) async throws {
        let byCode = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        func depth(_ r: Region) -> Int {
            var d = 0
            var p = r.parentCode
            while let code = p, let parent = byCode[code], d < 16 { d += 1; p = parent.parentCode }
            return d
        }
        for r in regions.sorted(by: { (depth($0), $0.code) < (depth($1), $1.code) }) {
            try await db.insert(into: "regions").columns("code", "name", "parent_code")
                .values(SQLBind(r.code), SQLBind(r.nameZH), SQLBind(r.parentCode))
                .onConflict(with: ["code"]) { $0.set(excludedValueOf: "name").set(excludedValueOf: "parent_code") }
                .run()
        }
    }

    static func upsertHazards(_ hazards: [HazardType], in db: any SQLDatabase) async throws {
        for h in hazards {
            try await db.insert(into: "hazard_types").columns("code", "name", "category", "note")
                .values(SQLBind(h.code), SQLBind(h.nameZH), SQLBind(h.category.rawValue), SQLBind(h.note))
                .onConflict(with: ["code"]) { $0.set(excludedValueOf: "name").set(excludedValueOf: "category").set(excludedValueOf: "note") }
                .run()
        }
    }

    static func replaceSegments(_ table: NumberSegmentTable, in db: any SQLDatabase) async throws {
        try await db.delete(from: "number_segments").run()
        for e in table.entries.values.sorted(by: { $0.prefix < $1.prefix }) {
            try await db.insert(into: "number_segments").columns("prefix", "carrier", "note")
                .values(SQLBind(e.prefix), SQLBind(e.carrier.rawValue), SQLBind(e.note)).run()
        }
    }
}

extension Store {
    public func regions() async throws -> RegionCatalogue {
        let rows = try await sql.raw("SELECT code, name, parent_code FROM regions ORDER BY code").all()
        return RegionCatalogue(try rows.map {
            Region(code: try $0.decode(column: "code", as: String.self), nameZH: try $0.decode(column: "name", as: String.self),
                   parentCode: try $0.decode(column: "parent_code", as: String?.self))
        })
    }

    public func hazards() async throws -> HazardCatalogue {
        let rows = try await sql.raw("SELECT code, name, category, note FROM hazard_types ORDER BY code").all()
        return HazardCatalogue(try rows.map {
            HazardType(code: try $0.decode(column: "code", as: String.self), nameZH: try $0.decode(column: "name", as: String.self),
                       category: EventCategory(rawValue: try $0.decode(column: "category", as: String.self)) ?? .natural,
                       note: try $0.decode(column: "note", as: String.self))
        })
    }

    /// The carrier resolver from the stored segment table and ported-number overrides.
    public func carrierResolver() async throws -> CarrierResolver {
        let segs = try await sql.raw("SELECT prefix, carrier, note FROM number_segments").all()
        let table = NumberSegmentTable(entries: try segs.compactMap { row in
            guard let carrier = Carrier(rawValue: try row.decode(column: "carrier", as: String.self)) else { return nil }
            return .init(prefix: try row.decode(column: "prefix", as: String.self), carrier: carrier, note: try row.decode(column: "note", as: String.self))
        })
        let ported = try await sql.raw("SELECT number, carrier FROM ported_numbers").all()
        var map: [PhoneNumber: Carrier] = [:]
        for row in ported {
            if let c = Carrier(rawValue: try row.decode(column: "carrier", as: String.self)) {
                map[PhoneNumber(canonical: try row.decode(column: "number", as: String.self))] = c
            }
        }
        return CarrierResolver(segments: table, ported: map)
    }

    /// Loads a region catalogue (another city's), inserting or updating.
    public func loadRegions(_ catalogue: RegionCatalogue, actor: String, now: Date) async throws {
        try await transaction { db in
            try await CatalogueWriter.replaceRegions(catalogue.all, in: db)
            try await ChangeLog.append([ChangeRecord(at: now, actor: actor, entity: "regions", entityID: "*", action: .update,
                                                     detail: "{\"count\":\(catalogue.all.count)}")], in: db, audit: self)
        }
    }

    public func loadHazards(_ catalogue: HazardCatalogue, actor: String, now: Date) async throws {
        try await transaction { db in
            try await CatalogueWriter.upsertHazards(catalogue.all, in: db)
            try await ChangeLog.append([ChangeRecord(at: now, actor: actor, entity: "hazard_types", entityID: "*", action: .update,
                                                     detail: "{\"count\":\(catalogue.all.count)}")], in: db, audit: self)
        }
    }

    public func loadSegments(_ table: NumberSegmentTable, actor: String, now: Date) async throws {
        try await transaction { db in
            try await CatalogueWriter.replaceSegments(table, in: db)
            try await ChangeLog.append([ChangeRecord(at: now, actor: actor, entity: "number_segments", entityID: "*", action: .update,
                                                     detail: "{\"count\":\(table.entries.count)}")], in: db, audit: self)
        }
    }

    /// Records (or with nil removes) a ported-number override (携号转网).
    public func setPorted(_ number: PhoneNumber, to carrier: Carrier?, actor: String, now: Date) async throws {
        try await transaction { db in
            try await db.delete(from: "ported_numbers").where("number", .equal, number.digits).run()
            if let carrier {
                try await db.insert(into: "ported_numbers").columns("number", "carrier", "updated_at")
                    .values(SQLBind(number.digits), SQLBind(carrier.rawValue), SQLBind(now.millis)).run()
            }
            try await ChangeLog.append([ChangeRecord(at: now, actor: actor, entity: "ported_number", entityID: number.masked,
                                                     action: carrier == nil ? .delete : .update,
                                                     detail: "{\"carrier\":\"\(carrier?.rawValue ?? "")\"}")], in: db, audit: self)
        }
    }
}

import Foundation
import TocsinCore
import TocsinStorage

/// Seeds a fresh database with the demo groups, subscriptions and address book.
public enum DemoSeeder {
    public struct Summary: Sendable {
        public var contacts: Int
        public var groups: Int
        public var seeded: Bool
    }

    /// Idempotent: seeds only when the address book is empty.
    public static func seed(store: Store, contacts: Int, scratchDirectory: String, clock: any WallClock = SystemWallClock()) async throws -> Summary {
        let existing = try await store.contactCount()
        if existing > 0 {
            return Summary(contacts: existing, groups: try await store.groups().count, seeded: false)
        }
        let now = clock.now()
        let known = Set(try await store.groups().map(\.name))
        for g in DemoAddressBook.groups where !known.contains(g.name) {
            let group = try await store.createGroup(ContactGroup(name: g.name, description: "演示数据"), actor: "demo", now: now)
            let hazards: [String?] = g.hazards.map { $0.map(Optional.some) } ?? [nil]
            for hazard in hazards {
                try await store.addSubscription(Subscription(subject: .group(group.id!), hazardCode: hazard, minimumLevel: g.minLevel), actor: "demo", now: now)
            }
        }
        let csv = (scratchDirectory as NSString).appendingPathComponent("demo-contacts.csv")
        try DemoAddressBook.writeCSV(path: csv, count: contacts, now: now)
        let report = try await ContactImporter(store: store, clock: clock).run(try CSVReader(path: csv), label: "demo-contacts.csv",
                                                                               options: ImportOptions(actor: "demo"))
        guard report.committed else {
            throw TabularError("demo address book did not import: \(report.problems.prefix(3).map(\.description).joined(separator: "; "))")
        }
        try? FileManager.default.removeItem(atPath: csv)
        return Summary(contacts: report.created, groups: DemoAddressBook.groups.count, seeded: true)
    }
}

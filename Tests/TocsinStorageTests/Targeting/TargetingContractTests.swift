import Foundation
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinStorage

/// Recipient resolution and reach against a brute-force oracle, on every available engine.
@Suite struct TargetingContractTests {
    typealias F = TargetingFixture

    /// Beijing local time on the fixture's day.
    static func at(_ hh: Int, _ mm: Int, days: Int = 0) -> Date {
        // F.now is 16:00 Beijing.
        F.now + TimeInterval((hh - 16) * 3600 + mm * 60 + days * 86_400)
    }

    /// The ways `store` can answer: the SQL path always, and the in-memory snapshot where it
    /// applies (SQLite files). Every check runs on each, so the two can never disagree.
    static func paths(_ store: Store) -> [TargetingSnapshotPolicy] {
        store.dialect == .sqlite ? [.off, .blocking] : [.off]
    }

    /// Resolves and reaches `request` on every path and checks both against the oracle.
    func check(_ store: Store, _ f: F, _ request: TargetingRequest, _ label: String) async throws {
        for path in Self.paths(store) {
            store.targetingSnapshotPolicy = path
            try await checkOnePath(store, f, request, "\(label) [\(path)]")
            if path == .blocking { #expect(store.targetingSnapshotLastBuild != nil, "\(label): the snapshot answered") }
        }
        store.targetingSnapshotPolicy = .off
    }

    private func checkOnePath(_ store: Store, _ f: F, _ request: TargetingRequest, _ label: String) async throws {
        let list = try await store.resolveRecipients(request)
        let expected = f.expected(request)
        #expect(list.recipients.count == Set(list.recipients).count, "\(label): a number is listed twice")
        #expect(Set(list.recipients) == expected.recipients, "\(label): recipients")
        #expect(list.exclusions.count == expected.exclusions.count, "\(label): exclusion count")
        #expect(Set(list.exclusions) == expected.exclusions, "\(label): exclusions")
        let capacity = LinkCapacity(submitsPerSecond: [.chinaMobile: 10, .chinaUnicom: 5, .chinaTelecom: 5, .chinaBroadnet: 1], fixedOverhead: .seconds(2))
        let reach = try await store.reach(request, capacity: capacity)
        let byCarrier = expected.recipients.reduce(into: [Carrier: Int]()) { $0[$1.carrier, default: 0] += 1 }
        let byReason = expected.exclusions.reduce(into: [ExclusionReason: Int]()) { $0[$1.reason, default: 0] += 1 }
        #expect(reach.recipientsByCarrier == byCarrier, "\(label): reach per carrier")
        #expect(reach.excludedByReason == byReason, "\(label): reach exclusions")
        #expect(reach.eta == capacity.eta(for: byCarrier), "\(label): ETA")
    }

    @Test(arguments: TestEngine.available)
    func generatedBookMatchesTheOracle(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            var f = F.generated(count: 400)
            try await f.save(to: store)
            let g = f.groupIDs
            let someone = f.people[3].id, other = f.people[10].id, third = f.people[11].id
            let cases: [(String, TargetingRequest)] = [
                ("red rainstorm Haidian", .init(hazardCode: "11B03", level: .red, areaCodes: ["110108"], rule: TargetingRule(), sendTime: Self.at(23, 30))),
                ("orange rainstorm Haidian at night", .init(hazardCode: "11B03", level: .orange, areaCodes: ["110108"], rule: TargetingRule(), sendTime: Self.at(23, 30))),
                ("yellow rainstorm two districts at night", .init(hazardCode: "11B03", level: .yellow, areaCodes: ["110108", "110105"], rule: TargetingRule(), sendTime: Self.at(2, 0, days: 1))),
                ("blue citywide midday", .init(hazardCode: "11B03", level: .blue, areaCodes: ["110000"], rule: TargetingRule(), sendTime: Self.at(12, 0))),
                ("blue gale street", .init(hazardCode: "11B04", level: .blue, areaCodes: ["110108001"], rule: TargetingRule(), sendTime: Self.at(8, 0))),
                ("orange any-hazard citywide", .init(hazardCode: "11B17", level: .orange, areaCodes: ["110000"], rule: TargetingRule(), sendTime: Self.at(16, 0))),
                ("group send with sub-groups", .init(hazardCode: "11B03", level: .yellow, areaCodes: ["110000"],
                                                     rule: TargetingRule(useHazardSubscriptions: false, groupIDs: [g["防汛"]!]), sendTime: Self.at(16, 0))),
                ("sub-group send outside its area", .init(hazardCode: "11B03", level: .red, areaCodes: ["110105"],
                                                          rule: TargetingRule(useHazardSubscriptions: false, groupIDs: [g["海淀防汛"]!, g["临时"]!]), sendTime: Self.at(16, 0))),
                ("rule regions, explicit, excluded", .init(hazardCode: "11B03", level: .blue, areaCodes: ["110105"],
                                                           rule: TargetingRule(useHazardSubscriptions: true, regionCodes: ["110108"], contactIDs: [someone, other],
                                                                               excludedContactIDs: [other, third]), sendTime: Self.at(10, 0))),
                ("before the temporary windows", .init(hazardCode: "11B03", level: .red, areaCodes: ["110000"], rule: TargetingRule(), sendTime: Self.at(16, 0, days: -6))),
                ("after the temporary windows", .init(hazardCode: "11B03", level: .red, areaCodes: ["110000"], rule: TargetingRule(), sendTime: Self.at(16, 0, days: 30))),
                ("nobody", .init(hazardCode: "11B03", level: .red, areaCodes: ["110000"], rule: TargetingRule(useHazardSubscriptions: false), sendTime: Self.at(16, 0))),
            ]
            var seen: Set<ExclusionReason> = []
            for (label, request) in cases {
                try await check(store, f, request, label)
                let expected = f.expected(request)
                #expect(expected.recipients.isEmpty == (label == "nobody"), "\(label): the oracle selects someone")
                seen.formUnion(expected.exclusions.map(\.reason))
            }
            #expect(seen == Set(ExclusionReason.allCases), "the generated book exercises every reason")
        }
    }

    /// One hand-made contact per reason, a number reachable through four paths, and a ported number.
    @Test(arguments: TestEngine.available)
    func everyReasonDedupAndPorting(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            var f = F()
            let night = try QuietHours(parsing: "22:00-07:00")
            f.people = [
                .init(name: "多路径", region: "110108", numbers: ["13800000001", "13900000001"], groups: ["防汛", "海淀防汛"], subscriptions: [("11B03", .blue)]),
                .init(name: "排除", region: "110108", numbers: ["13800000002"], groups: ["防汛"]),
                .init(name: "未生效", region: "110108", numbers: ["13800000003"], groups: ["防汛"], validFrom: F.now + 86_400, validUntil: F.now + 2 * 86_400),
                .init(name: "已过期", region: "110108", numbers: ["13800000004"], groups: ["防汛"], validFrom: F.now - 7200, validUntil: F.now),
                .init(name: "免打扰", region: "110108", numbers: ["13800000005"], groups: ["防汛"], quiet: night),
                .init(name: "坏号码", region: "110108", numbers: ["13800000006", "12345"], groups: ["防汛"]),
                .init(name: "未知号段", region: "110108", numbers: ["14000000007"], groups: ["防汛"]),
                .init(name: "转网", region: nil, numbers: ["13800000008", "14000000008"], groups: ["中关村防汛"]),
                .init(name: "区外", region: "110105", numbers: ["13800000009"], groups: ["防汛"]),
            ]
            f.ported = [PhoneNumber(canonical: "13800000008"): .chinaTelecom, PhoneNumber(canonical: "14000000008"): .chinaUnicom]
            try await f.save(to: store)
            let id = Dictionary(uniqueKeysWithValues: f.people.map { ($0.name, $0.id) })
            let rule = TargetingRule(regionCodes: ["110108"], contactIDs: [id["多路径"]!], excludedContactIDs: [id["排除"]!])
            let request = TargetingRequest(hazardCode: "11B03", level: .blue, areaCodes: ["110108"], rule: rule, sendTime: Self.at(23, 0))
            try await check(store, f, request, "hand-made")

            let list = try await store.resolveRecipients(request)
            #expect(list.recipients.filter { $0.contactID == id["多路径"] }.map(\.number.digits).sorted() == ["13800000001", "13900000001"])
            #expect(Set(list.recipients.filter { $0.contactID == id["转网"] }.map(\.carrier)) == [.chinaTelecom, .chinaUnicom])
            #expect(!list.recipients.contains { $0.contactID == id["区外"] })
            let reasons = Dictionary(list.exclusions.map { ($0.contactID, $0.reason) }, uniquingKeysWith: { a, _ in a })
            #expect(reasons[id["排除"]!] == .explicitlyExcluded)
            #expect(reasons[id["未生效"]!] == .notYetValid)
            #expect(reasons[id["已过期"]!] == .expired)
            #expect(reasons[id["免打扰"]!] == .quietHours)
            #expect(reasons[id["坏号码"]!] == .invalidNumber)
            #expect(reasons[id["未知号段"]!] == .unknownCarrier)
            #expect(list.exclusions.first { $0.reason == .invalidNumber }?.number == nil)
            let reach = try await store.reach(request, capacity: .default)
            #expect(reach.excludedByReason == [.explicitlyExcluded: 1, .notYetValid: 1, .expired: 1, .quietHours: 1, .invalidNumber: 1, .unknownCarrier: 1])
            #expect(reach.recipientsByCarrier == [.chinaMobile: 3, .chinaTelecom: 1, .chinaUnicom: 1])
        }
    }

    /// Quiet hours at the send time: blue and yellow wait, orange only when the contact allows it, red always.
    @Test(arguments: TestEngine.available)
    func quietHoursAndLevelOverrides(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            var f = F()
            f.people = [
                .init(name: "夜间", region: "110101", numbers: ["13800000001"], groups: ["媒体"], quiet: try QuietHours(parsing: "22:00-07:00")),
                .init(name: "夜间橙", region: "110101", numbers: ["13800000002"], groups: ["媒体"], quiet: try QuietHours(parsing: "22:00-07:00", orangeOverrides: true)),
            ]
            try await f.save(to: store)
            for path in Self.paths(store) {
                store.targetingSnapshotPolicy = path
                func reached(_ level: WarningLevel, _ time: Date) async throws -> [String] {
                    let rule = TargetingRule(useHazardSubscriptions: false, groupIDs: [f.groupIDs["媒体"]!])
                    let list = try await store.resolveRecipients(TargetingRequest(hazardCode: "11B03", level: level, areaCodes: ["110000"], rule: rule, sendTime: time))
                    return list.recipients.map(\.number.digits).sorted()
                }
                #expect(try await reached(.blue, Self.at(23, 0)) == [])
                #expect(try await reached(.yellow, Self.at(6, 59, days: 1)) == [])
                #expect(try await reached(.blue, Self.at(7, 0, days: 1)) == ["13800000001", "13800000002"])
                #expect(try await reached(.orange, Self.at(23, 0)) == ["13800000002"])
                #expect(try await reached(.red, Self.at(23, 0)) == ["13800000001", "13800000002"])
                #expect(try await reached(.blue, Self.at(21, 59)) == ["13800000001", "13800000002"])
            }
        }
    }

    /// The snapshot is used only while the change log ends where it was read: every address-book
    /// write is seen by the next answer, whichever path gives it.
    @Test func snapshotNeverAnswersFromAStaleAddressBook() async throws {
        try await withTestStore(.sqlite) { store in
            var f = F.generated(count: 120)
            try await f.save(to: store)
            let request = TargetingRequest(hazardCode: "11B03", level: .red, areaCodes: ["110000"], rule: TargetingRule(), sendTime: Self.at(16, 0))
            store.targetingSnapshotPolicy = .blocking
            let before = try await store.resolveRecipients(request)
            let built = try #require(store.targetingSnapshotLastBuild)
            #expect(built.contacts == 120)

            // A new subscriber: the next answer includes them (a rebuild), on both policies.
            let newcomer = Contact(name: "新订阅", regionCode: "110108", numbers: [PhoneNumber(canonical: "13911112222")])
            let group = f.groupIDs["防汛"]!
            try await store.saveContacts([ContactWrite(existingID: nil, record: ContactRecord(contact: newcomer, organisationName: "", groupNames: []), groupIDs: [group], source: "test")],
                                         actor: "test", now: F.now)
            let after = try await store.resolveRecipients(request)
            #expect(after.recipients.count == before.recipients.count + 1)
            #expect(after.recipients.contains { $0.number.digits == "13911112222" })

            // Background: a stale snapshot is never used; the SQL path answers while it rebuilds.
            store.targetingSnapshotPolicy = .background
            let victim = try #require(after.recipients.first { $0.number.digits != "13911112222" })
            try await store.deleteContact(id: victim.contactID, actor: "test", now: F.now)
            let answered = try await store.resolveRecipients(request)
            #expect(!answered.recipients.contains { $0.contactID == victim.contactID })
            #expect(answered.recipients.count == after.recipients.filter { $0.contactID != victim.contactID }.count)
            // Once rebuilt, the snapshot gives the same answer.
            store.targetingSnapshotPolicy = .blocking
            let rebuilt = try await store.resolveRecipients(request)
            #expect(Set(rebuilt.recipients) == Set(answered.recipients))
            #expect(Set(rebuilt.exclusions) == Set(answered.exclusions))
        }
    }
}

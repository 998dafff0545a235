import Foundation
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinStorage

@Suite struct AddressBookContractTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    func record(_ name: String, _ numbers: [String], org: String = "北京市应急管理局", region: String? = "110105", groups: [String] = []) throws -> ContactRecord {
        ContactRecord(contact: Contact(name: name, title: "值班员", regionCode: region, numbers: try numbers.map { try PhoneNumber(parsing: $0) }),
                      organisationName: org, groupNames: groups)
    }

    @Test(arguments: TestEngine.available)
    func contactsRoundTrip(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let flood = try await store.createGroup(ContactGroup(name: "防汛"), actor: "t", now: Self.now)
            let weather = try await store.createGroup(ContactGroup(name: "气象"), actor: "t", now: Self.now)
            var temp = try record("李临时", ["13900139000"], org: "重大活动保障组", region: "110108", groups: ["气象"])
            temp.contact.validFrom = Self.now
            temp.contact.validUntil = Self.now + 86_400
            temp.contact.quietHours = try QuietHours(parsing: "22:00-07:00", orangeOverrides: true)
            try await store.saveContacts([
                ContactWrite(existingID: nil, record: try record("王伟", ["13800138000", "13312345678"], groups: ["防汛", "气象"]), groupIDs: [flood.id!, weather.id!], source: "test"),
                ContactWrite(existingID: nil, record: temp, groupIDs: [weather.id!], source: "test"),
            ], actor: "t", now: Self.now)

            let all = try await store.contacts()
            #expect(all.count == 2)
            let wang = try #require(all.first { $0.contact.name == "王伟" })
            #expect(wang.contact.numbers.map(\.digits) == ["13800138000", "13312345678"])
            #expect(wang.groupNames == ["气象", "防汛"].sorted())
            #expect(wang.organisationName == "北京市应急管理局")
            #expect(wang.fingerprint == (try record("王伟", ["13800138000", "13312345678"], groups: ["防汛", "气象"])).fingerprint)
            let li = try #require(all.first { $0.contact.name == "李临时" })
            #expect(li.contact.validUntil == Self.now + 86_400)
            #expect(li.contact.quietHours == temp.contact.quietHours)
            #expect(li.fingerprint == temp.fingerprint)

            let owners = try await store.owners(of: ["13800138000", "13312345678", "13900139000", "13700000000"])
            #expect(owners.count == 3)
            #expect(owners["13800138000"]?.contactID == wang.contact.id)
            #expect(owners["13800138000"]?.fingerprint == wang.fingerprint)

            // Overwrite: numbers and groups are replaced, not added to.
            var changed = wang
            changed.contact.numbers = [try PhoneNumber(parsing: "13800138000")]
            changed.groupNames = ["防汛"]
            try await store.saveContacts([ContactWrite(existingID: wang.contact.id, record: changed, groupIDs: [flood.id!], source: "edit")], actor: "t", now: Self.now)
            let after = try #require(try await store.contact(id: wang.contact.id!))
            #expect(after.contact.numbers.map(\.digits) == ["13800138000"])
            #expect(after.groupNames == ["防汛"])
            #expect(try await store.owners(of: ["13312345678"]).isEmpty)

            // Every change is recorded with who and what.
            let changes = try await store.changes(entity: "contact", entityID: String(wang.contact.id!))
            #expect(changes.map(\.action) == [.update, .create])
            #expect(changes.allSatisfy { $0.actor == "t" })

            try await store.deleteContact(id: wang.contact.id!, actor: "t", now: Self.now)
            #expect(try await store.contactCount() == 1)
            #expect(try await store.owners(of: ["13800138000"]).isEmpty)
            await #expect(throws: StorageError.self) { try await store.deleteContact(id: 9999, actor: "t", now: Self.now) }
        }
    }

    @Test(arguments: TestEngine.available)
    func numbersAreUniqueAcrossContacts(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            try await store.saveContacts([ContactWrite(existingID: nil, record: try record("甲", ["13800138000"]), groupIDs: [], source: "t")], actor: "t", now: Self.now)
            await #expect(throws: (any Error).self) {
                try await store.saveContacts([ContactWrite(existingID: nil, record: try record("乙", ["13800138000"]), groupIDs: [], source: "t")], actor: "t", now: Self.now)
            }
            #expect(try await store.contactCount() == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func filtersAndKeysetPaging(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let g = try await store.createGroup(ContactGroup(name: "防汛"), actor: "t", now: Self.now)
            var writes: [ContactWrite] = []
            for i in 0..<25 {
                let region = i % 2 == 0 ? "110105" : "110108"
                writes.append(ContactWrite(existingID: nil, record: try record(i < 5 ? "张\(i)" : "王\(i)", [String(13800000000 + i)], region: region,
                                                                              groups: i % 5 == 0 ? ["防汛"] : []),
                                           groupIDs: i % 5 == 0 ? [g.id!] : [], source: "t"))
            }
            var temp = try record("临时", ["15000000000"])
            temp.contact.validUntil = Self.now
            writes.append(ContactWrite(existingID: nil, record: temp, groupIDs: [], source: "t"))
            try await store.saveContacts(writes, actor: "t", now: Self.now)

            #expect(try await store.contacts(matching: ContactFilter(groupID: g.id)).count == 5)
            #expect(try await store.contacts(matching: ContactFilter(regionCodes: ["110108"])).count == 12)
            let beijing = RegionCatalogue.beijing.descendants(of: "110000")
            #expect(try await store.contacts(matching: ContactFilter(regionCodes: beijing), limit: 100).count == 26)
            #expect(try await store.contacts(matching: ContactFilter(namePrefix: "张")).count == 5)
            #expect(try await store.contacts(matching: ContactFilter(numberPrefix: "1380000001")).count == 10)
            #expect(try await store.contacts(matching: ContactFilter(temporaryOnly: true)).map(\.contact.name) == ["临时"])
            #expect(try await store.contacts(matching: ContactFilter(namePrefix: "%")).count == 26)
            // Prefixes, through the index (few matches) and by walking contacts (many): the same answers.
            for threshold in [1, Store.densePrefixRows] {
                func names(_ f: ContactFilter, after: Int64 = 0, limit: Int = 100) async throws -> [String] {
                    try await store.contacts(matching: f, afterID: after, limit: limit, densePrefixRows: threshold).map(\.contact.name)
                }
                #expect(try await names(ContactFilter(namePrefix: "张")) == (0..<5).map { "张\($0)" }, "threshold \(threshold)")
                #expect(try await names(ContactFilter(namePrefix: "王1")) == (10..<20).map { "王\($0)" }, "threshold \(threshold)")
                #expect(try await names(ContactFilter(namePrefix: "0")).isEmpty, "a name's middle does not match (threshold \(threshold))")
                #expect(try await names(ContactFilter(namePrefix: "张"), limit: 2) == ["张0", "张1"])
                let second = try await store.contacts(matching: ContactFilter(namePrefix: "张"), afterID: 0, limit: 2, densePrefixRows: threshold)
                #expect(try await names(ContactFilter(namePrefix: "张"), after: second.last!.contact.id!, limit: 2) == ["张2", "张3"])
                #expect(try await names(ContactFilter(numberPrefix: "1380000001")).count == 10, "threshold \(threshold)")
                #expect(try await names(ContactFilter(numberPrefix: "138")).count == 25, "threshold \(threshold)")
                #expect(try await names(ContactFilter(numberPrefix: "1500")) == ["临时"], "threshold \(threshold)")
                #expect(try await names(ContactFilter(numberPrefix: "139")).isEmpty, "threshold \(threshold)")
                #expect(try await names(ContactFilter(namePrefix: "王", regionCodes: ["110108"])).count == 10, "threshold \(threshold)")
            }

            var seen: [Int64] = []
            var after: Int64 = 0
            while true {
                let page = try await store.contacts(afterID: after, limit: 7)
                guard let last = page.last?.contact.id else { break }
                seen += page.compactMap(\.contact.id)
                after = last
            }
            #expect(seen.count == 26)
            #expect(seen == seen.sorted())
            #expect(Set(seen).count == 26)
        }
    }

    @Test(arguments: TestEngine.available)
    func groupsSubscriptionsAndPortedNumbers(engine: TestEngine) async throws {
        try await withTestStore(engine) { store in
            let parent = try await store.createGroup(ContactGroup(name: "应急"), actor: "t", now: Self.now)
            let child = try await store.createGroup(ContactGroup(name: "区应急", parentID: parent.id), actor: "t", now: Self.now)
            await #expect { try await store.createGroup(ContactGroup(name: "应急"), actor: "t", now: Self.now) } throws: {
                ($0 as? StorageError)?.code == .conflict
            }
            #expect(try await store.groups().first { $0.name == "区应急" }?.parentID == parent.id)

            try await store.addSubscription(Subscription(subject: .group(child.id!), hazardCode: "11B03", minimumLevel: .orange), actor: "t", now: Self.now)
            try await store.addSubscription(Subscription(subject: .group(parent.id!), hazardCode: nil), actor: "t", now: Self.now)
            let subs = try await store.subscriptions()
            #expect(subs.count == 2)
            #expect(subs.contains { $0.subject == .group(child.id!) && $0.hazardCode == "11B03" && $0.minimumLevel == .orange })
            #expect(subs.contains { $0.subject == .group(parent.id!) && $0.hazardCode == nil && $0.minimumLevel == .blue })

            let n = try PhoneNumber(parsing: "13800138000")
            try await store.setPorted(n, to: .chinaUnicom, actor: "t", now: Self.now)
            #expect(try await store.carrierResolver().carrier(for: n) == .chinaUnicom)
            try await store.setPorted(n, to: nil, actor: "t", now: Self.now)
            #expect(try await store.carrierResolver().carrier(for: n) == .chinaMobile)
            let log = try await store.changes(entity: "ported_number")
            #expect(log.count == 2 && log.allSatisfy { $0.entityID == "138****8000" })
        }
    }
}

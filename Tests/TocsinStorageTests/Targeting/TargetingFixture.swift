import Foundation
import TocsinCore
import TocsinStorage

/// A generated address book whose targeting answers are computed independently, by brute force
/// over the in-memory contacts (walking *up* the group and region trees, and using the plain
/// `CarrierResolver`, where the store walks down and uses SQL and `CarrierLookup`).
struct TargetingFixture {
    struct Person {
        var name: String
        var region: String?
        var numbers: [String]
        var groups: [String]
        var validFrom: Date?
        var validUntil: Date?
        var quiet: QuietHours?
        /// Own subscriptions (hazard or nil for all, minimum level).
        var subscriptions: [(String?, WarningLevel)] = []
        var id: Int64 = 0
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000) // 2027-01-15 16:00 Beijing
    /// Streets below Haidian, to test sub-regions.
    static let streets = [Region(code: "110108001", nameZH: "中关村街道", parentCode: "110108"),
                          Region(code: "110108002", nameZH: "学院路街道", parentCode: "110108")]
    static let regions = RegionCatalogue(RegionCatalogue.beijing.all + streets)
    /// name → parent name. 防汛 > 海淀防汛 > 中关村防汛.
    static let groupParents: [(String, String?)] = [("防汛", nil), ("海淀防汛", "防汛"), ("中关村防汛", "海淀防汛"), ("气象", nil), ("媒体", nil), ("临时", nil)]
    static let groupSubscriptions: [(String, String?, WarningLevel)] = [("防汛", "11B03", .blue), ("气象", nil, .yellow), ("媒体", nil, .orange)]

    var people: [Person] = []
    var groupIDs: [String: Int64] = [:]
    var ported: [PhoneNumber: Carrier] = [:]

    /// `count` people, deterministic from `seed`.
    static func generated(count: Int, seed: UInt64 = 7) -> TargetingFixture {
        var f = TargetingFixture()
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }
        let regionChoices: [String?] = ["110105", "110108", "110108001", "110108002", "110101", "110000", nil]
        let prefixes = ["138", "130", "133", "192", "1349", "140"] // 140: no carrier
        for i in 0..<count {
            var p = Person(name: "人\(i)", region: pick(regionChoices), numbers: [], groups: [])
            let prefix = pick(prefixes)
            p.numbers.append(prefix + String(format: "%0\(11 - prefix.count)d", i))
            if next() % 5 == 0 { p.numbers.append("139" + String(format: "%08d", i)) }
            if next() % 40 == 0 { p.numbers.append("1234\(i)") } // stored junk: invalid number
            for (g, _) in groupParents where next() % 4 == 0 { p.groups.append(g) }
            switch next() % 10 {
            case 0: (p.validFrom, p.validUntil) = (now + 86_400, now + 5 * 86_400)     // not yet valid
            case 1: (p.validFrom, p.validUntil) = (now - 5 * 86_400, now - 3_600)      // expired
            case 2: (p.validFrom, p.validUntil) = (now - 86_400, now + 86_400)         // inside
            case 3: p.validUntil = now + 60                                             // open start
            default: break
            }
            switch next() % 6 {
            case 0: p.quiet = try! QuietHours(parsing: "22:00-07:00")
            case 1: p.quiet = try! QuietHours(parsing: "22:00-07:00", orangeOverrides: true)
            case 2: p.quiet = try! QuietHours(parsing: "09:00-17:00")
            default: break
            }
            if next() % 7 == 0 { p.subscriptions.append((pick(["11B03", "11B04", nil]), pick(WarningLevel.allCases))) }
            if next() % 9 == 0 { f.ported[PhoneNumber(canonical: p.numbers[0])] = pick([.chinaMobile, .chinaUnicom, .chinaTelecom]) }
            f.people.append(p)
        }
        return f
    }

    /// Writes regions, groups, subscriptions, contacts and ported numbers; fills in the ids.
    mutating func save(to store: Store) async throws {
        try await store.loadRegions(Self.regions, actor: "t", now: Self.now)
        for (name, parent) in Self.groupParents {
            groupIDs[name] = try await store.createGroup(ContactGroup(name: name, parentID: parent.flatMap { groupIDs[$0] }), actor: "t", now: Self.now).id!
        }
        for (g, hazard, level) in Self.groupSubscriptions {
            try await store.addSubscription(Subscription(subject: .group(groupIDs[g]!), hazardCode: hazard, minimumLevel: level), actor: "t", now: Self.now)
        }
        let writes = people.map { p in
            ContactWrite(existingID: nil, record: ContactRecord(
                contact: Contact(name: p.name, regionCode: p.region, numbers: p.numbers.map(PhoneNumber.init(canonical:)),
                                 validFrom: p.validFrom, validUntil: p.validUntil, quietHours: p.quiet),
                organisationName: "", groupNames: p.groups), groupIDs: p.groups.map { groupIDs[$0]! }, source: "t")
        }
        try await store.saveContacts(writes, actor: "t", now: Self.now)
        let owners = try await store.owners(of: people.map { $0.numbers[0] })
        for i in people.indices {
            people[i].id = owners[people[i].numbers[0]]!.contactID
            for (hazard, level) in people[i].subscriptions {
                try await store.addSubscription(Subscription(subject: .contact(people[i].id), hazardCode: hazard, minimumLevel: level), actor: "t", now: Self.now)
            }
        }
        for (number, carrier) in ported { try await store.setPorted(number, to: carrier, actor: "t", now: Self.now) }
    }

    // MARK: - The oracle

    func ancestors(ofGroup name: String) -> [String] {
        var chain = [name]
        while let parent = Self.groupParents.first(where: { $0.0 == chain.last! })?.1 { chain.append(parent) }
        return chain
    }

    func regionChain(_ code: String) -> [String] {
        var chain = [code]
        while let parent = Self.regions.byCode[chain.last!]?.parentCode { chain.append(parent) }
        return chain
    }

    /// Recipients and exclusions by brute force, straight from the semantics in TargetingRequest.
    func expected(_ r: TargetingRequest) -> (recipients: Set<Recipient>, exclusions: Set<Exclusion>) {
        let names = Dictionary(uniqueKeysWithValues: groupIDs.map { ($1, $0) })
        let selected = Set(r.rule.groupIDs.compactMap { names[$0] })
        let subscribedGroups = Set(Self.groupSubscriptions.filter { ($0.1 == nil || $0.1 == r.hazardCode) && r.level.isAtLeast($0.2) }.map(\.0))
        let resolver = CarrierResolver(ported: ported)
        var recipients: Set<Recipient> = []
        var exclusions: Set<Exclusion> = []
        for p in people {
            let chains = p.groups.map(ancestors(ofGroup:))
            let bySubscription = r.rule.useHazardSubscriptions && (chains.contains { !subscribedGroups.isDisjoint(with: $0) }
                || p.subscriptions.contains { ($0.0 == nil || $0.0 == r.hazardCode) && r.level.isAtLeast($0.1) })
            let byGroup = chains.contains { !selected.isDisjoint(with: $0) }
            let inArea = p.region.map { code in r.areaCodes.contains { regionChain(code).contains($0) || regionChain($0).contains(code) } } ?? true
            let byRuleRegion = p.region.map { code in !r.rule.regionCodes.isDisjoint(with: regionChain(code)) } ?? false
            guard ((bySubscription || byGroup) && inArea) || byRuleRegion || r.rule.contactIDs.contains(p.id) else { continue }
            var contactReason: ExclusionReason?
            let contact = Contact(name: p.name, numbers: [], validFrom: p.validFrom, validUntil: p.validUntil, quietHours: p.quiet)
            if r.rule.excludedContactIDs.contains(p.id) { contactReason = .explicitlyExcluded }
            else if let from = p.validFrom, r.sendTime < from { contactReason = .notYetValid }
            else if !contact.isValid(at: r.sendTime) { contactReason = .expired }
            else if let q = p.quiet, !q.allows(r.level, atMinuteOfDay: r.localMinuteOfDay) { contactReason = .quietHours }
            for raw in p.numbers {
                let valid = try? PhoneNumber(parsing: raw)
                if let contactReason {
                    exclusions.insert(Exclusion(number: valid, contactID: p.id, reason: contactReason))
                } else if let valid {
                    if let carrier = resolver.carrier(for: valid) {
                        recipients.insert(Recipient(number: valid, carrier: carrier, contactID: p.id))
                    } else {
                        exclusions.insert(Exclusion(number: valid, contactID: p.id, reason: .unknownCarrier))
                    }
                } else {
                    exclusions.insert(Exclusion(number: nil, contactID: p.id, reason: .invalidNumber))
                }
            }
        }
        return (recipients, exclusions)
    }
}

import Foundation
import Testing
import TocsinCore

@Suite struct TargetingValueTests {
    @Test func carrierLookupAgreesWithTheResolver() throws {
        let ported: [PhoneNumber: Carrier] = [PhoneNumber(canonical: "13800138000"): .chinaUnicom, PhoneNumber(canonical: "14000000000"): .chinaTelecom]
        let resolver = CarrierResolver(ported: ported)
        let lookup = CarrierLookup(resolver)
        // Every 4-digit prefix, a few numbers each, plus the ported ones.
        var keys: [UInt64] = ported.keys.map(\.key)
        for p in UInt64(1300)...1999 { keys += [p * 10_000_000, p * 10_000_000 + 1_234_567, p * 10_000_000 + 9_999_999] }
        for key in keys {
            #expect(lookup.carrier(forKey: key) == resolver.carrier(for: PhoneNumber(canonical: String(key))), "\(key)")
        }
        #expect(lookup.carrier(forKey: 13490001234) == .chinaTelecom) // 1349 beats 134
        #expect(lookup.carrier(forKey: 12345) == nil)
        #expect(lookup.carrier(forKey: 20_000_000_000) == nil)
    }

    @Test func etaIsTheSlowestCarrierPlusOverhead() {
        let capacity = LinkCapacity(submitsPerSecond: [.chinaMobile: 500, .chinaUnicom: 200], fixedOverhead: .seconds(5))
        #expect(capacity.eta(for: [.chinaMobile: 100_000, .chinaUnicom: 20_000]) == .seconds(205)) // 200 s vs 100 s
        #expect(capacity.eta(for: [:]) == .zero)
        #expect(capacity.eta(for: [.chinaMobile: 0]) == .zero)
        #expect(capacity.eta(for: [.chinaTelecom: 1]) == nil) // no capacity configured
        let twoParts = LinkCapacity(submitsPerSecond: [.chinaMobile: 500], fixedOverhead: .zero, segmentsPerMessage: 2)
        #expect(twoParts.eta(for: [.chinaMobile: 1_000]) == .seconds(4))
        let reach = Reach(recipientsByCarrier: [.chinaMobile: 500, .chinaUnicom: 0], excludedByReason: [.quietHours: 3], capacity: capacity)
        #expect(reach.recipientsByCarrier == [.chinaMobile: 500])
        #expect(reach.recipients == 500 && reach.excluded == 3)
        #expect(reach.eta == .seconds(6))
    }

    @Test func localMinuteIsBeijingTime() {
        let noonUTC = Date(timeIntervalSince1970: 1_800_000_000 - 8 * 3600 + 4 * 3600) // 04:00 UTC = 12:00 Beijing
        let r = TargetingRequest(hazardCode: "11B03", level: .blue, areaCodes: [], rule: TargetingRule(), sendTime: noonUTC)
        #expect(r.localMinuteOfDay == 12 * 60)
        var late = r
        late.sendTime = Date(timeIntervalSince1970: 1_800_000_000 + 8 * 3600 - 60) // 23:59 Beijing
        #expect(late.localMinuteOfDay == 23 * 60 + 59)
    }

    @Test func scopeExpandsGroupsRegionsAndSubscriptions() {
        let groups = [ContactGroup(id: 1, name: "防汛"), ContactGroup(id: 2, name: "海淀防汛", parentID: 1),
                      ContactGroup(id: 3, name: "中关村防汛", parentID: 2), ContactGroup(id: 4, name: "气象")]
        let subs = [Subscription(subject: .group(2), hazardCode: "11B03", minimumLevel: .orange),
                    Subscription(subject: .group(4), hazardCode: nil, minimumLevel: .blue),
                    Subscription(subject: .contact(9), hazardCode: nil, minimumLevel: .blue)]
        let regions = RegionCatalogue.beijing
        func scope(_ level: WarningLevel, _ area: [String], _ rule: TargetingRule = TargetingRule()) -> TargetingScope {
            TargetingScope(request: TargetingRequest(hazardCode: "11B03", level: level, areaCodes: area, rule: rule, sendTime: Date()),
                           regions: regions, groups: groups, groupSubscriptions: subs)
        }
        // Sub-groups inherit the subscription of 海淀防汛; the parent does not.
        #expect(scope(.red, ["110108"]).memberGroupIDs == [2, 3, 4])
        #expect(scope(.yellow, ["110108"]).memberGroupIDs == [4])
        #expect(scope(.red, ["110108"]).areaRegionCodes == ["110108", "110000"]) // the district and the city above it
        #expect(scope(.red, ["110000"]).areaRegionCodes == nil) // everywhere: no restriction
        let groupSend = scope(.red, ["110105"], TargetingRule(useHazardSubscriptions: false, groupIDs: [1], regionCodes: ["110000"]))
        #expect(groupSend.memberGroupIDs == [1, 2, 3])
        #expect(!groupSend.useOwnSubscriptions)
        #expect(groupSend.ruleRegionCodes.count == regions.all.count)
        #expect(scope(.red, ["110000"], TargetingRule(useHazardSubscriptions: false)).selectsNobody)
    }
}

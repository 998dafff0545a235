/// A `TargetingRequest` expanded against the small catalogues (regions, groups, group
/// subscriptions) into the plain id and code sets a store query needs. Pure; see
/// `TargetingRequest` for the semantics it implements.
public struct TargetingScope: Sendable, Hashable {
    public var request: TargetingRequest
    /// Groups whose members are selected by paths 1–2, area-limited: the groups with a matching
    /// subscription and their sub-groups (when subscriptions are used), plus the rule's groups and
    /// their sub-groups. Empty when neither applies.
    public var memberGroupIDs: Set<Int64>
    /// Whether contacts' own subscriptions select them (path 1, area-limited).
    public var useOwnSubscriptions: Bool
    /// The region codes of the area (warned regions, their descendants and their ancestors), or nil
    /// when the area covers every region of the catalogue (no restriction needed). Contacts without
    /// a region are always in the area.
    public var areaRegionCodes: Set<String>?
    /// `rule.regionCodes` and their descendants (path 3).
    public var ruleRegionCodes: Set<String>
    /// `rule.contactIDs` (path 4).
    public var explicitContactIDs: Set<Int64>
    public var excludedContactIDs: Set<Int64>

    /// Expands `request`. `groupSubscriptions` may hold every subscription: only group ones are used
    /// here (contacts' own subscriptions are matched by the store). Unknown region codes select
    /// nothing; they are not an error here (the warning was validated against the catalogue).
    public init(request: TargetingRequest, regions: RegionCatalogue, groups: [ContactGroup], groupSubscriptions: [Subscription]) {
        self.request = request
        let rule = request.rule
        let children = Dictionary(grouping: groups.filter { $0.id != nil && $0.parentID != nil }, by: { $0.parentID! })
        func withSubGroups(_ roots: some Sequence<Int64>) -> Set<Int64> {
            var result: Set<Int64> = []
            var stack = Array(roots)
            while let g = stack.popLast() {
                guard result.insert(g).inserted else { continue } // cycles cannot loop
                stack.append(contentsOf: (children[g] ?? []).compactMap(\.id))
            }
            return result
        }
        var groupIDs = withSubGroups(rule.groupIDs)
        if rule.useHazardSubscriptions {
            let subscribed = groupSubscriptions.compactMap { s -> Int64? in
                guard case .group(let g) = s.subject, s.matches(hazardCode: request.hazardCode, level: request.level) else { return nil }
                return g
            }
            groupIDs.formUnion(withSubGroups(subscribed))
        }
        memberGroupIDs = groupIDs
        useOwnSubscriptions = rule.useHazardSubscriptions

        var area: Set<String> = []
        for code in request.areaCodes where regions.byCode[code] != nil {
            area.formUnion(regions.descendants(of: code))
            var parent = regions.byCode[code]?.parentCode
            while let p = parent, area.insert(p).inserted { parent = regions.byCode[p]?.parentCode }
        }
        areaRegionCodes = area.isSuperset(of: regions.byCode.keys) ? nil : area
        ruleRegionCodes = rule.regionCodes.reduce(into: Set<String>()) { set, code in
            if regions.byCode[code] != nil { set.formUnion(regions.descendants(of: code)) }
        }
        explicitContactIDs = rule.contactIDs
        excludedContactIDs = rule.excludedContactIDs
    }

    /// True when no path can select anyone (no store query is needed).
    public var selectsNobody: Bool {
        !useOwnSubscriptions && memberGroupIDs.isEmpty && ruleRegionCodes.isEmpty && explicitContactIDs.isEmpty
    }
}

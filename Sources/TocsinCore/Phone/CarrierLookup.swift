/// A `CarrierResolver` compiled for bulk use over numbers held as integers (`PhoneNumber.key`):
/// a 10 000-entry table by 4-digit prefix (3-digit segments fanned out, 4-digit ones win) and the
/// ported overrides by key. Same answers as the resolver; no string work per number.
public struct CarrierLookup: Sendable {
    private var byPrefix4: [Carrier?]
    private var ported: [UInt64: Carrier]

    public init(_ resolver: CarrierResolver) {
        var table = [Carrier?](repeating: nil, count: 10_000)
        let entries = resolver.segments.entries.values
        for e in entries where e.prefix.count == 3 {
            guard let p = Int(e.prefix) else { continue }
            for d in 0..<10 { table[p * 10 + d] = e.carrier }
        }
        for e in entries where e.prefix.count == 4 {
            if let p = Int(e.prefix) { table[p] = e.carrier }
        }
        byPrefix4 = table
        ported = Dictionary(resolver.ported.map { ($0.key.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether `key` is an 11-digit number starting 13–19 (the shape `PhoneNumber` accepts).
    public static func isMobileKey(_ key: UInt64) -> Bool { (13_000_000_000...19_999_999_999).contains(key) }

    /// The carrier of a number given as its integer key; nil for an unallocated segment.
    public func carrier(forKey key: UInt64) -> Carrier? {
        if !ported.isEmpty, let c = ported[key] { return c }
        return segmentCarrier(forKey: key)
    }

    /// The segment's carrier only (no ported override).
    public func segmentCarrier(forKey key: UInt64) -> Carrier? {
        guard Self.isMobileKey(key) else { return nil }
        return byPrefix4[Int(key / 10_000_000)]
    }

    /// The segment's carrier for a 4-digit prefix (1300…1999).
    public func segmentCarrier(forPrefix4 p: Int) -> Carrier? {
        (0..<10_000).contains(p) ? byPrefix4[p] : nil
    }

    /// The ported override of a number, if any.
    public func portedCarrier(forKey key: UInt64) -> Carrier? { ported[key] }
}

/// Comparison whose running time does not depend on where two byte strings differ, so an
/// attacker timing responses learns nothing about a stored hash (OWASP ASVS V2.4, V6.2).
public enum ConstantTime {
    /// True when `a` and `b` are equal. Lengths are not secret here (hashes have fixed lengths);
    /// every byte of equal-length inputs is always examined.
    public static func equals<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool where A.Element == UInt8, B.Element == UInt8 {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}

/// A byte comparison used by `PasswordHasher`; injectable so tests can prove the constant-time
/// one is used.
public typealias ByteComparator = @Sendable ([UInt8], [UInt8]) -> Bool

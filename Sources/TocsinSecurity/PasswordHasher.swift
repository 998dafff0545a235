import Crypto
import Foundation
import TocsinCore
import _CryptoExtras

/// Slow, salted password hashing: PBKDF2-HMAC-SHA256 with a 16-byte random salt and a 32-byte
/// output, stored as a self-describing PHC-style string
/// `$pbkdf2-sha256$i=600000$<salt base64>$<hash base64>`, so the iteration count can be raised
/// later: old hashes still verify and `needsRehash` says when to re-hash at the next login.
///
/// 600 000 iterations is the OWASP Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA256
/// (ASVS 4.0.3 V2.4.2 requires ≥ 100 000); PBKDF2 was chosen over scrypt because it needs no
/// memory budget on a small shared server and is FIPS-approved.
public struct PasswordHasher: Sendable {
    public static let defaultIterations = 600_000
    public static let scheme = "pbkdf2-sha256"
    /// The iteration count for new hashes.
    public var iterations: Int
    let compare: ByteComparator

    /// - Parameters:
    ///   - iterations: for new hashes; tests may lower it, production should not.
    ///   - compare: how derived and stored hashes are compared (constant time by default).
    public init(iterations: Int = PasswordHasher.defaultIterations, compare: @escaping ByteComparator = { ConstantTime.equals($0, $1) }) {
        self.iterations = iterations
        self.compare = compare
    }

    /// A new encoded hash of `password` with a fresh random salt.
    public func hash(_ password: String) throws -> String {
        let salt = SecretGenerator.randomBytes(16)
        let derived = try Self.derive(password, salt: salt, iterations: iterations)
        return "$\(Self.scheme)$i=\(iterations)$\(Data(salt).base64EncodedString())$\(Data(derived).base64EncodedString())"
    }

    /// Whether `password` matches `encoded`. The comparison takes the same time wherever the bytes
    /// differ. A malformed `encoded` never matches.
    public func verify(_ password: String, against encoded: String) -> Bool {
        guard let parsed = Self.parse(encoded), let derived = try? Self.derive(password, salt: parsed.salt, iterations: parsed.iterations) else {
            return false
        }
        return compare(derived, parsed.hash)
    }

    /// True when `encoded` was made with fewer iterations (or another scheme) than this hasher uses.
    public func needsRehash(_ encoded: String) -> Bool {
        guard let parsed = Self.parse(encoded) else { return true }
        return parsed.iterations < iterations
    }

    /// Spends the same time as a real verification, for logins with an unknown user name (so the
    /// response time does not reveal whether the name exists).
    public func burn(_ password: String) {
        _ = try? Self.derive(password, salt: Array(repeating: 0, count: 16), iterations: iterations)
    }

    static func derive(_ password: String, salt: [UInt8], iterations: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256,
                                                    outputByteCount: 32, unsafeUncheckedRounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }

    static func parse(_ encoded: String) -> (iterations: Int, salt: [UInt8], hash: [UInt8])? {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == scheme, parts[2].hasPrefix("i="),
              let iterations = Int(parts[2].dropFirst(2)), iterations >= 1,
              let salt = Data(base64Encoded: String(parts[3])), let hash = Data(base64Encoded: String(parts[4])), hash.count == 32
        else { return nil }
        return (iterations, Array(salt), Array(hash))
    }
}

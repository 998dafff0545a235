import Crypto
import Foundation
import TocsinCore

/// Random secrets: session ids, API tokens and generated passwords, from the system CSPRNG.
public enum SecretGenerator {
    /// `count` random bytes.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    /// A URL-safe token of 32 random bytes (256 bits) with a readable prefix, e.g. `tcs_…`.
    public static func token(prefix: String) -> String {
        let b64 = Data(randomBytes(32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return prefix + b64
    }

    /// The stored form of a session id or API token: SHA-256, lower-case hex. A fast hash is
    /// enough because the secrets carry 256 bits of entropy (unlike passwords).
    public static func digest(_ secret: String) -> String {
        Hex.encode(SHA256.hash(data: Array(secret.utf8)))
    }

    /// A password that satisfies `policy`: at least `max(policy.minimumLength, 20)` characters
    /// with every character class, without look-alike characters (0/O, 1/l/I).
    public static func password(for policy: PasswordPolicy) -> String {
        let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ"), lower = Array("abcdefghijkmnopqrstuvwxyz"),
            digits = Array("23456789"), symbols = Array("!#%&*+-=?@_")
        let all = upper + lower + digits + symbols
        let length = max(policy.minimumLength, 20)
        var rng = SystemRandomNumberGenerator()
        while true {
            var chars = [upper, lower, digits, symbols].map { $0.randomElement(using: &rng)! }
            while chars.count < length { chars.append(all.randomElement(using: &rng)!) }
            chars.shuffle(using: &rng)
            let candidate = String(chars)
            if policy.violations(of: candidate).isEmpty { return candidate }
        }
    }
}

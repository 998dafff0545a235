import Foundation
import Testing
import TocsinCore
@testable import TocsinSecurity

@Suite struct PasswordHasherTests {
    @Test func roundTripWithDefaultParameters() throws {
        let hasher = PasswordHasher()
        let encoded = try hasher.hash(goodPassword)
        #expect(encoded.hasPrefix("$pbkdf2-sha256$i=600000$"))
        #expect(!encoded.contains(goodPassword))
        #expect(hasher.verify(goodPassword, against: encoded))
        #expect(!hasher.verify(goodPassword + "x", against: encoded))
        #expect(!hasher.needsRehash(encoded))
    }

    @Test func saltMakesEveryHashDifferent() throws {
        let a = try fastHasher.hash(goodPassword), b = try fastHasher.hash(goodPassword)
        #expect(a != b)
        #expect(fastHasher.verify(goodPassword, against: a) && fastHasher.verify(goodPassword, against: b))
        let salt = try #require(PasswordHasher.parse(a)?.salt)
        #expect(salt.count == 16)
    }

    @Test func wrongPasswordAndMalformedHashesNeverMatch() throws {
        let encoded = try fastHasher.hash(goodPassword)
        #expect(!fastHasher.verify("Correct-Horse-42-Batterz", against: encoded))
        for bad in ["", "plain", "$pbkdf2-sha256$i=0$AAAA$AAAA", "$md5$i=1000$AAAA$AAAA", String(encoded.dropLast(4))] {
            #expect(!fastHasher.verify(goodPassword, against: bad), "\(bad)")
        }
    }

    @Test func parametersTravelWithTheHashAndCanBeRaised() throws {
        let old = try PasswordHasher(iterations: 1_000).hash(goodPassword)
        let stronger = PasswordHasher(iterations: 2_000)
        #expect(stronger.verify(goodPassword, against: old), "old hashes keep verifying")
        #expect(stronger.needsRehash(old))
        #expect(!stronger.needsRehash(try stronger.hash(goodPassword)))
    }

    @Test func verificationUsesTheConstantTimeComparison() throws {
        final class Spy: @unchecked Sendable {
            var calls = 0
        }
        let spy = Spy()
        let hasher = PasswordHasher(iterations: 1_000) { a, b in
            spy.calls += 1
            return ConstantTime.equals(a, b)
        }
        let encoded = try hasher.hash(goodPassword)
        #expect(hasher.verify(goodPassword, against: encoded))
        #expect(!hasher.verify("nope", against: encoded))
        #expect(spy.calls == 2, "every verification goes through the injected comparison")
        // The default comparison is ConstantTime.equals, which examines every byte.
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([9, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2], [1, 2, 3]))
    }

    @Test func generatedPasswordsComply() {
        for _ in 0..<50 {
            let p = SecretGenerator.password(for: PasswordPolicy())
            #expect(PasswordPolicy().violations(of: p).isEmpty, "\(p)")
            #expect(p.count >= 20)
        }
    }

    @Test func tokensAreLongRandomAndStoredAsDigests() {
        let a = SecretGenerator.token(prefix: "tcs_"), b = SecretGenerator.token(prefix: "tcs_")
        #expect(a != b && a.hasPrefix("tcs_") && a.count == 4 + 43)
        #expect(SecretGenerator.digest(a).count == 64 && SecretGenerator.digest(a) != a)
    }
}

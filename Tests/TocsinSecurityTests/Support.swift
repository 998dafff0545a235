import Foundation
import TocsinCore
import TocsinSecurity
import TocsinStorage

/// A wall clock the test moves by hand.
final class ManualWallClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date
    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { instant = start }
    func now() -> Date { lock.withLock { instant } }
    func advance(_ seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }
}

/// Cheap hashing so policy tests run fast; `PasswordHasherTests` covers the real parameters.
let fastHasher = PasswordHasher(iterations: 1_000)
let goodPassword = "Correct-Horse-42-Battery"

func service(_ store: Store, clock: ManualWallClock) -> AccountService {
    AccountService(store: store, hasher: fastHasher, clock: clock)
}

/// A user with a password of their own choosing (not admin-set), ready to log in.
@discardableResult
func readyUser(_ s: AccountService, _ name: String = "alice", roles: Set<Role> = [.author], password: String = goodPassword) async throws -> UserAccount {
    let admin = "Admin-Set-Password-99!"
    _ = try await s.addUser(name: name, roles: try RoleSet(roles), password: admin, actor: "cli:root", source: "cli")
    try await s.changePassword(name: name, current: admin, new: password, source: "10.0.0.1")
    return try await s.store.user(named: name)!
}

/// Runs `body` and returns the `SecurityError` it threw (nil when it did not throw one).
func securityError(_ body: () async throws -> Void) async -> SecurityError? {
    do { try await body() } catch let e as SecurityError { return e } catch { return nil }
    return nil
}

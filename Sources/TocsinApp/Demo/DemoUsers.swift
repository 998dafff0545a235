import Foundation
import TocsinCore
import TocsinSecurity
import TocsinStorage

/// The demo's users, one per role (two reviewers, because red warnings need two approvals by
/// default). Passwords are generated to the password policy, printed once when created, and kept
/// in `demo-logins.txt` (mode 600) beside the demo database so a second run can point at them —
/// a convenience of the demo only; real users are created with `tocsin user add`.
enum DemoUsers {
    struct Login: Sendable {
        var name: String
        var role: Role
        var password: String
    }

    static let people: [(name: String, role: Role)] = [
        ("zhang.bianji", .author), ("li.shenhe", .reviewer), ("wang.shenhe", .reviewer),
        ("zhao.tongxunlu", .addressBookAdmin), ("chen.yunwei", .operator), ("sun.xitong", .systemAdmin),
        ("zhou.anquan", .securityAdmin), ("wu.shenji", .auditAdmin),
    ]

    /// Creates the missing demo users, ready to log in (no forced change: the demo prints their
    /// passwords instead). Returns the logins created now (empty when they all existed) and the
    /// path of the logins file.
    static func ensure(store: Store, directory: String, policy: SecurityPolicy = SecurityPolicy()) async throws -> (created: [Login], file: String) {
        let file = (directory as NSString).appendingPathComponent("demo-logins.txt")
        var created: [Login] = []
        let hasher = PasswordHasher()
        for person in people where try await store.user(named: person.name) == nil {
            let password = SecretGenerator.password(for: policy.password)
            let now = Date()
            _ = try await store.createUser(
                name: person.name, roles: try RoleSet([person.role]), passwordHash: try hasher.hash(password), mustChangePassword: false, at: now,
                audit: [AuditEvent(at: now, actor: "cli:demo", action: "user.create", target: "user:\(person.name)", source: "cli",
                                   detail: "{\"roles\":\"\(person.role.rawValue)\",\"demo\":true}")])
            created.append(Login(name: person.name, role: person.role, password: password))
        }
        if !created.isEmpty {
            var text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? "# Tocsin demo logins (demo only; delete this file in any real setup)\n"
            for login in created { text += "\(login.name)\t\(login.role.rawValue)\t\(login.password)\n" }
            FileManager.default.createFile(atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        }
        return (created, file)
    }
}

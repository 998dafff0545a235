import ArgumentParser
import Foundation
import TocsinCore
import TocsinSecurity
import TocsinStorage

/// `tocsin token …`: API tokens for machine clients.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "API tokens for other systems (shown once, stored hashed).",
                                                    subcommands: [Create.self, Revoke.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token for a machine client and print it once.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "Who uses it, e.g. national-platform.") var name: String
        @Option(help: "Comma-separated roles (not the admin roles).") var roles: String
        @Option(help: "Days until it expires (default: never).") var expiresDays: Int?

        func run() async throws {
            let roleSet: RoleSet
            do { roleSet = try RoleSet(parsing: roles) } catch { throw ValidationError(error.message) }
            let expires = expiresDays.map { Date().addingTimeInterval(Double($0) * 86400) }
            let (token, secret) = try await withStore(db) {
                try await AccountService(store: $0).createToken(name: name, roles: roleSet, expiresAt: expires, actor: CLIActor.name, source: CLIActor.source)
            }
            print("token #\(token.id) \(token.name) (\(token.roles))\(expires.map { ", expires \($0)" } ?? "")")
            print("secret (shown once, send as `Authorization: Bearer …`): \(secret)")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token at once.")
        @OptionGroup var db: DatabaseOptions
        @Argument var id: Int64
        func run() async throws {
            try await withStore(db) { try await AccountService(store: $0).revokeToken(id: id, actor: CLIActor.name, source: CLIActor.source) }
            print("token #\(id) revoked")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")
        @OptionGroup var db: DatabaseOptions
        func run() async throws {
            let now = Date()
            try await withStore(db) { store in
                for t in try await store.tokens() {
                    let state = t.revokedAt.map { "revoked \($0)" } ?? (t.isActive(at: now) ? "active" : "expired")
                    print("#\(t.id)\t\(t.name)\t\(t.roles)\tby \(t.createdBy)\t\(state)")
                }
            }
        }
    }
}

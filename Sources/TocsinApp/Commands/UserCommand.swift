import ArgumentParser
import Foundation
import TocsinCore
import TocsinSecurity
import TocsinStorage

/// `tocsin user …`: accounts, roles, passwords and locks (the security admin's work).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Users, roles and passwords (security admin).",
                                                    subcommands: [Add.self, Passwd.self, Roles.self, Lock.self, Unlock.self, List.self])

    static func service(_ store: Store) -> AccountService { AccountService(store: store) }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user; the password is read without echo (or from a pipe), or --generate'd and printed once.")
        @OptionGroup var db: DatabaseOptions
        @Argument var name: String
        @Option(help: "Comma-separated: \(Role.allCases.map(\.rawValue).joined(separator: ", ")). The three admin roles exclude each other.") var roles: String
        @Flag(help: "Generate a compliant password and print it once.") var generate = false

        func run() async throws {
            let roleSet: RoleSet
            do { roleSet = try RoleSet(parsing: roles) } catch { throw ValidationError(error.message) }
            let password = generate ? nil : try PasswordInput.read(prompt: "password for \(name): ")
            let result = try await withStore(db) { try await service($0).addUser(name: name, roles: roleSet, password: password, actor: CLIActor.name, source: CLIActor.source) }
            print("user \(result.user.name) created with roles \(result.user.roles); the password must be changed at first login")
            if let generated = result.generatedPassword { print("password (shown once): \(generated)") }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password (they must change it at next login), or with --own change your own.")
        @OptionGroup var db: DatabaseOptions
        @Argument var name: String
        @Flag(help: "Generate a compliant password and print it once.") var generate = false
        @Flag(help: "Change your own password: asks for the current one first.") var own = false

        func run() async throws {
            if own {
                let current = try PasswordInput.read(prompt: "current password: ", confirm: false)
                let new = try PasswordInput.read(prompt: "new password: ")
                try await withStore(db) { try await service($0).changePassword(name: name, current: current, new: new, source: CLIActor.source) }
                print("password of \(name) changed")
                return
            }
            let password = generate ? nil : try PasswordInput.read(prompt: "new password for \(name): ")
            let generated = try await withStore(db) { try await service($0).resetPassword(name: name, password: password, actor: CLIActor.name, source: CLIActor.source) }
            print("password of \(name) set; it must be changed at next login; \(name)'s sessions were ended")
            if let generated { print("password (shown once): \(generated)") }
        }
    }

    struct Roles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a user's roles.")
        @OptionGroup var db: DatabaseOptions
        @Argument var name: String
        @Option(help: "Comma-separated roles.") var roles: String
        func run() async throws {
            let roleSet: RoleSet
            do { roleSet = try RoleSet(parsing: roles) } catch { throw ValidationError(error.message) }
            try await withStore(db) { try await service($0).setRoles(name: name, roles: roleSet, actor: CLIActor.name, source: CLIActor.source) }
            print("\(name) now has roles \(roleSet)")
        }
    }

    struct Lock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lock a user out (ends their sessions).")
        @OptionGroup var db: DatabaseOptions
        @Argument var name: String
        func run() async throws {
            try await withStore(db) { try await service($0).setLocked(name: name, true, actor: CLIActor.name, source: CLIActor.source) }
            print("\(name) locked")
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unlock a user (also ends a failed-login lockout).")
        @OptionGroup var db: DatabaseOptions
        @Argument var name: String
        func run() async throws {
            try await withStore(db) { try await service($0).setLocked(name: name, false, actor: CLIActor.name, source: CLIActor.source) }
            print("\(name) unlocked")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users with roles and status.")
        @OptionGroup var db: DatabaseOptions
        func run() async throws {
            let policy = SecurityPolicy()
            let now = Date()
            try await withStore(db) { store in
                for u in try await store.users() {
                    var status: [String] = []
                    if u.disabled { status.append("locked by admin") }
                    if policy.lockout.isLocked(u.login, now: now) { status.append("locked after failures until \(u.login.lockedUntil!)") }
                    if u.mustChangePassword { status.append("must change password") }
                    if policy.password.isExpired(changedAt: u.passwordChangedAt, now: now) { status.append("password expired") }
                    let age = Int(now.timeIntervalSince(u.passwordChangedAt) / 86400)
                    print("\(u.name)\t\(u.roles)\tpassword \(age) d old\t\(status.isEmpty ? "active" : status.joined(separator: ", "))")
                }
            }
        }
    }
}

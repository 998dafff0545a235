import Foundation

/// What a user (or an API token) may be: the working roles of the warning centre and the three
/// separated administrators of MLPS level 3 (GB/T 22239-2019 §8.1.4.2, 三员分立).
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case author
    case reviewer
    case addressBookAdmin = "address_book_admin"
    case `operator`
    case systemAdmin = "system_admin"
    case securityAdmin = "security_admin"
    case auditAdmin = "audit_admin"

    public var description: String { rawValue }

    public var nameZH: String {
        switch self {
        case .author: "编辑"
        case .reviewer: "审核"
        case .addressBookAdmin: "通讯录管理员"
        case .operator: "运维"
        case .systemAdmin: "系统管理员"
        case .securityAdmin: "安全管理员"
        case .auditAdmin: "审计管理员"
        }
    }

    /// The three administrator roles, which no account may combine.
    public static let administrators: Set<Role> = [.systemAdmin, .securityAdmin, .auditAdmin]

    /// What the role grants. The audit admin only reads the audit trail; nobody may delete it.
    public var permissions: Set<Permission> {
        switch self {
        case .author: [.draftWarning]
        case .reviewer: [.reviewWarning]
        case .addressBookAdmin: [.editAddressBook]
        case .operator: [.operateCarriers, .operateBackups]
        case .systemAdmin: [.configureSystem]
        case .securityAdmin: [.manageUsers, .configureSecurity]
        case .auditAdmin: [.readAudit]
        }
    }

    /// Accepts `author`, `address_book_admin`, `address-book-admin` or `addressBookAdmin`.
    public init?(token: String) {
        let t = token.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        if let r = Role(rawValue: t) { self = r; return }
        guard let r = Role.allCases.first(where: { "\($0)".lowercased() == t || $0.nameZH == token }) else { return nil }
        self = r
    }
}

/// One thing a caller may be allowed to do.
public enum Permission: String, Sendable, Hashable, Codable, CaseIterable {
    case draftWarning = "warning.draft"
    case reviewWarning = "warning.review"
    case editAddressBook = "address_book.edit"
    case operateCarriers = "carriers.operate"
    case operateBackups = "backups.operate"
    case configureSystem = "system.configure"
    case manageUsers = "users.manage"
    case configureSecurity = "security.configure"
    case readAudit = "audit.read"
}

/// A validated set of roles: not empty, and at most one of the three administrator roles
/// (separation of duties).
public struct RoleSet: Sendable, Hashable, Codable, CustomStringConvertible {
    public let roles: Set<Role>

    /// Throws `.roleConflict` when empty or when two administrator roles are combined.
    public init(_ roles: Set<Role>) throws(SecurityError) {
        guard !roles.isEmpty else { throw SecurityError(.roleConflict, "give at least one role (\(Role.allCases.map(\.rawValue).joined(separator: ", ")))") }
        let admins = roles.intersection(Role.administrators)
        if admins.count > 1 {
            let names = admins.map(\.rawValue).sorted().joined(separator: " and ")
            throw SecurityError(.roleConflict, "\(names) cannot be held by one account: the system, security and audit administrators must be different people (separation of duties); create one account per administrator")
        }
        self.roles = roles
    }

    /// Parses a comma-separated list such as `author,reviewer`.
    public init(parsing list: String) throws(SecurityError) {
        var set: Set<Role> = []
        for part in list.split(separator: ",") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let r = Role(token: String(part)) else {
                throw SecurityError(.roleConflict, "unknown role '\(part)'; roles are \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            set.insert(r)
        }
        try self.init(set)
    }

    public var permissions: Set<Permission> { roles.reduce(into: []) { $0.formUnion($1.permissions) } }
    public func allows(_ permission: Permission) -> Bool { permissions.contains(permission) }
    public func contains(_ role: Role) -> Bool { roles.contains(role) }
    /// Sorted, comma-separated: the storage and display form.
    public var description: String { roles.map(\.rawValue).sorted().joined(separator: ",") }
}

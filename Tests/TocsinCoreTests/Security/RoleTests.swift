import Testing
import TocsinCore

@Suite struct RoleTests {
    @Test func workingRolesCombine() throws {
        let set = try RoleSet(parsing: "author, reviewer,address-book-admin,operator")
        #expect(set.roles.count == 4)
        #expect(set.allows(.draftWarning) && set.allows(.reviewWarning) && set.allows(.editAddressBook))
        #expect(set.description == "address_book_admin,author,operator,reviewer")
    }

    @Test(arguments: [
        [Role.systemAdmin, .securityAdmin], [.systemAdmin, .auditAdmin], [.securityAdmin, .auditAdmin], [.systemAdmin, .securityAdmin, .auditAdmin],
    ])
    func threeAdministratorsAreSeparated(roles: [Role]) {
        let error = #expect(throws: SecurityError.self) { try RoleSet(Set(roles)) }
        #expect(error?.code == .roleConflict)
        #expect(error?.message.contains("separation of duties") == true)
    }

    @Test func anAdministratorMayAlsoHoldWorkingRoles() throws {
        #expect(try RoleSet([.securityAdmin, .operator]).allows(.manageUsers))
    }

    @Test func auditAdminReadsTheTrailAndConfiguresNothing() throws {
        let audit = try RoleSet([.auditAdmin])
        #expect(audit.allows(.readAudit))
        for p in Permission.allCases where p != .readAudit { #expect(!audit.allows(p), "\(p)") }
        #expect(!(try RoleSet([.systemAdmin])).allows(.readAudit))
        #expect(!(try RoleSet([.securityAdmin])).allows(.readAudit))
    }

    @Test func unknownAndEmptyRolesAreRefused() {
        #expect(throws: SecurityError.self) { try RoleSet(parsing: "author,root") }
        #expect(throws: SecurityError.self) { try RoleSet(parsing: "") }
        #expect(Role(token: "审核") == .reviewer)
    }
}

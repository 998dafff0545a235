import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
import TocsinStorage
import TocsinTestSupport
@testable import TocsinWeb

/// Contacts are keyset-paged and searchable; export streams the filter and is audited.
@Suite struct ConsoleAddressBookTests {
    @Test(arguments: TestEngine.available)
    func contactsPageByKeysetSearchAndExport(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine) { h, client in
            let writes = (1...120).map { i in
                ContactWrite(existingID: nil, record: ContactRecord(contact: Contact(name: i % 10 == 0 ? "张伟\(i)" : "李娜\(i)", title: "", regionCode: "110105",
                                                                                     note: "", numbers: [PhoneNumber(canonical: "1380000\(String(format: "%04d", i))")]),
                                                                    organisationName: "", groupNames: []),
                             groupIDs: [], source: "test")
            }
            try await h.store.saveContacts(writes, actor: "test", now: h.clock.now())
            let ab = try await h.login(client, "abadmin")
            let first = String(buffer: try await h.get(client, "/console/contacts", ab).body)
            let next = try #require(ConsoleHarness.capture(first, #"href="(/console/contacts\?after=\d+)""#))
            #expect(first.contains("李娜1<") && !first.contains("李娜51<"))
            let second = String(buffer: try await h.get(client, next, ab).body)
            #expect(second.contains("李娜51<") && !second.contains("李娜1<"))
            let search = String(buffer: try await h.get(client, "/console/contacts?q=%E5%BC%A0%E4%BC%9F", ab).body)
            #expect(search.contains("张伟10<") && !search.contains("李娜"))
            let byNumber = String(buffer: try await h.get(client, "/console/contacts?q=13800000007", ab).body)
            #expect(byNumber.contains("李娜7<") && !byNumber.contains("李娜8<"))
            let csv = String(buffer: try await h.get(client, "/console/contacts/export.csv?q=%E5%BC%A0%E4%BC%9F", ab).body)
            #expect(csv.split(separator: "\r\n").count == 13)
            let exports = try await h.store.auditRecords(after: 0, limit: 10_000, actionPrefix: "contacts.export")
            #expect(exports.count == 1 && exports.first?.event.actor == "abadmin")
        }
    }

    @Test func usersPageAddsAUserWithAGeneratedPasswordShownOnce() async throws {
        try await ConsoleHarness.run(.sqlite) { h, client in
            let sec = try await h.login(client, "secadmin")
            let r = try await h.post(client, "/console/users", sec, [("name", "newbie"), ("role", "author")], csrf: sec.csrf)
            #expect(r.status == .ok)
            #expect(String(buffer: r.body).contains("class=\"secret\""))
            #expect(try await h.store.user(named: "newbie")?.mustChangePassword == true)
            let conflict = try await h.post(client, "/console/users", sec, [("name", "boss"), ("role", "security_admin"), ("role", "audit_admin")], csrf: sec.csrf)
            #expect(conflict.status == .unprocessableContent)
            #expect(try await h.store.user(named: "boss") == nil)
            let audit = try await h.login(client, "auditadmin")
            let verify = try await h.post(client, "/console/audit/verify", audit, [], csrf: audit.csrf)
            #expect(String(buffer: verify.body).contains("审计链完整"))
        }
    }
}

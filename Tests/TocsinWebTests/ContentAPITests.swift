import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
import TocsinStorage
@testable import TocsinWeb

/// What authors and reviewers look at: catalogues, templates, SMS preview, lint and reach.
@Suite struct ContentAPITests {
    static func contact(_ name: String, _ numbers: [String], region: String) throws -> ContactWrite {
        let c = Contact(name: name, regionCode: region, numbers: try numbers.map { try PhoneNumber(parsing: $0) })
        return ContactWrite(existingID: nil, record: ContactRecord(contact: c, organisationName: "", groupNames: []), groupIDs: [], source: "test")
    }

    @Test func previewLintAndReachOfAStoredWarning() async throws {
        try await WebHarness.run { harness, client in
            try await harness.store.saveContacts([try Self.contact("王伟", ["13800138000", "18612345678"], region: "110105"),
                                                  try Self.contact("李娜", ["13312345678"], region: "110108")], actor: "t", now: WebHarness.t0)
            let alice = try await harness.session("alice", [.author])
            let created = try await client.call(.post, "/api/v1/warnings", alice, json: WarningAPITests.yellowDraft)
            let id = try FollowUpAPITests.newID(created)

            let preview = try await client.call(.get, "/api/v1/warnings/\(id)/preview", alice)
            #expect((preview.object["text"] as? String)?.hasPrefix("【北京市预警信息发布中心】北京市气象台") == true)
            #expect(preview.object["encoding"] as? String == "ucs2")
            #expect(((preview.object["perCarrier"] as? [String: Any])?["unicom"] as? [String: Any])?["protocolName"] as? String == "SGIP")

            let lint = try await client.call(.get, "/api/v1/warnings/\(id)/lint", alice)
            let findings = try #require(try JSONSerialization.jsonObject(with: Data(lint.body.readableBytesView)) as? [[String: Any]])
            #expect(!findings.contains { $0["severity"] as? String == "error" }, "the standard template must lint clean: \(findings)")

            // Targeting defaults to the warned region (朝阳 110105): one contact, two numbers.
            let reach = try await client.call(.get, "/api/v1/warnings/\(id)/reach?sendTime=2024-07-30T06:00:00Z", alice)
            #expect(reach.object["recipients"] as? Int == 2, "\(reach.text)")
            #expect(reach.object["recipientsByCarrier"] as? [String: Int] == ["mobile": 1, "unicom": 1])
            #expect((reach.object["etaSeconds"] as? Double ?? 0) > 5)
            let badTime = try await client.call(.get, "/api/v1/warnings/\(id)/reach?sendTime=tomorrow", alice)
            #expect(badTime.status == .unprocessableContent && badTime.errorCode == "invalid_value")
        }
    }

    @Test func cataloguesTemplatesAndUnsavedText() async throws {
        try await WebHarness.run { harness, client in
            let bob = try await harness.session("bob", [.reviewer])
            let hazards = try await client.call(.get, "/api/v1/catalogues/hazards", bob)
            #expect(hazards.text.contains("\"code\":\"11B03\""))
            #expect(try await client.call(.get, "/api/v1/catalogues/levels", bob).text.contains("红色"))
            #expect(try await client.call(.get, "/api/v1/catalogues/regions", bob).text.contains("朝阳区"))
            let template = try await client.call(.get, "/api/v1/templates/11B03/red", bob)
            #expect((template.object["smsText"] as? String)?.contains("{region}") == true)
            #expect(try await client.call(.get, "/api/v1/templates/11B03/purple", bob).errorCode == "invalid_value")
            #expect(try await client.call(.get, "/api/v1/templates", bob).status == .ok)

            let preview = try await client.call(.post, "/api/v1/preview", bob, json: "{\"text\":\"hello\",\"signature\":\"[T]\"}")
            #expect(preview.object["text"] as? String == "[T]hello" && preview.object["encoding"] as? String == "ascii")
            let mismatch = WarningAPITests.yellowDraft.replacingOccurrences(of: "}", with: ",\"smsText\":\"朝阳区暴雨红色预警\"}")
            let lint = try await client.call(.post, "/api/v1/lint", bob, json: mismatch)
            #expect(lint.text.contains("level_word"), "\(lint.text)")
        }
    }
}

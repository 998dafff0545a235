import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
import TocsinTestSupport
@testable import TocsinWeb

/// An import port that records what it was given and answers a dry-run report with one bad row.
final class RecordingImport: ContactImportPort, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var calls: [(name: String, bytes: Int, dryRun: Bool, actor: String)] = []

    func importContacts(_ data: Data, fileName: String, dryRun: Bool, skipInvalid: Bool, actor: String) async throws -> ContactImportSummary {
        lock.withLock { calls.append((fileName, data.count, dryRun, actor)) }
        return ContactImportSummary(rows: 2, created: 1, updated: 0, unchanged: 0, rejected: 1,
                                    problems: [ContactImportProblem(row: 3, column: "B", message: "13 is not an 11-digit mobile number")],
                                    committed: false, dryRun: dryRun)
    }
}

@Suite struct ConsoleImportTests {
    @Test func multipartUploadReachesTheImporterAndRowErrorsAreShown() async throws {
        let importer = RecordingImport()
        try await ConsoleHarness.run(.sqlite, contactImport: importer) { h, client in
            let ab = try await h.login(client, "abadmin")
            let csv = "姓名,手机号\n张三,13800138000\n李四,13\n"
            func body(csrf: String) -> String {
                let b = "----tocsinboundary"
                return "--\(b)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n"
                    + "--\(b)\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\n1\r\n"
                    + "--\(b)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(b)--\r\n"
            }
            let headers: HTTPFields = [.cookie: ab.cookie, .contentType: "multipart/form-data; boundary=----tocsinboundary"]
            let refused = try await client.execute(uri: "/console/contacts/import", method: .post, headers: headers, body: ByteBuffer(string: body(csrf: "nope")))
            #expect(refused.status == .forbidden)
            #expect(importer.calls.isEmpty)
            let r = try await client.execute(uri: "/console/contacts/import", method: .post, headers: headers, body: ByteBuffer(string: body(csrf: ab.csrf)))
            #expect(r.status == .ok)
            let html = String(buffer: r.body)
            #expect(html.contains("试运行结果") && html.contains("13 is not an 11-digit mobile number"))
            #expect(importer.calls.count == 1)
            #expect(importer.calls.first?.name == "people.csv" && importer.calls.first?.bytes == csv.utf8.count)
            #expect(importer.calls.first?.dryRun == true && importer.calls.first?.actor == "abadmin")
            #expect(try await h.get(client, "/console/contacts/import", try await h.login(client, "author")).status == .forbidden)
        }
    }
}

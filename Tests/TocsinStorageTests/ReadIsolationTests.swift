import Foundation
import SQLKit
import Testing
import TocsinTestSupport
@testable import TocsinStorage

/// A long read (targeting a large warning) must not hide what is committed while it runs from the
/// other reads: on SQLite it gets its own connection, so a login made meanwhile is seen at once.
/// SQLite only: on PostgreSQL every statement has its own snapshot, and this test's way of holding
/// a read open (blocking the row callback) would block an event loop there.
@Suite struct ReadIsolationTests {
    @Test func aLongReadDoesNotHideNewWrites() async throws {
        try await withTestStore(.sqlite) { store in
            try await store.transaction { db in
                for name in ["a", "b", "c"] { try await db.raw("INSERT INTO contact_groups (name, description) VALUES (\(bind: name), '')").run() }
            }
            // The long read stops on its first row (blocking one thread of NIO's pool, never a
            // thread of Swift's cooperative pool) until the test has written and read.
            let midway = AsyncStream<Void>.makeStream()
            let resume = DispatchSemaphore(value: 0)
            let first = NSLock()
            nonisolated(unsafe) var isFirst = true
            let long = Task {
                try await store.forEachIntegerRow("SELECT id AS a, id AS b, id AS c FROM contact_groups", columns: ("a", "b", "c")) { _, _, _ in
                    if first.withLock({ defer { isFirst = false }; return isFirst }) {
                        midway.continuation.yield()
                        _ = resume.wait(timeout: .now() + 10)
                    }
                }
            }
            for await _ in midway.stream { break }
            try await store.transaction { db in
                try await db.raw("INSERT INTO contact_groups (name, description) VALUES ('new', '')").run()
            }
            let seen = try await store.groups().map(\.name)
            resume.signal()
            try await long.value
            #expect(seen.contains("new"), "a read during the long read saw \(seen.sorted())")
        }
    }
}

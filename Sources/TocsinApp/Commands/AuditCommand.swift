import ArgumentParser
import Foundation
import TocsinCore
import TocsinStorage

/// `tocsin audit …`: the tamper-evident audit trail (the audit admin's work). Reading it is
/// itself recorded.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Read and verify the audit trail (audit admin).",
                                                    subcommands: [Verify.self, List.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Recompute the HMAC chain; name every changed, missing or inserted record. Exit status 1 when broken.")
        @OptionGroup var db: DatabaseOptions
        func run() async throws {
            let report = try await withStore(db) { store in
                let report = try await store.verifyAudit()
                do {
                    try await store.appendAudit([AuditEvent(at: Date(), actor: CLIActor.name, action: "audit.verify", target: "audit_log", source: CLIActor.source,
                                                            result: report.isIntact ? .success : .failure,
                                                            detail: "{\"checked\":\(report.checked),\"problems\":\(report.problems.count)}")])
                } catch {
                    // The verdict matters more than recording that it was asked for (e.g. with the wrong key).
                    FileHandle.standardError.write(Data("note: this verification could not be recorded in the audit trail: \(error)\n".utf8))
                }
                return report
            }
            print("checked \(report.checked) records; head: record \(report.head.lastID), MAC \(report.head.lastMAC.prefix(16))…, key \(report.head.keyID)")
            if report.isIntact {
                print("audit chain intact")
            } else {
                for p in report.problems { print("BROKEN \(p.kind.rawValue): \(p)") }
                throw ExitCode(1)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print audit records in order.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Start after this record id.") var after: Int64 = 0
        @Option var limit = 100
        @Option(help: "Only this actor.") var actor: String?
        @Option(help: "Only actions starting with this, e.g. login or user.") var action: String?

        func run() async throws {
            let records = try await withStore(db) { store in
                let records = try await store.auditRecords(after: after, limit: limit, actor: actor, actionPrefix: action)
                try await store.appendAudit([AuditEvent(at: Date(), actor: CLIActor.name, action: "audit.list", target: "audit_log", source: CLIActor.source,
                                                        detail: "{\"after\":\(after),\"count\":\(records.count)}")])
                return records
            }
            let f = ISO8601DateFormatter()
            for r in records {
                let e = r.event
                print("#\(r.id)\t\(f.string(from: e.at))\t\(e.actor)\t\(e.action)\t\(e.target)\t\(e.source)\t\(e.result.rawValue)\t\(e.detail)")
            }
        }
    }
}

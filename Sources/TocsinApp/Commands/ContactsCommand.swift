import ArgumentParser
import Foundation
import TocsinCore
import TocsinStorage

struct ContactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contacts", abstract: "The address book (通讯录).",
                                                    subcommands: [Import.self, Export.self, List.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import contacts from .csv or .xlsx: every row is checked first; nothing is imported if any row is rejected, unless --skip-invalid.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The .csv (UTF-8) or .xlsx file.") var file: String
        @Flag(help: "Show what would change (new, updated, unchanged, rejected) without changing anything.") var dryRun = false
        @Flag(help: "Import the valid rows even if some rows are rejected.") var skipInvalid = false
        @Option(help: "Who is importing (recorded in the change log).") var actor = NSUserName()

        func run() async throws {
            let report = try await withStore(db) { store in
                let bar = ProgressBar("importing")
                let r = try await ContactImporter(store: store).run(try openTabular(path: file), label: URL(fileURLWithPath: file).lastPathComponent,
                                                                    options: ImportOptions(dryRun: dryRun, skipInvalid: skipInvalid, actor: actor),
                                                                    progress: { bar.update($0, $1) })
                bar.finish()
                return r
            }
            for p in report.problems { print("rejected \(p)") }
            if report.rejected > report.problems.count { print("… and \(report.rejected - report.problems.count) more rejected rows") }
            let counts = "\(report.created) new, \(report.updated) updated, \(report.unchanged) unchanged, \(report.rejected) rejected (\(report.rows) rows)"
            if report.dryRun {
                print("dry run: would import \(counts); nothing changed")
            } else if report.committed {
                print("imported: \(counts)")
            } else {
                let good = report.created + report.updated + report.unchanged
                print("nothing imported: \(report.rejected) of \(report.rows) rows rejected; fix them, or use --skip-invalid to import the other \(good) (\(report.created) new, \(report.updated) updated, \(report.unchanged) unchanged)")
                throw ExitCode(1)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export contacts to .csv or .xlsx (the columns the importer reads).")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "Output file, .csv or .xlsx.") var file: String
        @Option(help: "Only this group (name).") var group: String?
        @Option(help: "Only this region (code or name) and its sub-regions.") var region: String?

        func run() async throws {
            let n = try await withStore(db) { store in
                let filter = try await ContactsCommand.filter(store, group: group, region: region)
                return try await ContactExporter(store: store).export(to: file, filter: filter)
            }
            print("exported \(n) contacts to \(file)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List contacts (numbers masked unless --show-numbers).")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Name starts with (e.g. a surname).") var name: String?
        @Option(help: "Group name.") var group: String?
        @Option(help: "Region code or name (includes sub-regions).") var region: String?
        @Option(help: "Number prefix, e.g. 138.") var number: String?
        @Flag(help: "Only temporary users (with a validity window).") var temporary = false
        @Option(help: "Start after this contact id (paging).") var after: Int64 = 0
        @Option(help: "At most this many.") var limit = 50
        @Flag(help: "Print full numbers.") var showNumbers = false

        func run() async throws {
            try await withStore(db) { store in
                var filter = try await ContactsCommand.filter(store, group: group, region: region)
                filter.namePrefix = name
                filter.numberPrefix = number
                filter.temporaryOnly = temporary
                let now = Date()
                let page = try await store.contacts(matching: filter, afterID: after, limit: limit)
                for r in page {
                    let c = r.contact
                    let numbers = c.numbers.map { showNumbers ? $0.digits : $0.masked }.joined(separator: ";")
                    var line = "#\(c.id ?? 0)\t\(c.name)\t\(numbers)\t\(r.organisationName)\t\(c.regionCode ?? "-")\t\(r.groupNames.joined(separator: ";"))"
                    if c.isTemporary { line += c.isValid(at: now) ? "\ttemporary" : "\texpired" }
                    print(line)
                }
                if page.count == limit, let last = page.last?.contact.id { print("… more: --after \(last)") }
            }
        }
    }

    static func filter(_ store: Store, group: String?, region: String?) async throws -> ContactFilter {
        var f = ContactFilter()
        if let group {
            guard let g = try await store.groups().first(where: { $0.name == group }) else { throw ValidationError("unknown group '\(group)'") }
            f.groupID = g.id
        }
        if let region {
            let catalogue = try await store.regions()
            guard let r = catalogue.find(region) else { throw ValidationError("unknown region '\(region)'") }
            f.regionCodes = catalogue.descendants(of: r.code)
        }
        return f
    }
}

import ArgumentParser
import Foundation
import TocsinCore
import TocsinStorage

struct GroupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "groups", abstract: "Contact groups (群组).", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a group.")
        @OptionGroup var db: DatabaseOptions
        @Argument var name: String
        @Option(help: "Parent group name.") var parent: String?
        @Option var description = ""
        @Option var actor = NSUserName()

        func run() async throws {
            let g = try await withStore(db) { store in
                var parentID: Int64?
                if let parent {
                    guard let p = try await store.groups().first(where: { $0.name == parent }) else { throw ValidationError("unknown parent group '\(parent)'") }
                    parentID = p.id
                }
                return try await store.createGroup(ContactGroup(name: name, parentID: parentID, description: description), actor: actor, now: Date())
            }
            print("group #\(g.id ?? 0) \(g.name) created")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List groups.")
        @OptionGroup var db: DatabaseOptions
        func run() async throws {
            try await withStore(db) { store in
                for g in try await store.groups() { print("#\(g.id ?? 0)\t\(g.name)\t\(g.description)") }
            }
        }
    }
}

struct NumbersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "numbers", abstract: "Phone numbers: carrier lookup and ported-number overrides (携号转网).",
                                                    subcommands: [Carrier.self, Port.self])

    struct Carrier: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Normalise a number and show its carrier.")
        @OptionGroup var db: DatabaseOptions
        @Argument var number: String
        func run() async throws {
            let n: PhoneNumber
            do { n = try PhoneNumber(parsing: number) } catch { throw ValidationError(error.message) }
            let carrier = try await withStore(db) { try await $0.carrierResolver().carrier(for: n) }
            print("\(n.digits)\t\(carrier.map { "\($0.rawValue) (\($0.nameZH))" } ?? "unknown segment")")
        }
    }

    struct Port: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that a number moved to another carrier (or --clear the override).")
        @OptionGroup var db: DatabaseOptions
        @Argument var number: String
        @Option(help: "mobile, unicom, telecom or broadnet") var carrier: String?
        @Flag var clear = false
        @Option var actor = NSUserName()
        func run() async throws {
            let n: PhoneNumber
            do { n = try PhoneNumber(parsing: number) } catch { throw ValidationError(error.message) }
            var target: TocsinCore.Carrier?
            if !clear {
                guard let c = carrier.flatMap(TocsinCore.Carrier.init(token:)) else { throw ValidationError("give --carrier mobile|unicom|telecom|broadnet, or --clear") }
                target = c
            }
            try await withStore(db) { try await $0.setPorted(n, to: target, actor: actor, now: Date()) }
            print(target.map { "\(n.masked) now routed to \($0.rawValue)" } ?? "\(n.masked): override removed")
        }
    }
}

struct CatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "catalogue", abstract: "Load catalogues from CSV files: regions (code,name,parent_code), hazards (code,name,category,note), segments (prefix,carrier,note).")
    @OptionGroup var db: DatabaseOptions
    @Argument(help: "regions, hazards or segments") var kind: String
    @Argument var file: String
    @Option var actor = NSUserName()

    func run() async throws {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch { throw ValidationError("cannot read \(file) as UTF-8 text") }
        try await withStore(db) { store in
            do {
                switch kind {
                case "regions": try await store.loadRegions(try RegionCatalogue(csv: text), actor: actor, now: Date())
                case "hazards": try await store.loadHazards(try HazardCatalogue(csv: text), actor: actor, now: Date())
                case "segments": try await store.loadSegments(try NumberSegmentTable(csv: text), actor: actor, now: Date())
                default: throw ValidationError("kind must be regions, hazards or segments")
                }
            } catch let e as DomainError { throw ValidationError("\(file): \(e.message)") }
        }
        print("loaded \(kind) from \(file)")
    }
}

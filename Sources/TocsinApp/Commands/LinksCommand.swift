import ArgumentParser
import CarrierGateway

struct LinksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "links", abstract: "Carrier link configuration.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate a links file and show the links (secrets never shown).")
        @Argument(help: "The links JSON file.") var file: String

        func run() async throws {
            let links: LinksFile
            do { links = try LinksFile(path: file) } catch let e as ConfigError {
                for p in e.problems { print("error: \(p)") }
                throw ExitCode(1)
            }
            for l in links.links { print(l.description) }
            print("\(links.links.count) link(s) OK")
        }
    }
}

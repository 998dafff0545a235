import ArgumentParser

/// The `tocsin` command line.
public struct TocsinCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tocsin",
        abstract: "Tocsin — emergency-warning SMS dissemination (12379-style).",
        subcommands: [DemoCommand.self, MigrateCommand.self, ContactsCommand.self, GroupsCommand.self, NumbersCommand.self,
                      CatalogueCommand.self, UserCommand.self, TokenCommand.self, AuditCommand.self, LinksCommand.self, SimulateCommand.self, BenchCommand.self,
                      ConsoleCommand.self]
    )
    public init() {}
}

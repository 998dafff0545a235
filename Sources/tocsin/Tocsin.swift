import ArgumentParser
import TocsinApp

/// The executable's entry point: the command tree lives in TocsinApp (so tests can reach it);
/// `@main` on an `AsyncParsableCommand` runs async subcommands.
@main
struct Tocsin: AsyncParsableCommand {
    static let configuration = TocsinCommand.configuration
}

import ArgumentParser

public struct TocsinCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "tocsin", abstract: "Emergency-warning SMS dissemination platform.")
    public init() {}
    public func run() async throws { print("tocsin") }
}

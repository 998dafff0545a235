import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a password for the CLI: from a terminal with a prompt and without echo (asked twice),
/// or as one line from standard input when it is a pipe (`… | tocsin user add NAME`).
enum PasswordInput {
    static func read(prompt: String, confirm: Bool = true) throws -> String {
        guard isatty(STDIN_FILENO) != 0 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("no password on standard input; pipe one line, run in a terminal, or use --generate")
            }
            return line
        }
        let first = try readHidden(prompt)
        if confirm {
            guard try readHidden("again: ") == first else { throw ValidationError("the two passwords differ; nothing was changed") }
        }
        return first
    }

    private static func readHidden(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password entered") }
        return line
    }
}

/// How CLI commands act in the audit trail: `cli:OSUSER` from `cli`. Whoever runs the CLI with
/// the database URL and the audit key is the operating-system administrator of the deployment.
struct CLIActor {
    static var name: String { "cli:\(NSUserName())" }
    static let source = "cli"
}

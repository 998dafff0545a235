import Hummingbird

/// An error the console answers with its own page: a status, a title and a message from the
/// label table (or a message written for the person, e.g. from a domain error).
struct ConsoleError: Error, Sendable {
    var status: HTTPResponse.Status
    var titleKey: String
    var messageKey: String?
    var message: String?

    init(_ status: HTTPResponse.Status, titleKey: String, messageKey: String? = nil, message: String? = nil) {
        self.status = status
        self.titleKey = titleKey
        self.messageKey = messageKey
        self.message = message
    }

    static func notFound() -> ConsoleError { ConsoleError(.notFound, titleKey: "error_not_found_title", messageKey: "error_not_found_message") }
    static func badInput(_ message: String) -> ConsoleError { ConsoleError(.unprocessableContent, titleKey: "error_input_title", message: message) }
}

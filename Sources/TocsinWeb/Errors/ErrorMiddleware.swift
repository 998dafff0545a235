import Hummingbird
import Logging

/// Turns every error into the JSON error body with its status. Errors the mapping does not know
/// are answered 500 `internal_error` with the request id, and logged (never with request bodies).
public struct ErrorMiddleware: RouterMiddleware {
    public typealias Context = TocsinRequestContext
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let mapped = ErrorMapping.apiError(for: error) { return mapped.response() }
            context.logger.error("request failed", metadata: ["http.path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            return APIError(.internalServerError, code: "internal_error",
                            message: "the server failed to answer (request \(context.id)); an operator can find the cause in the log").response()
        }
    }
}

import Foundation
import Hummingbird
import TocsinCore

/// Small helpers every route file uses: JSON out, optional JSON in, typed path and query values
/// with errors that say which value is wrong.
enum RouteSupport {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// `value` as a JSON response.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Decodes the body as `T`, or returns `empty` when there is no body (POST actions whose
    /// fields are all optional).
    static func optionalBody<T: Decodable>(_ request: Request, context: TocsinRequestContext, as: T.Type, empty: T) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return empty }
        return try context.requestDecoder.decode(T.self, from: Data(buffer.readableBytesView))
    }

    /// Allows authors and reviewers (the readers of warnings); refuses anyone else with an
    /// audited `.forbidden`.
    static func requireReader(_ context: TocsinRequestContext, _ services: WebServices) async throws {
        let caller = try context.caller()
        if !WarningService.readers.contains(where: caller.principal.roles.allows) {
            try await services.authorise(context, WarningService.readers[0], target: "warnings")
        }
    }

    /// The `:id` path parameter as a warning identifier (422 `invalid_identifier` otherwise).
    static func warningID(_ context: TocsinRequestContext) throws -> WarningIdentifier {
        let text = context.parameters.get("id") ?? ""
        return try WarningIdentifier(parsing: text)
    }

    /// An integer query value, or `fallback` when absent.
    static func int(_ request: Request, _ name: String, default fallback: Int) throws -> Int {
        guard let text = request.uri.queryParameters.get(name) else { return fallback }
        guard let value = Int(text) else { throw DomainError(.invalidValue, "query parameter '\(name)' must be a whole number, got '\(text)'") }
        return value
    }

    /// An optional ISO 8601 instant in the query.
    static func date(_ request: Request, _ name: String) throws -> Date? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw DomainError(.invalidValue, "query parameter '\(name)' must be an ISO 8601 time such as 2024-07-30T14:00:00+08:00, got '\(text)'")
        }
        return date
    }
}

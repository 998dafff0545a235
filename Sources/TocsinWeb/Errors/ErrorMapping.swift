import Hummingbird
import TocsinCore
import TocsinStorage

/// Maps the codes of the domain, security and storage errors to HTTP statuses. The code and
/// message pass through unchanged: they were written for a person to act on.
enum ErrorMapping {
    static func apiError(for error: any Error) -> APIError? {
        switch error {
        case let e as APIError: return e
        case let e as DomainError: return APIError(status(e.code), code: e.code.rawValue, message: e.message)
        case let e as SecurityError: return apiError(e)
        case let e as StorageError: return APIError(status(e.code), code: e.code.rawValue, message: e.message)
        case let e as HTTPError: return httpError(e)
        case is DecodingError: return APIError(.badRequest, code: "invalid_body", message: "the request body is not the JSON this endpoint expects: \(describe(error as! DecodingError))")
        default: return nil
        }
    }

    static func status(_ code: DomainError.Code) -> HTTPResponse.Status {
        switch code {
        case .notFound: .notFound
        case .selfApproval, .selfReview, .notAuthor: .forbidden
        case .conflict, .invalidTransition, .duplicateReviewer, .warningExpired, .notYetExpired, .identifierExhausted: .conflict
        case .dispatchNotConfigured: .serviceUnavailable
        default: .unprocessableContent
        }
    }

    static func status(_ code: StorageError.Code) -> HTTPResponse.Status {
        switch code {
        case .notFound: .notFound
        case .conflict, .staleVersion: .conflict
        default: .serviceUnavailable
        }
    }

    static func apiError(_ e: SecurityError) -> APIError {
        let status: HTTPResponse.Status = switch e.code {
        case .invalidCredentials, .sessionExpired, .invalidToken: .unauthorized
        case .forbidden, .passwordChangeRequired: .forbidden
        case .accountLocked: .init(code: 423, reasonPhrase: "Locked")
        case .userExists: .conflict
        case .unknownUser, .unknownToken: .notFound
        case .auditKey: .serviceUnavailable
        default: .unprocessableContent
        }
        var headers: HTTPFields = [:]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"tocsin\"" }
        return APIError(status, code: e.code.rawValue, message: e.message, headers: headers)
    }

    static func httpError(_ e: HTTPError) -> APIError {
        switch e.status {
        case .notFound: APIError(.notFound, code: "no_such_endpoint", message: "there is no such endpoint; see GET /api/v1/openapi.json")
        case .methodNotAllowed: APIError(.methodNotAllowed, code: "method_not_allowed", message: "this endpoint does not accept that method; see GET /api/v1/openapi.json")
        case .badRequest: APIError(.badRequest, code: "invalid_body", message: "the request is not what this endpoint expects: \(e.body ?? "unreadable JSON")")
        case .contentTooLarge: APIError(.contentTooLarge, code: "body_too_large", message: "the request body is too large")
        default: APIError(e.status, code: "http_\(e.status.code)", message: e.body ?? e.status.reasonPhrase)
        }
    }

    static func describe(_ e: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            c.codingPath.isEmpty ? "the body" : "field '\(c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "."))'"
        }
        switch e {
        case .keyNotFound(let key, let c): return "\(path(c)) misses '\(key.stringValue)'"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(path(c)) has the wrong type (\(c.debugDescription))"
        case .dataCorrupted(let c): return "\(path(c)): \(c.debugDescription)"
        @unknown default: return "unreadable"
        }
    }
}

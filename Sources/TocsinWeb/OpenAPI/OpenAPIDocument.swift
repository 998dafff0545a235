import Foundation
import TocsinCore

/// The OpenAPI 3.0 document of the API, built from `operations`. Each operation states who may
/// call it (`x-tocsin-access`: `public`, `authenticated`, or the permissions of which one is
/// needed), which the router walk test checks against the server's answers.
enum OpenAPIDocument {
    /// The document as JSON (keys sorted, so it is stable).
    static func json(version: String) throws -> Data {
        var paths: [String: [String: Any]] = [:]
        for op in operations {
            paths[op.path, default: [:]][op.method] = operation(op)
        }
        let document: [String: Any] = [
            "openapi": "3.0.3",
            "info": ["title": "Tocsin API", "version": version,
                     "description": "Emergency-warning SMS platform: drafting, review, dispatch, audit. Errors are {\"error\": {\"code\", \"message\"}}."],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": ["securitySchemes": ["session": ["type": "apiKey", "in": "cookie", "name": "tocsin_session"],
                                               "token": ["type": "http", "scheme": "bearer", "description": "API token tcs_…"]],
                           "schemas": OpenAPISchemas.all],
            "security": [["session": [String]()], ["token": [String]()]],
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    static func operation(_ op: APIOperation) -> [String: Any] {
        var o: [String: Any] = ["summary": op.summary, "tags": [op.tag], "operationId": operationID(op)]
        switch op.access {
        case .public:
            o["security"] = [[String: Any]]()
            o["x-tocsin-access"] = "public"
        case .authenticated:
            o["x-tocsin-access"] = "authenticated"
        case .anyOf(let permissions):
            o["x-tocsin-access"] = permissions.map(\.rawValue)
        }
        var parameters: [[String: Any]] = pathParameters(op.path).map { ["name": $0, "in": "path", "required": true, "schema": ["type": "string"]] }
        parameters += op.query.map { ["name": $0, "in": "query", "required": false, "schema": ["type": "string"]] }
        if !parameters.isEmpty { o["parameters"] = parameters }
        if let body = op.requestSchema {
            o["requestBody"] = ["required": body != "ActionRequest",
                                "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(body)"]]]]
        }
        var success: [String: Any] = ["description": op.status == 204 ? "done" : "success"]
        if let schema = op.responseSchema {
            success["content"] = ["application/json": ["schema": ["$ref": "#/components/schemas/\(schema)"]]]
        }
        let error: [String: Any] = ["description": "error", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
        var responses: [String: Any] = ["\(op.status)": success, "default": error]
        if case .public = op.access {} else { responses["401"] = error }
        if case .anyOf = op.access { responses["403"] = error }
        o["responses"] = responses
        return o
    }

    /// `{id}` and the like, in order.
    static func pathParameters(_ path: String) -> [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { String($0.dropFirst().dropLast()) }
    }

    static func operationID(_ op: APIOperation) -> String {
        op.method + op.path.split(separator: "/").dropFirst(2).map { part in
            let clean = part.replacingOccurrences(of: "{", with: "by_").replacingOccurrences(of: "}", with: "")
                .replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_")
            return clean.prefix(1).uppercased() + clean.dropFirst()
        }.joined()
    }
}

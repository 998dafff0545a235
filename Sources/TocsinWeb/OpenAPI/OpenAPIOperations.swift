import TocsinCore

/// One operation of the API as the OpenAPI document describes it. Written by hand, apart from
/// the router, so that `OpenAPIRouteTests` comparing the two can catch a route added to one and
/// forgotten in the other.
struct APIOperation: Sendable {
    enum Access: Sendable {
        /// No authentication (health, login).
        case `public`
        /// Any authenticated caller.
        case authenticated
        /// A caller whose roles grant one of these permissions.
        case anyOf([Permission])
    }

    var method: String
    var path: String
    var summary: String
    var tag: String
    var access: Access
    var requestSchema: String?
    var status: Int
    var responseSchema: String?
    var query: [String]

    init(_ method: String, _ path: String, _ summary: String, tag: String, _ access: Access, body: String? = nil, status: Int = 200,
         returns: String? = nil, query: [String] = []) {
        self.method = method
        self.path = path
        self.summary = summary
        self.tag = tag
        self.access = access
        self.requestSchema = body
        self.status = status
        self.responseSchema = returns
        self.query = query
    }
}

extension OpenAPIDocument {
    static let draft: APIOperation.Access = .anyOf([.draftWarning])
    static let review: APIOperation.Access = .anyOf([.reviewWarning])
    static let read: APIOperation.Access = .anyOf([.draftWarning, .reviewWarning])
    static let users: APIOperation.Access = .anyOf([.manageUsers])
    static let audit: APIOperation.Access = .anyOf([.readAudit])

    /// Every operation the server implements.
    static let operations: [APIOperation] = [
        .init("get", "/healthz", "Liveness, database and dispatch status", tag: "health", .public, returns: "Health"),
        .init("post", "/api/v1/auth/login", "Log in with name and password; sets the tocsin_session cookie", tag: "auth", .public, body: "Login", returns: "Me"),
        .init("post", "/api/v1/auth/password", "Change one's own password (proves the current one)", tag: "auth", .public, body: "PasswordChange", status: 204),
        .init("post", "/api/v1/auth/logout", "End the session", tag: "auth", .authenticated, status: 204),
        .init("get", "/api/v1/auth/me", "Who am I: name, roles, permissions", tag: "auth", .authenticated, returns: "Me"),
        .init("get", "/api/v1/openapi.json", "This document", tag: "meta", .authenticated),

        .init("get", "/api/v1/users", "List users", tag: "users", users, returns: "UserList"),
        .init("post", "/api/v1/users", "Add a user (password generated when omitted; must be changed at first login)", tag: "users", users, body: "NewUser", status: 201, returns: "CreatedUser"),
        .init("post", "/api/v1/users/{name}/lock", "Lock a user (ends their sessions)", tag: "users", users, status: 204),
        .init("post", "/api/v1/users/{name}/unlock", "Unlock a user (also ends a failed-login lockout)", tag: "users", users, status: 204),
        .init("put", "/api/v1/users/{name}/roles", "Replace a user's roles", tag: "users", users, body: "Roles", status: 204),
        .init("get", "/api/v1/tokens", "List API tokens", tag: "tokens", users, returns: "TokenList"),
        .init("post", "/api/v1/tokens", "Create an API token (secret shown once)", tag: "tokens", users, body: "NewToken", status: 201, returns: "CreatedToken"),
        .init("delete", "/api/v1/tokens/{id}", "Revoke an API token", tag: "tokens", users, status: 204),

        .init("get", "/api/v1/catalogues/hazards", "Hazard types (GB/T 35561)", tag: "catalogues", .authenticated, returns: "ObjectList"),
        .init("get", "/api/v1/catalogues/levels", "Warning levels", tag: "catalogues", .authenticated, returns: "ObjectList"),
        .init("get", "/api/v1/catalogues/regions", "Regions (GB/T 2260)", tag: "catalogues", .authenticated, returns: "ObjectList"),
        .init("get", "/api/v1/templates", "Every template (hazard × level)", tag: "templates", read, returns: "ObjectList"),
        .init("get", "/api/v1/templates/{hazard}/{level}", "The template of one hazard × level", tag: "templates", read, returns: "Template"),
        .init("post", "/api/v1/preview", "The SMS a text becomes: signature, encoding, length, segments per carrier", tag: "templates", read, body: "PreviewRequest", returns: "Preview"),
        .init("post", "/api/v1/lint", "Lint findings for draft input that is not stored", tag: "templates", read, body: "DraftInput", returns: "LintList"),

        .init("post", "/api/v1/warnings", "Create a draft (texts from the template unless given)", tag: "warnings", draft, body: "DraftInput", status: 201, returns: "Warning"),
        .init("get", "/api/v1/warnings", "List warnings, newest write first", tag: "warnings", read, returns: "WarningPage", query: ["state", "author", "limit", "offset"]),
        .init("get", "/api/v1/review-queue", "Warnings waiting for review, longest waiting first", tag: "warnings", review, returns: "WarningPage", query: ["limit", "offset"]),
        .init("get", "/api/v1/warnings/{id}", "One warning", tag: "warnings", read, returns: "Warning"),
        .init("put", "/api/v1/warnings/{id}", "Edit one's own draft", tag: "warnings", draft, body: "EditRequest", returns: "Warning"),
        .init("post", "/api/v1/warnings/{id}/submit", "Submit a draft for review (author)", tag: "review", draft, body: "ActionRequest", returns: "Outcome"),
        .init("post", "/api/v1/warnings/{id}/approve", "Approve (reviewer, never the author; red needs two reviewers)", tag: "review", review, body: "ActionRequest", returns: "Outcome"),
        .init("post", "/api/v1/warnings/{id}/reject", "Reject back to draft with a mandatory comment", tag: "review", review, body: "ActionRequest", returns: "Outcome"),
        .init("post", "/api/v1/warnings/{id}/withdraw", "Withdraw before sending (author)", tag: "review", draft, body: "ActionRequest", returns: "Outcome"),
        .init("post", "/api/v1/warnings/{id}/update", "Create an update: a new draft referencing this warning", tag: "review", draft, status: 201, returns: "Warning"),
        .init("post", "/api/v1/warnings/{id}/cancel", "Create a cancellation (解除): a new draft referencing this warning", tag: "review", draft, status: 201, returns: "Warning"),
        .init("get", "/api/v1/warnings/{id}/history", "Every write of the warning, oldest first", tag: "warnings", read, returns: "ObjectList"),
        .init("get", "/api/v1/warnings/{id}/reach", "Recipients per carrier, exclusions per reason, ETA", tag: "warnings", read, returns: "Reach", query: ["sendTime"]),
        .init("get", "/api/v1/warnings/{id}/preview", "The SMS as recipients get it", tag: "warnings", read, returns: "Preview"),
        .init("get", "/api/v1/warnings/{id}/lint", "Content lint findings", tag: "warnings", read, returns: "LintList"),
        .init("get", "/api/v1/warnings/{id}/progress", "Dispatch progress (503 when dispatch is not configured)", tag: "dispatch", read, returns: "Object"),
        .init("get", "/api/v1/warnings/{id}/ledger", "Per-recipient ledger page, numbers masked", tag: "dispatch", read, returns: "LedgerPage", query: ["after", "limit"]),
        .init("get", "/api/v1/warnings/{id}/ledger.csv", "The whole ledger as CSV, numbers masked", tag: "dispatch", read, query: ["limit"]),

        .init("get", "/api/v1/audit", "Audit records in id order (reading is recorded)", tag: "audit", audit, returns: "ObjectList", query: ["after", "limit", "actor", "action"]),
        .init("post", "/api/v1/audit/verify", "Recompute the HMAC chain and name every broken record", tag: "audit", audit, returns: "Object"),
    ]
}

import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import TocsinCore
import TocsinSecurity
import TocsinStorage
import TocsinTestSupport
import TocsinWeb

/// A wall clock the test moves by hand.
final class ManualWallClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date
    init(_ start: Date) { instant = start }
    func now() -> Date { lock.withLock { instant } }
    func advance(_ seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }
}

/// Everything an API test needs: a fresh store, the services over it with a manual clock and a
/// recording dispatcher, the router, and helpers to make users, log in and call the API.
struct WebHarness: Sendable {
    /// 2024-07-30 14:00:00 Beijing time.
    static let t0 = Date(timeIntervalSince1970: 1_722_319_200)
    static let password = "Correct-Horse-42-Battery"

    let store: Store
    let clock: ManualWallClock
    let accounts: AccountService
    let warnings: WarningService
    let dispatcher: RecordingDispatcher?
    let services: WebServices
    let configuration: WebConfiguration
    /// Every (method, path) the router registered, e.g. `GET /api/v1/warnings/{id}`.
    let routes: [(method: HTTPRequest.Method, path: String)]

    init(store: Store, withDispatcher: Bool = true, configuration: WebConfiguration = WebConfiguration()) {
        self.store = store
        clock = ManualWallClock(Self.t0)
        accounts = AccountService(store: store, hasher: PasswordHasher(iterations: 1_000), clock: clock)
        dispatcher = withDispatcher ? RecordingDispatcher() : nil
        warnings = WarningService(store: store, accounts: accounts, dispatcher: dispatcher, clock: clock)
        services = WebServices(store: store, accounts: accounts, warnings: warnings)
        self.configuration = configuration
        routes = buildRouter(services: services, configuration: configuration, clock: clock).routes.map { ($0.method, $0.path.description) }
    }

    func router() -> Router<TocsinRequestContext> {
        buildRouter(services: services, configuration: configuration, clock: clock)
    }

    /// Runs `body` with a harness over a fresh store on `engine`.
    static func run(_ engine: TestEngine = .sqlite, withDispatcher: Bool = true, configuration: WebConfiguration = WebConfiguration(),
                    _ body: @escaping @Sendable (WebHarness, any TestClientProtocol) async throws -> Void) async throws {
        try await withTestStore(engine) { store in
            let harness = WebHarness(store: store, withDispatcher: withDispatcher, configuration: configuration)
            try await Application(router: harness.router()).test(.router) { client in try await body(harness, client) }
        }
    }

    /// A person with their own password (not admin-set), ready to log in.
    func user(_ name: String, _ roles: Set<Role>) async throws {
        let initial = "Admin-Set-Password-99!"
        _ = try await accounts.addUser(name: name, roles: try RoleSet(roles), password: initial, actor: "cli:root", source: "cli")
        try await accounts.changePassword(name: name, current: initial, new: Self.password, source: "cli")
    }

    /// Creates the user and logs in; returns the `Cookie` header value of the session.
    func session(_ name: String, _ roles: Set<Role>) async throws -> HTTPFields {
        try await user(name, roles)
        let login = try await accounts.login(name: name, password: Self.password, source: "test")
        return [.cookie: "tocsin_session=\(login.secret)"]
    }

    /// An API token with `roles` (no administrator roles: tokens cannot hold them).
    func token(_ name: String, _ roles: Set<Role>) async throws -> HTTPFields {
        let created = try await accounts.createToken(name: name, roles: try RoleSet(roles), actor: "cli:root", source: "cli")
        return [.authorization: "Bearer \(created.secret)"]
    }
}

/// JSON in and out of the test client.
extension TestClientProtocol {
    @discardableResult
    func call(_ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields = [:], json: String? = nil) async throws -> TestResponse {
        var headers = headers
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    /// The body as a JSON object (empty when it is not one).
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }
    /// `error.code` of a JSON error body.
    var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
    var text: String { String(buffer: body) }
}

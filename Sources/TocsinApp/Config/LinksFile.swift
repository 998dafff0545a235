import CarrierGateway
import Foundation

/// The carrier links of a deployment, from a JSON file (`links.json`):
///
/// ```json
/// { "links": [
///   { "name": "cmcc-1", "carrier": "mobile", "protocol": "cmpp3", "host": "10.1.2.3", "port": 7890,
///     "account": "901234", "secret_env": "TOCSIN_CMCC_SECRET", "source_address": "1065712379",
///     "service_id": "ALERT", "tps": 200, "window": 16, "connections": 2, "test_link": false, "tls": false },
///   { "name": "cucc-1", "carrier": "unicom", "protocol": "sgip", "host": "10.2.3.4", "port": 8801,
///     "account": "sp1", "secret": "…", "source_address": "1065512379",
///     "sgip": { "node_id": 3075512345, "corp_id": "12379", "listen_port": 8801,
///               "smg_login": "smg", "smg_password_env": "TOCSIN_CUCC_SMG_PASSWORD" } } ] }
/// ```
///
/// A secret is given directly (`secret`) or, better, by the name of an environment variable
/// (`secret_env`); it is never printed. Every problem is reported with the link's position and field.
public struct LinksFile: Sendable {
    public var links: [LinkConfiguration]

    struct Entry: Decodable {
        var name: String
        var carrier: String
        var `protocol`: String
        var host: String
        var port: Int
        var account: String
        var secret: String?
        var secret_env: String?
        var source_address: String
        var service_id: String?
        var tps: Int?
        var window: Int?
        var connections: Int?
        var test_link: Bool?
        var tls: Bool?
        var tls_ca_file: String?
        var tls_server_name: String?
        var sgip: SGIPEntry?
    }

    struct SGIPEntry: Decodable {
        var node_id: UInt32
        var corp_id: String
        var listen_host: String?
        var listen_port: Int?
        var smg_login: String
        var smg_password: String?
        var smg_password_env: String?
    }

    struct Document: Decodable { var links: [Entry] }

    /// Reads and validates the file. Throws `ConfigError` listing every problem found.
    public init(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw ConfigError(problems: ["cannot read \(path)"]) }
        let document: Document
        do { document = try JSONDecoder().decode(Document.self, from: data) } catch {
            throw ConfigError(problems: ["\(path) is not a valid links file: \(Self.describe(error))"])
        }
        var problems: [String] = []
        var links: [LinkConfiguration] = []
        var names: Set<String> = []
        for (i, e) in document.links.enumerated() {
            let at = "links[\(i)] (\(e.name))"
            func secret(_ direct: String?, _ env: String?, _ field: String) -> String? {
                if let env {
                    guard let value = environment[env], !value.isEmpty else { problems.append("\(at): \(field)_env names \(env), which is not set"); return nil }
                    return value
                }
                guard let direct, !direct.isEmpty else { problems.append("\(at): give \(field) or \(field)_env"); return nil }
                return direct
            }
            if !names.insert(e.name).inserted { problems.append("\(at): the name is used twice") }
            guard let wire = CarrierProtocol(rawValue: e.protocol) else {
                problems.append("\(at): protocol '\(e.protocol)' is not one of \(CarrierProtocol.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            if !(1...65_535).contains(e.port) { problems.append("\(at): port \(e.port) is out of range") }
            if let tps = e.tps, tps < 0 { problems.append("\(at): tps must be 0 (no cap) or more") }
            if let w = e.window, !(1...1024).contains(w) { problems.append("\(at): window \(w) must be 1…1024") }
            if let c = e.connections, !(1...64).contains(c) { problems.append("\(at): connections \(c) must be 1…64") }
            guard let s = secret(e.secret, e.secret_env, "secret") else { continue }
            var config = LinkConfiguration(name: e.name, carrier: e.carrier, wireProtocol: wire, host: e.host, port: e.port,
                                           account: e.account, secret: s, sourceAddress: e.source_address, serviceID: e.service_id ?? "",
                                           tps: e.tps ?? 0, window: e.window, connections: e.connections ?? 1,
                                           isTestLink: e.test_link ?? false, tls: e.tls ?? false)
            if e.tls != true, e.tls_ca_file != nil || e.tls_server_name != nil {
                problems.append("\(at): tls_ca_file and tls_server_name need \"tls\": true")
            }
            if let file = e.tls_ca_file, !FileManager.default.isReadableFile(atPath: file) {
                problems.append("\(at): tls_ca_file \(file) cannot be read")
            }
            config.tlsTrustRootsFile = e.tls_ca_file
            config.tlsServerName = e.tls_server_name
            if wire == .sgip {
                guard let g = e.sgip else { problems.append("\(at): an SGIP link needs an \"sgip\" block (node_id, corp_id, smg_login, …)"); continue }
                guard let password = secret(g.smg_password, g.smg_password_env, "smg_password") else { continue }
                config.sgip = SGIPSettings(nodeID: g.node_id, corpID: g.corp_id, listenHost: g.listen_host ?? "0.0.0.0",
                                           listenPort: g.listen_port ?? 8801, smgLoginName: g.smg_login, smgPassword: password)
            }
            links.append(config)
        }
        if document.links.isEmpty { problems.append("\(path) defines no links") }
        guard problems.isEmpty else { throw ConfigError(problems: problems) }
        self.links = links
    }

    static func describe(_ error: any Error) -> String {
        guard let e = error as? DecodingError else { return "\(error)" }
        func path(_ c: DecodingError.Context) -> String { c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined() }
        switch e {
        case .keyNotFound(let key, let c): return "missing field '\(key.stringValue)' at \(path(c).isEmpty ? "top level" : path(c))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "wrong type at \(path(c)): \(c.debugDescription)"
        case .dataCorrupted(let c): return "malformed JSON \(path(c)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Problems in a configuration file, each naming where.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}

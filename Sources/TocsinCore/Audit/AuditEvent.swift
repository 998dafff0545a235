import Foundation

/// One entry of the audit trail, before it is sealed: who did what to which target, when, from
/// where, with what result (GB/T 22239-2019 §8.1.4.3 b: date and time, user, event type,
/// success or failure, other relevant data). Never holds passwords, tokens, keys or full numbers.
public struct AuditEvent: Sendable, Hashable, Codable {
    public enum Result: String, Sendable, Hashable, Codable {
        case success, failure, denied
    }
    public var at: Date
    /// User name, `token:NAME`, `cli:OSUSER`, or the attempted name of a failed login.
    public var actor: String
    /// Dotted verb, e.g. `login`, `user.create`, `password.change`, `contact.update`.
    public var action: String
    /// What it acted on, e.g. `user:alice`, `contact:42`, `token:7`.
    public var target: String
    /// Client address, or `cli` / `system`.
    public var source: String
    public var result: Result
    /// Compact JSON with the details.
    public var detail: String

    public init(at: Date, actor: String, action: String, target: String, source: String, result: Result = .success, detail: String = "{}") {
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.source = source
        self.result = result
        self.detail = detail
    }

    /// An address-book change record as an audit event (`contact.create`, `group.update`, …).
    public init(change r: ChangeRecord) {
        self.init(at: r.at, actor: r.actor, action: "\(r.entity).\(r.action.rawValue)", target: "\(r.entity):\(r.entityID)",
                  source: "app", result: .success, detail: r.detail)
    }
}

/// A sealed entry: its position in the chain, the MAC of the entry before it and its own MAC.
public struct AuditRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var event: AuditEvent
    public var previousMAC: String
    public var mac: String
    public init(id: Int64, event: AuditEvent, previousMAC: String, mac: String) {
        self.id = id
        self.event = event
        self.previousMAC = previousMAC
        self.mac = mac
    }

    /// The bytes the MAC covers: a version tag, the previous MAC and every field, each
    /// length-prefixed so no two different records encode alike.
    public static func canonicalBytes(id: Int64, event e: AuditEvent, previousMAC: String) -> [UInt8] {
        var out = Array("tocsin-audit-v1".utf8)
        for field in [previousMAC, String(id), String(e.at.auditMillis), e.actor, e.action, e.target, e.source, e.result.rawValue, e.detail] {
            let bytes = Array(field.utf8)
            out.append(contentsOf: Array("|\(bytes.count):".utf8))
            out.append(contentsOf: bytes)
        }
        return out
    }
}

/// The state of the chain: the last sealed record and the key it was started with.
public struct AuditHead: Sendable, Hashable, Codable {
    public var lastID: Int64
    public var lastMAC: String
    /// `AuditSealer.keyID` of the key that started the chain; empty before the first record.
    public var keyID: String
    public init(lastID: Int64, lastMAC: String, keyID: String) {
        self.lastID = lastID
        self.lastMAC = lastMAC
        self.keyID = keyID
    }
}

/// Computes and checks record MACs (HMAC-SHA256 in `TocsinSecurity.HMACAuditSealer`). The key
/// lives outside the database, so someone who can write the database cannot forge the chain.
public protocol AuditSealer: Sendable {
    /// A short public fingerprint of the key (never the key), stored in the chain head.
    var keyID: String { get }
    /// The MAC of `bytes`, lower-case hex.
    func mac(_ bytes: [UInt8]) -> String
    /// Whether `mac` is the MAC of `bytes`, compared in constant time.
    func verify(_ mac: String, for bytes: [UInt8]) -> Bool
}

extension AuditSealer {
    /// Seals `event` as record `id` after `previousMAC`.
    public func seal(_ event: AuditEvent, id: Int64, previousMAC: String) -> AuditRecord {
        AuditRecord(id: id, event: event, previousMAC: previousMAC,
                    mac: mac(AuditRecord.canonicalBytes(id: id, event: event, previousMAC: previousMAC)))
    }
}

extension Date {
    /// Unix milliseconds (the storage form; a record's MAC covers exactly what is stored).
    public var auditMillis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}

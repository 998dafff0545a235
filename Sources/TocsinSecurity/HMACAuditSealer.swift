import Crypto
import Foundation
import TocsinCore

/// Seals audit records with HMAC-SHA256 under a key held outside the database.
public struct HMACAuditSealer: AuditSealer {
    /// Shortest accepted key, in bytes (the HMAC-SHA256 block of security).
    public static let minimumKeyBytes = 32
    private let key: SymmetricKey
    public let keyID: String

    /// Throws `.auditKey` when the key is shorter than 32 bytes.
    public init(key: [UInt8]) throws(SecurityError) {
        guard key.count >= Self.minimumKeyBytes else {
            throw SecurityError(.auditKey, "the audit key is too short (\(key.count) bytes); use at least \(Self.minimumKeyBytes), e.g. `openssl rand -hex 32`")
        }
        self.key = SymmetricKey(data: key)
        let id = HMAC<SHA256>.authenticationCode(for: Array("tocsin audit key id".utf8), using: self.key)
        self.keyID = Hex.encode(Array(id).prefix(8))
    }

    public func mac(_ bytes: [UInt8]) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: bytes, using: key))
    }

    public func verify(_ mac: String, for bytes: [UInt8]) -> Bool {
        guard let expected = Self.hexBytes(mac) else { return false }
        // swift-crypto compares authentication codes in constant time.
        return HMAC<SHA256>.isValidAuthenticationCode(expected, authenticating: bytes, using: key)
    }

    static func hexBytes(_ hex: String) -> [UInt8]? {
        let chars = Array(hex.utf8)
        guard chars.count == 64 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        var i = 0
        while i < chars.count {
            guard let b = UInt8(String(decoding: chars[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(b)
            i += 2
        }
        return out
    }
}

/// Where the audit key comes from: `TOCSIN_AUDIT_KEY` (the key itself), or a key file
/// (`--audit-key-file` / `TOCSIN_AUDIT_KEY_FILE`, contents trimmed). The key is never logged or printed.
public enum AuditKeySource {
    /// The sealer for the configured key, or `nil` when none is configured (then every audit
    /// append refuses with a message saying how to configure one).
    public static func sealer(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(SecurityError) -> HMACAuditSealer? {
        if let path = file ?? environment["TOCSIN_AUDIT_KEY_FILE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SecurityError(.auditKey, "cannot read the audit key file \(path); check the path and that this user may read it")
            }
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return try HMACAuditSealer(key: Array(text.utf8))
        }
        if let key = environment["TOCSIN_AUDIT_KEY"], !key.isEmpty {
            return try HMACAuditSealer(key: Array(key.trimmingCharacters(in: .whitespacesAndNewlines).utf8))
        }
        return nil
    }

    /// Writes a new random key (64 hex characters) to `path`, readable by the owner only.
    public static func createKeyFile(at path: String) throws {
        let hex = Hex.encode(SecretGenerator.randomBytes(32))
        guard FileManager.default.createFile(atPath: path, contents: Data((hex + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw SecurityError(.auditKey, "cannot create the audit key file \(path)")
        }
    }
}

import Foundation
import Testing
import TocsinCore
@testable import TocsinSecurity

@Suite struct AuditKeyTests {
    @Test func shortKeysAreRefusedWithAHint() {
        let e = #expect(throws: SecurityError.self) { try HMACAuditSealer(key: Array("too short".utf8)) }
        #expect(e?.code == .auditKey && e?.message.contains("openssl rand -hex 32") == true)
    }

    @Test func keyIDIsAFingerprintNotTheKey() throws {
        let key = Array(String(repeating: "k", count: 40).utf8)
        let a = try HMACAuditSealer(key: key), b = try HMACAuditSealer(key: key)
        #expect(a.keyID == b.keyID && a.keyID.count == 16)
        #expect(try HMACAuditSealer(key: Array(String(repeating: "j", count: 40).utf8)).keyID != a.keyID)
        let mac = a.mac([1, 2, 3])
        #expect(a.verify(mac, for: [1, 2, 3]) && !a.verify(mac, for: [1, 2, 4]) && !a.verify("zz", for: [1, 2, 3]))
    }

    @Test func keyComesFromEnvironmentOrFile() throws {
        #expect(try AuditKeySource.sealer(file: nil, environment: [:]) == nil)
        let fromEnv = try #require(try AuditKeySource.sealer(file: nil, environment: ["TOCSIN_AUDIT_KEY": String(repeating: "a", count: 32)]))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-key-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try AuditKeySource.createKeyFile(at: path)
        let perms = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(perms == 0o600)
        let fromFile = try #require(try AuditKeySource.sealer(file: nil, environment: ["TOCSIN_AUDIT_KEY_FILE": path, "TOCSIN_AUDIT_KEY": String(repeating: "a", count: 32)]))
        #expect(fromFile.keyID != fromEnv.keyID, "a key file wins over the variable")
        #expect(throws: SecurityError.self) { try AuditKeySource.sealer(file: path + ".missing") }
    }
}

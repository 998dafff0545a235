import CarrierGateway
import CarrierSimulator
import Foundation
import NIOSSL
import Testing

/// TLS per link (issue 5): an SMPP link with `tls` on, trusting a private CA, binds to a simulator
/// that serves TLS with a certificate from that CA, and refuses one whose CA it does not trust.
@Suite struct SMPPTLSTests {
    @Test func linkSubmitsOverTLSWhenItTrustsTheGatewaysCA() async throws {
        let (simulator, port) = try await TLSFixture.simulator()
        let roots = try TLSFixture.file(TLSFixture.caPEM)
        defer { try? FileManager.default.removeItem(atPath: roots) }
        let configuration = Loopback.configuration(port: port) {
            $0.tls = true
            $0.tlsTrustRootsFile = roots
            $0.tlsServerName = "smsc.test"
        }
        let group = try LinkGroup(configuration: configuration)
        let outcomes = try await Loopback.running(group) {
            try await withThrowingTaskGroup(of: SubmitOutcome.self) { tasks in
                for index in 0..<20 { tasks.addTask { try await group.submit(Loopback.message(index)) } }
                return try await tasks.reduce(into: []) { $0.append($1) }
            }
        }
        let counters = await simulator.counters()
        try await simulator.stop()
        #expect(outcomes.count == 20)
        #expect(outcomes.allSatisfy { $0.messageID != nil })
        #expect(counters.loginsOK >= 1)
        #expect(counters.accepted == 20)
    }

    @Test func linkRefusesAGatewayCertificateFromAnUntrustedCA() async throws {
        let (simulator, port) = try await TLSFixture.simulator()
        let roots = try TLSFixture.file(TLSFixture.otherCAPEM)
        defer { try? FileManager.default.removeItem(atPath: roots) }
        let configuration = Loopback.configuration(port: port) {
            $0.tls = true
            $0.tlsTrustRootsFile = roots
            $0.tlsServerName = "smsc.test"
        }
        let group = try LinkGroup(configuration: configuration)
        let runner = Task { try await group.run() }
        let submit = Task { try await group.submit(Loopback.message(1)) }
        try await Loopback.eventually {
            let health = await group.health()
            return health.links.contains { $0.lastError?.lowercased().contains("certificate") == true }
        }
        let health = await group.health()
        let counters = await simulator.counters()
        group.shutdownGracefully()
        _ = try? await runner.value
        let result = await submit.result
        try await simulator.stop()
        #expect(health.links.allSatisfy { $0.state != .bound })
        #expect(counters.loginsOK == 0)
        #expect(counters.submitsReceived == 0)
        // Never silently dropped: the caller gets an error when the link stops.
        #expect(throws: SubmitError.self) { try result.get() }
    }

    @Test func aPlainLinkCannotTalkToATLSGateway() async throws {
        let (simulator, port) = try await TLSFixture.simulator()
        let group = try LinkGroup(configuration: Loopback.configuration(port: port))
        let runner = Task { try await group.run() }
        try await Loopback.eventually { await simulator.counters().connectionsAccepted >= 1 }
        let counters = await simulator.counters()
        group.shutdownGracefully()
        _ = try? await runner.value
        try await simulator.stop()
        #expect(counters.loginsOK == 0)
    }
}

/// A private CA and an SMSC certificate it signed (CN/SAN `smsc.test`, SAN IP 127.0.0.1, P-256,
/// valid until 2126), generated once with openssl for these tests only; plus an unrelated CA.
enum TLSFixture {
    static func simulator() async throws -> (SMPPSimulator, Int) {
        var settings = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8)).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(keyPEM.utf8), format: .pem)))
        settings.minimumTLSVersion = .tlsv12
        let configuration = SimulatorConfiguration(accounts: [Loopback.account: Loopback.secret], reportDelay: .milliseconds(50),
                                                   outcomes: OutcomeMix(delivered: 0, none: 1))
        let simulator = SMPPSimulator(configuration: configuration, tls: try NIOSSLContext(configuration: settings))
        return (simulator, try await simulator.start())
    }

    static func file(_ pem: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-ca-\(UUID().uuidString).pem").path
        try Data(pem.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let caPEM = """
-----BEGIN CERTIFICATE-----
MIIBmjCCAT+gAwIBAgIUWaggIsYnEf8ebRRqDXGLw5scSLEwCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOVG9jc2luIFRlc3QgQ0EwIBcNMjYxMTIxMTczNjU4WhgPMjEy
NjEwMjgxNzM2NThaMBkxFzAVBgNVBAMMDlRvY3NpbiBUZXN0IENBMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAESFSuZWF3CwF+QU+5m8cw5/EDBus67lSvEpX2WN1K
fXF8bypLSbPfuevvl5geKeKys5IGvwdjUzhwKtR4Co3Ej6NjMGEwHQYDVR0OBBYE
FFC1bhV3mss0+qwBfzfOh8fdqneMMB8GA1UdIwQYMBaAFFC1bhV3mss0+qwBfzfO
h8fdqneMMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgIEMAoGCCqGSM49
BAMCA0kAMEYCIQDdHqE6rBgPE0y+IL1k9N6UkrxtObsrKa8VV+O7ZawBeQIhAJPW
dWUOqQrWyFk9YO0V2pwTObWDOcnjzZ4SwRPrgFUX
-----END CERTIFICATE-----
"""
    static let certificatePEM = """
-----BEGIN CERTIFICATE-----
MIIBrjCCAVWgAwIBAgIUf2DSUmQqHpG+nUxEr9I3VWruJRIwCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOVG9jc2luIFRlc3QgQ0EwIBcNMjYxMTIxMTczNjU4WhgPMjEy
NjEwMjgxNzM2NThaMBQxEjAQBgNVBAMMCXNtc2MudGVzdDBZMBMGByqGSM49AgEG
CCqGSM49AwEHA0IABMhwnASjf2S2DTHFhWPPU3QNfhs5B2Pn4g3PT1J6M/WAhRqq
5ItWwZni7N/+SpX/PN8+bDbDvS3AUJwTqdF+IyijfjB8MBoGA1UdEQQTMBGCCXNt
c2MudGVzdIcEfwAAATAJBgNVHRMEAjAAMBMGA1UdJQQMMAoGCCsGAQUFBwMBMB0G
A1UdDgQWBBRBmxgzfe5KqEY7fhX0pSKAg/V9HjAfBgNVHSMEGDAWgBRQtW4Vd5rL
NPqsAX83zofH3ap3jDAKBggqhkjOPQQDAgNHADBEAiAFY0qrtkziF2FCw9ZoPMqY
7tXxTuq3p0EyCuvUy0qYOgIgLYze7J1dA3Py9EvSl+6oXfClUfZEi2Q0Wp010CiZ
FY8=
-----END CERTIFICATE-----
"""
    static let keyPEM = """
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgmwQIQeBWlacPBQ01
vP5qu2XF45j+7IxQrgU8eu2eyJehRANCAATIcJwEo39ktg0xxYVjz1N0DX4bOQdj
5+INz09SejP1gIUaquSLVsGZ4uzf/kqV/zzfPmw2w70twFCcE6nRfiMo
-----END PRIVATE KEY-----
"""
    static let otherCAPEM = """
-----BEGIN CERTIFICATE-----
MIIBfTCCASOgAwIBAgIUD4XL0fP28BUoV4Ki0wRBg7KutLowCgYIKoZIzj0EAwIw
EzERMA8GA1UEAwwIT3RoZXIgQ0EwIBcNMjYxMTIxMTczNjU4WhgPMjEyNjEwMjgx
NzM2NThaMBMxETAPBgNVBAMMCE90aGVyIENBMFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAEP/4BrsdAulrgtqR/pMj5JLi0w1NmkI+txZvGVmTq4p3NiGMrIBUyL7ja
ncAI2Cm491wrQ60QuYkjX+7LY0p94qNTMFEwHQYDVR0OBBYEFBdncEcuGj2m09O/
UcwGfmmTFfd1MB8GA1UdIwQYMBaAFBdncEcuGj2m09O/UcwGfmmTFfd1MA8GA1Ud
EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhANYAyA3p6yYWENwNOQscgvbM
mP0run07eEmkqBoXKQrGAiAnEaqPDqM+clRpdALgpL4lcR7DoXxSUVcS5hnGqfPB
4g==
-----END CERTIFICATE-----
"""
}

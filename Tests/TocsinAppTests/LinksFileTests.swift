import Foundation
import Testing
@testable import TocsinApp

@Suite struct LinksFileTests {
    static let environment = ["TOCSIN_CMCC_SECRET": "cmcc-S3cret!", "TOCSIN_CUCC_SECRET": "cucc-S3cret!",
                              "TOCSIN_CUCC_SMG_PASSWORD": "smg-S3cret!", "TOCSIN_CTCC_SECRET": "ctcc-S3cret!",
                              "TOCSIN_TEST_SMSC_SECRET": "s3cret79"]

    func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func theExampleFileLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try LinksFile(path: root.appendingPathComponent("examples/links.json").path, environment: Self.environment)
        #expect(file.links.map(\.name) == ["cmcc-1", "cucc-1", "ctcc-1", "drill-smsc"])
        #expect(file.links[0].wireProtocol == .cmpp3 && file.links[0].tps == 200 && file.links[0].connections == 2)
        #expect(file.links[0].session.windowSize == 16)
        #expect(file.links[1].sgip?.nodeID == 3_075_512_345 && file.links[1].sgip?.listenPort == 8802)
        #expect(file.links[3].isTestLink)
        for link in file.links {
            for secret in Self.environment.values { #expect(!link.description.contains(secret), "secret printed for \(link.name)") }
        }
    }

    @Test func everyProblemIsNamed() throws {
        let path = try write("""
        { "links": [
          { "name": "a", "carrier": "mobile", "protocol": "cmpp9", "host": "h", "port": 1, "account": "x", "secret": "s", "source_address": "1" },
          { "name": "b", "carrier": "mobile", "protocol": "cmpp3", "host": "h", "port": 70000, "account": "x", "secret_env": "NOPE", "source_address": "1", "window": 0 },
          { "name": "b", "carrier": "unicom", "protocol": "sgip", "host": "h", "port": 8801, "account": "x", "secret": "s", "source_address": "1" }
        ] }
        """)
        #expect { try LinksFile(path: path, environment: [:]) } throws: { error in
            let text = "\(error)"
            return text.contains("links[0] (a): protocol 'cmpp9'") && text.contains("links[1] (b): port 70000")
                && text.contains("window 0") && text.contains("secret_env names NOPE, which is not set")
                && text.contains("links[2] (b): the name is used twice") && text.contains("needs an \"sgip\" block")
        }
        let broken = try write("{ \"links\": [ { \"name\": \"a\" } ] }")
        #expect { try LinksFile(path: broken, environment: [:]) } throws: { "\($0)".contains("missing field 'carrier'") }
    }
}

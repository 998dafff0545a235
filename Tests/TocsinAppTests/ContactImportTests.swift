import Foundation
import Testing
import TocsinCore
import TocsinStorage
import TocsinTestSupport
@testable import TocsinApp

@Suite struct ContactImportTests {
    static let clock = FixedWallClock(Date(timeIntervalSince1970: 1_800_000_000))

    func prepare(_ store: Store) async throws {
        for g in ["防汛", "气象"] { try await store.createGroup(ContactGroup(name: g), actor: "t", now: Self.clock.now()) }
    }

    func importFile(_ store: Store, _ path: String, dryRun: Bool = false, skipInvalid: Bool = false) async throws -> ImportReport {
        try await ContactImporter(store: store, clock: Self.clock).run(try openTabular(path: path), label: "f",
                                                                        options: ImportOptions(dryRun: dryRun, skipInvalid: skipInvalid, actor: "tester"))
    }

    func checkBadRows(_ report: ImportReport) {
        #expect(report.rows == 8)
        #expect(report.rejected == 6)
        #expect(report.problems.count == Fixtures.expectedProblems.count)
        for (problem, expected) in zip(report.problems, Fixtures.expectedProblems) {
            #expect(problem.row == expected.0, "\(problem)")
            #expect(problem.column == expected.1, "\(problem)")
            #expect(problem.reason.contains(expected.2), "\(problem)")
            #expect(!problem.description.contains("13800138000"), "problems must not show full numbers")
        }
    }

    @Test(arguments: TestEngine.available)
    func csvWithBadRowsImportsNothing(engine: TestEngine) async throws {
        let dir = try Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withTestStore(engine) { store in
            try await prepare(store)
            let report = try await importFile(store, try Fixtures.csv(Fixtures.badRowsCSV, in: dir))
            checkBadRows(report)
            #expect(!report.committed)
            #expect(try await store.contactCount() == 0)
            #expect(try await store.changes(entity: "contact").isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func csvWithBadRowsAndSkipInvalidImportsTheGoodOnes(engine: TestEngine) async throws {
        let dir = try Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withTestStore(engine) { store in
            try await prepare(store)
            let report = try await importFile(store, try Fixtures.csv(Fixtures.badRowsCSV, in: dir), skipInvalid: true)
            checkBadRows(report)
            #expect(report.committed && report.created == 2)
            let all = try await store.contacts()
            #expect(all.map(\.contact.name).sorted() == ["王伟", "赵静"].sorted())
            let zhao = try #require(all.first { $0.contact.name == "赵静" })
            #expect(zhao.groupNames == ["气象", "防汛"].sorted())
            #expect(zhao.contact.regionCode == "110108")
            #expect(zhao.contact.note == "夜间值班")
            #expect(try await store.changes(entity: "contact").allSatisfy { $0.actor == "tester" })
        }
    }

    @Test func xlsxWithBadRowsReportsTheSame() async throws {
        let dir = try Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withTestStore(.sqlite) { store in
            try await prepare(store)
            let path = try Fixtures.badRowsXLSX(in: dir)
            let report = try await importFile(store, path)
            checkBadRows(report)
            #expect(try await store.contactCount() == 0)
            let skipping = try await importFile(store, path, skipInvalid: true)
            #expect(skipping.created == 2)
            #expect(try await store.owners(of: ["18612345678"]).count == 1)
        }
    }

    @Test func dryRunClassifiesAndChangesNothing() async throws {
        let dir = try Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withTestStore(.sqlite) { store in
            try await prepare(store)
            let first = try await importFile(store, try Fixtures.csv("""
            姓名,手机号码,单位,职务,区域,群组
            王伟,13800138000,市应急局,值班员,朝阳区,防汛
            李娜,13900139000,市应急局,值班员,朝阳区,防汛
            """, in: dir, name: "a.csv"))
            #expect(first.committed && first.created == 2)
            let second = try Fixtures.csv("""
            name,mobile,organisation,title,region,groups
            王伟,13800138000,市应急局,值班员,朝阳区,防汛
            李娜,+86 139-0013-9000,市应急局,处长,朝阳区,防汛
            张敏,13700137000,市气象局,预报员,海淀区,气象
            """, in: dir, name: "b.csv")
            let dry = try await importFile(store, second, dryRun: true)
            #expect((dry.created, dry.updated, dry.unchanged, dry.rejected) == (1, 1, 1, 0))
            #expect(!dry.committed && dry.dryRun)
            #expect(try await store.contactCount() == 2)
            #expect(try await store.contacts().first { $0.contact.name == "李娜" }?.contact.title == "值班员")

            let real = try await importFile(store, second)
            #expect((real.created, real.updated, real.unchanged) == (1, 1, 1))
            #expect(try await store.contactCount() == 3, "a number already in the book merges, it is not doubled")
            #expect(try await store.contacts().first { $0.contact.name == "李娜" }?.contact.title == "处长")
        }
    }

    @Test(arguments: ["csv", "xlsx"])
    func exportImportsBackUnchanged(format: String) async throws {
        let dir = try Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withTestStore(.sqlite) { store in
            let summary = try await DemoSeeder.seed(store: store, contacts: 300, scratchDirectory: dir.path, clock: Self.clock)
            #expect(summary.seeded && summary.contacts == 300)
            let path = dir.appendingPathComponent("export.\(format)").path
            #expect(try await ContactExporter(store: store).export(to: path) == 300)
            let again = try await importFile(store, path)
            #expect((again.created, again.updated, again.unchanged, again.rejected) == (0, 0, 300, 0))
        }
    }

    @Test func fileLevelErrorsAreClear() async throws {
        let dir = try Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withTestStore(.sqlite) { store in
            await #expect { try await importFile(store, try Fixtures.csv("姓名,电话号码x\n王伟,13800138000\n", in: dir)) } throws: {
                "\($0)".contains("unknown column '电话号码x'")
            }
            await #expect { try await importFile(store, try Fixtures.csv("姓名,单位\n王伟,x\n", in: dir)) } throws: {
                "\($0)".contains("no '手机号码'")
            }
            await #expect { try await importFile(store, try Fixtures.csv("", in: dir)) } throws: { "\($0)".contains("empty") }
            #expect(throws: TabularError.self) { try openTabular(path: dir.appendingPathComponent("x.xls").path) }
            let notZip = try Fixtures.csv("hello", in: dir, name: "fake.xlsx")
            #expect(throws: TabularError.self) { try XLSXReader(path: notZip) }
        }
    }

    @Test func csvQuotingAndEncodingProblems() throws {
        let dir = try Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Fixtures.csv("\u{FEFF}a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x\r\n", in: dir)
        var r = try CSVReader(path: path)
        #expect(try r.next()?.cells == ["a", "b,1", "say \"hi\""])
        #expect(try r.next()?.cells == ["multi\nline", "x"])
        #expect(try r.next() == nil)
        let gbkURL = dir.appendingPathComponent("gbk.csv")
        try Data([0xCD, 0xF5, 0x2C, 0x31, 0x0A]).write(to: gbkURL) // "王,1" saved as GBK by an old Excel
        var gbk = try CSVReader(path: gbkURL.path)
        #expect(try gbk.next()?.problem?.contains("UTF-8") == true)
    }
}

import Foundation
import Testing
@testable import TocsinCore

@Suite struct WarningModelTests {
    typealias F = WarningFixtures

    @Test func newDraftsStartClean() {
        let w = F.rainstorm()
        #expect(w.state == .draft)
        #expect(w.msgType == .alert)
        #expect(w.mode == .actual)
        #expect(w.sender == "11000041600000")
        #expect(w.reviewers.isEmpty && w.references.isEmpty && w.issuedAt == nil)
        #expect(w.isExpired(at: F.t0.addingTimeInterval(18 * 3600)))
        #expect(!w.isExpired(at: F.t0.addingTimeInterval(18 * 3600 - 1)))
    }

    @Test func validatesAgainstTheCatalogues() throws {
        try F.rainstorm().validate(hazards: .default, regions: .beijing)
        var w = F.rainstorm()
        w.hazardCode = "11B99"
        #expect(throws: DomainError(.unknownHazard, "hazard code 11B99 is not in the hazard catalogue")) {
            try w.validate(hazards: .default, regions: .beijing)
        }
        w = F.rainstorm()
        w.regionCodes.append("310115")
        let e = #expect(throws: DomainError.self) { try w.validate(hazards: .default, regions: .beijing) }
        #expect(e?.code == .unknownRegion)
        w = F.rainstorm()
        w.category = .accident
        let e2 = #expect(throws: DomainError.self) { try w.validate(hazards: .default, regions: .beijing) }
        #expect(e2?.code == .invalidWarning)
    }

    @Test func updatesAndCancellationsMustReferenceSomething() {
        var w = F.rainstorm()
        w.msgType = .cancel
        let e = #expect(throws: DomainError.self) { try w.checkComplete() }
        #expect(e?.message.contains("reference") == true)
    }

    @Test func capVocabulary() {
        #expect(MessageType.allCases.map(\.capValue) == ["Alert", "Update", "Cancel"])
        #expect(MessageType.cancel.nameZH == "解除")
        #expect(WarningMode.drill.capStatus == "Exercise")
        #expect(WarningMode.test.isDrillOrTest && !WarningMode.actual.isDrillOrTest)
        #expect(WarningReference.capDateTime(F.t0) == "2024-07-30T14:00:00+08:00")
        #expect(WarningState.pendingReview.rawValue == "pending_review")
    }

    @Test func targetingRuleIsAValue() throws {
        let rule = TargetingRule(useHazardSubscriptions: false, groupIDs: [1, 2], regionCodes: ["110105"], contactIDs: [9], excludedContactIDs: [3])
        #expect(!rule.selectsNobody)
        #expect(TargetingRule(useHazardSubscriptions: false, excludedContactIDs: [3]).selectsNobody)
        #expect(!TargetingRule().selectsNobody)
        let data = try JSONEncoder().encode(F.rainstorm())
        let back = try JSONDecoder().decode(Warning.self, from: data)
        #expect(back == F.rainstorm())
    }
}

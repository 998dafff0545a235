import Foundation
import Testing
@testable import TocsinCore

/// Every (state, action) pair, allowed or forbidden, against a table written out here by hand
/// (not read from the source) so a change to the machine has to be made twice to pass.
@Suite struct WarningLifecycleTableTests {
    typealias F = WarningFixtures

    static let expected: [WarningState: [WarningAction: WarningState]] = [
        .draft: [.submit: .pendingReview, .withdraw: .withdrawn, .expire: .expired],
        .pendingReview: [.approve: .approved, .reject: .draft, .withdraw: .withdrawn, .expire: .expired],
        .approved: [.startSending: .sending, .withdraw: .withdrawn, .cancel: .cancelled, .supersede: .superseded, .expire: .expired],
        .sending: [.complete: .completed, .cancel: .cancelled, .supersede: .superseded],
        .completed: [.cancel: .cancelled, .supersede: .superseded, .expire: .expired],
    ]

    static let pairs: [(WarningState, WarningAction)] =
        WarningState.allCases.flatMap { s in WarningAction.allCases.map { (s, $0) } }

    /// A command that satisfies every rule except the state rule.
    static func wellFormed(_ action: WarningAction) -> WarningCommand {
        let before = F.t0.addingTimeInterval(60)
        switch action {
        case .submit, .withdraw: return WarningCommand(action, by: "alice", at: before)
        case .approve: return WarningCommand(action, by: "bob", at: before)
        case .reject: return WarningCommand(action, by: "bob", at: before, comment: "区域写错了")
        case .startSending, .complete: return WarningCommand(action, by: "dispatch", at: before)
        case .cancel, .supersede: return WarningCommand(action, by: "carol", at: before, replacement: F.id(60))
        case .expire: return WarningCommand(action, by: "system", at: F.t0.addingTimeInterval(18 * 3600))
        }
    }

    @Test func coversEveryPair() {
        #expect(Self.pairs.count == WarningState.allCases.count * WarningAction.allCases.count)
        #expect(Self.pairs.count == 81)
    }

    @Test(arguments: pairs)
    func transition(_ state: WarningState, _ action: WarningAction) throws {
        let warning = F.rainstorm(level: .yellow, state: state)
        let command = Self.wellFormed(action)
        let lifecycle = WarningLifecycle()
        if let target = Self.expected[state]?[action] {
            let result = try lifecycle.apply(command, to: warning)
            #expect(result.warning.state == target)
            #expect(result.event.from == state)
            #expect(result.event.to == target)
            #expect(result.event.action == action)
            #expect(result.event.actor == command.actor)
            #expect(result.event.at == command.at)
            #expect(result.event.warningID == warning.id)
            #expect(WarningLifecycle.target(of: action, from: state) == target)
        } else {
            #expect(WarningLifecycle.target(of: action, from: state) == nil)
            let error = #expect(throws: DomainError.self) { try lifecycle.apply(command, to: warning) }
            #expect(error?.code == .invalidTransition)
            #expect(error?.message.contains(state.rawValue) == true)
        }
    }

    @Test func finalStatesAcceptNothing() {
        for state in WarningState.allCases where state.isFinal {
            #expect(WarningAction.allCases.allSatisfy { WarningLifecycle.target(of: $0, from: state) == nil })
        }
        #expect(WarningState.allCases.filter(\.isFinal).count == 4)
    }

    @Test func invalidTransitionsSayWhatToDo() {
        let draft = F.rainstorm(state: .draft)
        let e1 = #expect(throws: DomainError.self) { try WarningLifecycle().apply(Self.wellFormed(.approve), to: draft) }
        #expect(e1?.message.contains("submit it for review first") == true)
        let sending = F.rainstorm(state: .sending)
        let e2 = #expect(throws: DomainError.self) { try WarningLifecycle().apply(Self.wellFormed(.withdraw), to: sending) }
        #expect(e2?.message.contains("解除") == true)
    }
}

import Foundation
import TocsinCore
import TocsinStorage

/// A stored warning as the API shows it: the value, its version (send it back with the next
/// action), timestamps and the flags a client should not have to derive.
struct WarningView: Codable, Sendable {
    var version: Int
    var createdAt: Date
    var updatedAt: Date
    var stateZH: String
    /// True for drills and tests: never delivered to real numbers.
    var isDrillOrTest: Bool
    var warning: Warning

    init(_ s: StoredWarning) {
        version = s.version
        createdAt = s.createdAt
        updatedAt = s.updatedAt
        stateZH = s.warning.state.nameZH
        isDrillOrTest = s.warning.mode.isDrillOrTest
        warning = s.warning
    }
}

/// The answer to a review action: the warning and what dispatch made of it.
struct OutcomeView: Codable, Sendable {
    struct Dispatch: Codable, Sendable {
        var status: String
        var message: String?
    }
    var warning: WarningView
    var dispatch: Dispatch

    init(_ o: WarningOutcome) {
        warning = WarningView(o.warning)
        let message: String? = switch o.dispatch {
        case .failed(let m): m
        case .notConfigured: "dispatch not configured: nothing is sent from this server until an operator configures dispatch"
        default: nil
        }
        dispatch = Dispatch(status: o.dispatch.code, message: message)
    }
}

/// A page of items with the paging that produced it.
struct Page<Item: Codable & Sendable>: Codable, Sendable {
    var items: [Item]
    var limit: Int
    var offset: Int
}

/// Bodies of the review actions. Every field optional: `version` guards against acting on a
/// warning someone else changed since it was read.
struct ActionRequest: Codable, Sendable {
    var version: Int?
    var comment: String?
}

/// Body of `PUT /warnings/{id}`.
struct EditRequest: Codable, Sendable {
    var version: Int?
    var draft: DraftInput
}

struct ReachView: Codable, Sendable {
    var recipients: Int
    var recipientsByCarrier: [String: Int]
    var excluded: Int
    var excludedByReason: [String: Int]
    /// Seconds to hand every message to the carriers; nil when a carrier with recipients has no capacity.
    var etaSeconds: Double?
    var sendTime: Date

    init(_ r: Reach, sendTime: Date) {
        recipients = r.recipients
        recipientsByCarrier = Dictionary(uniqueKeysWithValues: r.recipientsByCarrier.map { ($0.key.rawValue, $0.value) })
        excluded = r.excluded
        excludedByReason = Dictionary(uniqueKeysWithValues: r.excludedByReason.map { ($0.key.rawValue, $0.value) })
        etaSeconds = r.eta.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
        self.sendTime = sendTime
    }
}

struct PreviewView: Codable, Sendable {
    struct PerCarrier: Codable, Sendable {
        var protocolName: String
        var segments: Int
    }
    var text: String
    var encoding: String
    var length: Int
    var segments: Int
    var perCarrier: [String: PerCarrier]

    init(_ p: SMSPreview) {
        text = p.text
        encoding = p.encoding.rawValue
        length = p.length
        segments = p.segmentCount
        perCarrier = Dictionary(uniqueKeysWithValues: p.perCarrier.map { ($0.key.rawValue, PerCarrier(protocolName: $0.value.protocolName, segments: $0.value.segmentCount)) })
    }
}

struct LintView: Codable, Sendable {
    var code: String
    var severity: String
    var field: String
    var messageZH: String
    var messageEN: String

    init(_ f: LintFinding) {
        code = f.code.rawValue
        severity = f.severity.rawValue
        field = f.field
        messageZH = f.messageZH
        messageEN = f.messageEN
    }
}

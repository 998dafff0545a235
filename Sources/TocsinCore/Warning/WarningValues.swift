import Foundation

/// Where a warning is in its life. See `WarningLifecycle` for which actions move it.
public enum WarningState: String, Sendable, Hashable, CaseIterable, Codable {
    case draft
    case pendingReview = "pending_review"
    case approved
    /// Dispatch has started handing it to the carriers.
    case sending
    /// Dispatch has finished (every recipient has a final outcome).
    case completed
    /// Pulled back by its author before sending; never sent.
    case withdrawn
    /// Lifted (解除) by a later warning of type `cancel` that references it.
    case cancelled
    /// Replaced by a later warning of type `update` that references it.
    case superseded
    /// Its expiry time passed.
    case expired

    /// States no action leaves.
    public var isFinal: Bool { [.withdrawn, .cancelled, .superseded, .expired].contains(self) }

    public var nameZH: String {
        switch self {
        case .draft: "草稿"
        case .pendingReview: "待审核"
        case .approved: "已审核"
        case .sending: "发送中"
        case .completed: "已发送"
        case .withdrawn: "已撤回"
        case .cancelled: "已解除"
        case .superseded: "已更新"
        case .expired: "已过期"
        }
    }
}

/// CAP `msgType` as far as warnings go (Ack and Error are system messages, not warnings).
public enum MessageType: String, Sendable, Hashable, CaseIterable, Codable {
    case alert, update, cancel

    /// The CAP 1.2 spelling: `Alert`, `Update`, `Cancel`.
    public var capValue: String {
        switch self { case .alert: "Alert"; case .update: "Update"; case .cancel: "Cancel" }
    }
    /// How the national feed shows it: 首次 / 更新 / 解除.
    public var nameZH: String {
        switch self { case .alert: "首次"; case .update: "更新"; case .cancel: "解除" }
    }
}

/// Whether a warning is real. Drills and tests go through the same workflow but dispatch never
/// delivers them to real phones and they sort after real warnings.
public enum WarningMode: String, Sendable, Hashable, CaseIterable, Codable {
    case actual, drill, test

    /// CAP 1.2 `status`: `Actual`, `Exercise`, `Test`.
    public var capStatus: String {
        switch self { case .actual: "Actual"; case .drill: "Exercise"; case .test: "Test" }
    }
    public var isDrillOrTest: Bool { self != .actual }
}

/// A reference to an earlier message, as the CAP `references` triplet `sender,identifier,sent`.
public struct WarningReference: Sendable, Hashable, Codable, CustomStringConvertible {
    public var sender: String
    public var identifier: WarningIdentifier
    public var sent: Date

    public init(sender: String, identifier: WarningIdentifier, sent: Date) {
        self.sender = sender
        self.identifier = identifier
        self.sent = sent
    }

    /// `sender,identifier,sent` with `sent` in CAP form (`2024-07-30T14:05:00+08:00`; CAP forbids `Z`).
    public var description: String { "\(sender),\(identifier),\(Self.capDateTime(sent))" }

    /// CAP 1.2 dateTime in Beijing time with an explicit `+08:00` offset.
    public static func capDateTime(_ instant: Date) -> String {
        let b = WarningIdentifier.basicTime(instant)
        let c = Array(b)
        return "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8]))T\(String(c[8..<10])):\(String(c[10..<12])):\(String(c[12..<14]))+08:00"
    }
}

/// Whom a warning is for, as chosen by the author. Only the value: recipient resolution (dedupe by
/// number, subscriptions, temporary users, quiet hours) is `Store.resolveRecipients`, with the
/// precise semantics on `TargetingRequest` (docs/targeting.md).
///
/// Recipients are the union of: subscribers to the warning's hazard × level (when
/// `useHazardSubscriptions`) and members of `groupIDs` (with sub-groups), both within the warning's
/// regions; contacts responsible for `regionCodes`; and `contactIDs`; minus `excludedContactIDs`,
/// which always wins.
public struct TargetingRule: Sendable, Hashable, Codable {
    public var useHazardSubscriptions: Bool
    public var groupIDs: Set<Int64>
    /// Contacts responsible for these regions (GB/T 2260 codes; a region includes its descendants).
    public var regionCodes: Set<String>
    public var contactIDs: Set<Int64>
    public var excludedContactIDs: Set<Int64>

    public init(useHazardSubscriptions: Bool = true, groupIDs: Set<Int64> = [], regionCodes: Set<String> = [],
                contactIDs: Set<Int64> = [], excludedContactIDs: Set<Int64> = []) {
        self.useHazardSubscriptions = useHazardSubscriptions
        self.groupIDs = groupIDs
        self.regionCodes = regionCodes
        self.contactIDs = contactIDs
        self.excludedContactIDs = excludedContactIDs
    }

    /// True when nothing would select anyone (no subscriptions, groups, regions or contacts).
    public var selectsNobody: Bool {
        !useHazardSubscriptions && groupIDs.isEmpty && regionCodes.isEmpty && contactIDs.isEmpty
    }
}

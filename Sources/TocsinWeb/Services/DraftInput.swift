import Foundation
import TocsinCore
import TocsinStorage

/// What an author fills in for a draft. Texts left nil are rendered from the template for the
/// hazard × level (with the standard variables plus `variables`); given texts are used as written.
public struct DraftInput: Sendable, Hashable, Codable {
    public var hazardCode: String
    public var level: WarningLevel
    public var regionCodes: [String]
    public var effective: Date
    public var expires: Date
    public var headline: String?
    public var smsText: String?
    public var body: String?
    /// Extra or overriding template variables ({time}, {region} …).
    public var variables: [String: String]?
    public var signature: String?
    public var issuer: String?
    public var targeting: TargetingRule?
    /// actual (default), drill or test. A drill or test never reaches real numbers.
    public var mode: WarningMode?

    public init(hazardCode: String, level: WarningLevel, regionCodes: [String], effective: Date, expires: Date,
                headline: String? = nil, smsText: String? = nil, body: String? = nil, variables: [String: String]? = nil,
                signature: String? = nil, issuer: String? = nil, targeting: TargetingRule? = nil, mode: WarningMode? = nil) {
        self.hazardCode = hazardCode
        self.level = level
        self.regionCodes = regionCodes
        self.effective = effective
        self.expires = expires
        self.headline = headline
        self.smsText = smsText
        self.body = body
        self.variables = variables
        self.signature = signature
        self.issuer = issuer
        self.targeting = targeting
        self.mode = mode
    }
}

/// What became of dispatch after a review action.
public enum DispatchStatus: Sendable, Hashable {
    /// The action did not release anything to send (first of two approvals, rejection …).
    case notNeeded
    /// Handed to the dispatcher.
    case started
    /// Stopped at the dispatcher (withdrawn, cancelled or superseded while approved or sending).
    case stopped
    /// No dispatcher is configured on this server: nothing is sent until one is.
    case notConfigured
    /// The dispatcher refused or failed; the warning stays approved, the message says why.
    case failed(String)

    /// `not_needed`, `started`, `stopped`, `not_configured`, `failed`.
    public var code: String {
        switch self {
        case .notNeeded: "not_needed"
        case .started: "started"
        case .stopped: "stopped"
        case .notConfigured: "not_configured"
        case .failed: "failed"
        }
    }
}

/// A stored warning after an action, and what dispatch made of it.
public struct WarningOutcome: Sendable {
    public var warning: StoredWarning
    public var dispatch: DispatchStatus
}

import Foundation

/// What the console shows of one carrier link. TocsinWeb does not depend on CarrierGateway, so
/// the composition root (`TocsinApp`) maps its link groups onto this value.
public struct LinkStatus: Sendable, Hashable, Codable {
    /// Connection state of a link as the duty officer reads it.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case bound, connecting, throttled, down, disabled
    }

    /// Link name from the links file (`cmcc-1`).
    public var name: String
    /// `Carrier.rawValue` (`mobile`, `unicom`, `telecom`, `broadnet`).
    public var carrier: String
    /// CMPP 3.0, SGIP 1.2, SMGP 3.0, SMPP 3.4 …
    public var protocolName: String
    public var state: State
    /// A link marked as test link (the only links a drill reaches).
    public var isTest: Bool
    /// Submits per second over the last few seconds, and the configured ceiling.
    public var tps: Double
    public var tpsLimit: Double
    /// Submits on the wire without an answer, and the window size.
    public var windowInUse: Int
    public var windowSize: Int
    /// Errors since the link started (submit errors, reconnects).
    public var errors: Int
    public var lastError: String?
    /// When the last delivery report arrived on this link.
    public var lastReportAt: Date?

    public init(name: String, carrier: String, protocolName: String, state: State, isTest: Bool = false, tps: Double, tpsLimit: Double,
                windowInUse: Int, windowSize: Int, errors: Int, lastError: String? = nil, lastReportAt: Date? = nil) {
        self.name = name
        self.carrier = carrier
        self.protocolName = protocolName
        self.state = state
        self.isTest = isTest
        self.tps = tps
        self.tpsLimit = tpsLimit
        self.windowInUse = windowInUse
        self.windowSize = windowSize
        self.errors = errors
        self.lastError = lastError
        self.lastReportAt = lastReportAt
    }
}

/// Where the console reads link status from (the dispatcher's link groups, wired by `TocsinApp`).
/// Nil in `WebServices` means this server has no carrier links: the pages say so.
public protocol LinkStatusSource: Sendable {
    /// Every configured link, in a stable order.
    func linkStatuses() async -> [LinkStatus]
}

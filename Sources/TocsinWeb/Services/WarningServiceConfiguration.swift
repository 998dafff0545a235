import TocsinCore

/// What the warning service is configured with: who issues, review rules, SMS composition and the
/// link capacity behind the reach ETA. A value with defaults for the Beijing warning centre.
public struct WarningServiceConfiguration: Sendable {
    /// The issuing unit of new identifiers (GB/T 35965.1 `ZZZZZZDDDUUUXX`).
    public var issuingUnit: IssuingUnitCode
    /// Issuing organisation given to new drafts unless the author names another.
    public var issuer: String
    public var review: ReviewPolicy
    public var sms: SMSConfiguration
    public var capacity: LinkCapacity
    /// Retries when a dispatch callback meets a concurrent write (stale version).
    public var observerRetries: Int

    public init(issuingUnit: IssuingUnitCode = WarningServiceConfiguration.beijingCentre, issuer: String = "北京市气象台",
                review: ReviewPolicy = ReviewPolicy(), sms: SMSConfiguration = SMSConfiguration(), capacity: LinkCapacity = .default,
                observerRetries: Int = 3) {
        self.issuingUnit = issuingUnit
        self.issuer = issuer
        self.review = review
        self.sms = sms
        self.capacity = capacity
        self.observerRetries = observerRetries
    }

    /// 110000 (Beijing) · 416 (meteorological service) · 000 · 00.
    public static let beijingCentre = try! IssuingUnitCode(regionCode: "110000", agencyCode: "416")
}

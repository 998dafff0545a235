import Foundation

/// What to resolve: a warning's hazard, level and area, the author's `TargetingRule`, and the
/// instant the messages would be sent (quiet hours and temporary-user validity are evaluated then).
///
/// ## Semantics (docs/targeting.md)
///
/// A contact is a **candidate** when at least one of these selects it:
///
/// 1. **Subscription** (when `rule.useHazardSubscriptions`): the contact has a subscription of its
///    own, or is a member of a group that has one, or of a *sub-group* of a group that has one
///    (groups inherit their ancestors' subscriptions, as members of a sub-group are members of the
///    parent group), whose hazard is this hazard or "all hazards" and whose minimum level is at or
///    below this level (a blue-minimum subscription receives every level).
/// 2. **Group**: the contact is a member of one of `rule.groupIDs` or of any of their sub-groups.
/// 3. **Rule region**: the contact's region is one of `rule.regionCodes` or below one of them.
/// 4. **Explicit**: the contact is in `rule.contactIDs`.
///
/// Paths 1 and 2 are limited to the warning's **area**: contacts whose region is a warned region,
/// lies below one (a street of a warned district), or lies above one (a city-level person is
/// responsible for every district of the city), and contacts without a region (city commissions,
/// ministries, media: not tied to a district). Paths 3 and 4 are the author's direct choice and
/// are not limited to the area.
///
/// From the candidates, every number of every candidate contact is a potential recipient; each is
/// then excluded for the **first** reason that applies, in this order:
/// `explicitlyExcluded` (`rule.excludedContactIDs` always wins), `notYetValid` / `expired`
/// (temporary users outside `[validFrom, validUntil)` at `sendTime`), `quietHours` (the send time's
/// local minute is inside the contact's quiet hours; red warnings always override them, orange ones
/// when the contact allows it), `invalidNumber` (the stored number is not an 11-digit mainland
/// mobile number), `unknownCarrier` (neither a ported-number override nor an allocated segment).
/// What is left, one entry per number (a number belongs to exactly one contact, so reaching it
/// through several paths yields it once), are the recipients, each with its carrier (ported-number
/// override first, then the segment table).
public struct TargetingRequest: Sendable, Hashable {
    public var hazardCode: String
    public var level: WarningLevel
    /// GB/T 2260 codes of the warned regions (the warning's `regionCodes`).
    public var areaCodes: [String]
    public var rule: TargetingRule
    /// When the messages go out: validity windows and quiet hours are evaluated at this instant.
    public var sendTime: Date
    /// The zone quiet hours are written in. China has one zone without daylight saving: UTC+8.
    public var timeZone: TimeZone

    public init(hazardCode: String, level: WarningLevel, areaCodes: [String], rule: TargetingRule, sendTime: Date,
                timeZone: TimeZone = TargetingRequest.beijingTime) {
        self.hazardCode = hazardCode
        self.level = level
        self.areaCodes = areaCodes
        self.rule = rule
        self.sendTime = sendTime
        self.timeZone = timeZone
    }

    /// The request for `warning` sent at `sendTime`.
    public init(warning: Warning, sendTime: Date, timeZone: TimeZone = TargetingRequest.beijingTime) {
        self.init(hazardCode: warning.hazardCode, level: warning.level, areaCodes: warning.regionCodes,
                  rule: warning.targeting, sendTime: sendTime, timeZone: timeZone)
    }

    /// UTC+08:00, fixed (no daylight saving since 1991).
    public static let beijingTime = TimeZone(secondsFromGMT: 8 * 3600)!

    /// Minutes after local midnight at `sendTime`, 0..<1440 (what `QuietHours` compares against).
    public var localMinuteOfDay: Int {
        let seconds = Int(sendTime.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: sendTime)
        return ((seconds % 86_400) + 86_400) % 86_400 / 60
    }
}

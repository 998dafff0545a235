/// A mainland mobile network operator, as far as SMS routing is concerned.
public enum Carrier: String, Sendable, Hashable, CaseIterable, Codable {
    /// 中国移动 — CMPP gateways.
    case chinaMobile = "mobile"
    /// 中国联通 — SGIP gateways.
    case chinaUnicom = "unicom"
    /// 中国电信 — SMGP gateways.
    case chinaTelecom = "telecom"
    /// 中国广电 — 192 numbers; carried over China Mobile's network, routed by configuration.
    case chinaBroadnet = "broadnet"

    public var nameZH: String {
        switch self {
        case .chinaMobile: "中国移动"
        case .chinaUnicom: "中国联通"
        case .chinaTelecom: "中国电信"
        case .chinaBroadnet: "中国广电"
        }
    }

    /// Parses the stored token or a Chinese/English name ("mobile", "移动", "China Mobile", "CMCC").
    public init?(token: String) {
        let t = token.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "mobile", "cmcc", "china mobile", "移动", "中国移动": self = .chinaMobile
        case "unicom", "cucc", "china unicom", "联通", "中国联通": self = .chinaUnicom
        case "telecom", "ctcc", "china telecom", "电信", "中国电信": self = .chinaTelecom
        case "broadnet", "cbn", "china broadnet", "广电", "中国广电": self = .chinaBroadnet
        default: return nil
        }
    }
}

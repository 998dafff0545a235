/// Where the signature goes in the SMS. Carriers require the registered 【…】 signature at the
/// start or the end; Chinese warning SMS customarily put it first.
public enum SignaturePlacement: String, Sendable, Hashable, Codable {
    case prefix, suffix
}

/// SMS composition settings: configuration, a value with defaults.
public struct SMSConfiguration: Sendable, Hashable, Codable {
    /// Signature given to new warnings.
    public var defaultSignature: String
    public var signaturePlacement: SignaturePlacement
    /// The most segments one warning SMS may take (lint reports longer texts).
    public var maxSegments: Int
    /// Segment capacities per carrier. All four protocols use the same UDH rule today; kept per
    /// carrier so a gateway with a different rule can be configured without code.
    public var segmentRules: [Carrier: SegmentRule]

    public init(defaultSignature: String = "【北京市预警信息发布中心】", signaturePlacement: SignaturePlacement = .prefix,
                maxSegments: Int = 4, segmentRules: [Carrier: SegmentRule] = [:]) {
        self.defaultSignature = defaultSignature
        self.signaturePlacement = signaturePlacement
        self.maxSegments = maxSegments
        self.segmentRules = segmentRules
    }

    /// The rule for `carrier`, `.standard` unless configured.
    public func rule(for carrier: Carrier) -> SegmentRule { segmentRules[carrier] ?? .standard }

    /// The exact text a recipient receives: `text` with `signature` at the configured end.
    public func compose(_ text: String, signature: String) -> String {
        switch signaturePlacement {
        case .prefix: signature + text
        case .suffix: text + signature
        }
    }
}

/// How one carrier will carry a text.
public struct CarrierSMSPreview: Sendable, Hashable {
    public var carrier: Carrier
    /// The protocol the carrier's gateway speaks: CMPP, SGIP, SMGP (广电 rides China Mobile's CMPP).
    public var protocolName: String
    public var rule: SegmentRule
    public var segmentation: SMSSegmentation
    public var segmentCount: Int { segmentation.segmentCount }
}

/// Exactly what each recipient receives: the composed text, its encoding, its length and how many
/// segments each carrier bills and delivers.
public struct SMSPreview: Sendable, Hashable {
    /// The full text, signature included.
    public var text: String
    public var encoding: SMSEncoding
    /// UTF-16 code units (UCS-2) or characters (ASCII).
    public var length: Int
    /// The segmentation under the standard rule (what the console shows first).
    public var segmentation: SMSSegmentation
    public var perCarrier: [Carrier: CarrierSMSPreview]

    /// Segments under the standard rule.
    public var segmentCount: Int { segmentation.segmentCount }
    /// The most segments any carrier needs.
    public var maxSegmentCount: Int { perCarrier.values.map(\.segmentCount).max() ?? segmentCount }
    /// True when carriers disagree on the segment count (only with configured non-standard rules).
    public var carriersDiffer: Bool { Set(perCarrier.values.map(\.segmentCount)).count > 1 }

    /// Previews `text` (without signature) composed with `signature`.
    public init(text: String, signature: String, configuration: SMSConfiguration = SMSConfiguration()) {
        let full = configuration.compose(text, signature: signature)
        self.text = full
        segmentation = SMSSegmentation(full, rule: .standard)
        encoding = segmentation.encoding
        length = segmentation.length
        var perCarrier: [Carrier: CarrierSMSPreview] = [:]
        for carrier in Carrier.allCases {
            let rule = configuration.rule(for: carrier)
            perCarrier[carrier] = CarrierSMSPreview(carrier: carrier, protocolName: Self.protocolName(carrier), rule: rule,
                                                    segmentation: rule == .standard ? segmentation : SMSSegmentation(full, rule: rule))
        }
        self.perCarrier = perCarrier
    }

    /// Previews a warning's SMS text with its signature.
    public init(warning: Warning, configuration: SMSConfiguration = SMSConfiguration()) {
        self.init(text: warning.smsText, signature: warning.signature, configuration: configuration)
    }

    static func protocolName(_ carrier: Carrier) -> String {
        switch carrier {
        case .chinaMobile, .chinaBroadnet: "CMPP"
        case .chinaUnicom: "SGIP"
        case .chinaTelecom: "SMGP"
        }
    }
}

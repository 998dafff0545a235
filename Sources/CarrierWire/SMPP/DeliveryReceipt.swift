extension SMPP {
    /// A delivery receipt (§5.1, 3.4 Appendix B), as parsed from the "typical" text
    /// `id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… text:…` and the standard TLVs.
    /// Every field is optional because SMSCs omit and reshape them; values are kept as sent.
    ///
    /// Read one from a deliver_sm with `DeliverSM.deliveryReceipt` (TLVs win over the text); build
    /// the text with `receiptText` or a whole deliver_sm with `DeliverSM.deliveryReceipt(_:source:destination:)`.
    public struct DeliveryReceipt: Sendable, Hashable {
        /// The message_id from submit_sm_resp, in whatever base the SMSC writes it (hex or
        /// decimal) — compare through `SMPP.normalizedMessageID`.
        public var messageID: String?
        /// `sub`: number originally submitted.
        public var submitted: Int?
        /// `dlvrd`: number delivered.
        public var delivered: Int?
        /// `submit date`, raw (`YYMMDDhhmm`, sometimes with seconds or other widths).
        public var submitDate: String?
        /// `done date`, raw.
        public var doneDate: String?
        /// `stat` word as sent (`DELIVRD`, `UNDELIV` …).
        public var stat: String?
        /// The outcome: from the message_state TLV when present, else from `stat`.
        public var state: MessageState?
        /// `err`: network/SMSC-specific error code, raw (`000`).
        public var error: String?
        /// `text`: start of the original message.
        public var text: String?
        /// From the network_error_code TLV.
        public var networkErrorCode: NetworkErrorCode?

        public init(messageID: String? = nil, submitted: Int? = nil, delivered: Int? = nil,
                    submitDate: String? = nil, doneDate: String? = nil, stat: String? = nil,
                    state: MessageState? = nil, error: String? = nil, text: String? = nil,
                    networkErrorCode: NetworkErrorCode? = nil) {
            self.messageID = messageID
            self.submitted = submitted
            self.delivered = delivered
            self.submitDate = submitDate
            self.doneDate = doneDate
            self.stat = stat
            self.state = state ?? stat.flatMap(MessageState.init(receiptStat:))
            self.error = error
            self.text = text
            self.networkErrorCode = networkErrorCode
        }

        /// Appendix B: the receipt carries the first 20 characters of the original message.
        public static let maxTextLength = 20

        /// The receipt in the Appendix B layout, fields in spec order, nil fields left out. `sub`
        /// and `dlvrd` are zero-padded to 3 digits; `stat` falls back to `state.receiptStat`;
        /// `text` is cut to 20 characters.
        public var receiptText: String {
            var parts: [String] = []
            if let messageID { parts.append("id:\(messageID)") }
            if let submitted { parts.append("sub:\(Self.threeDigits(submitted))") }
            if let delivered { parts.append("dlvrd:\(Self.threeDigits(delivered))") }
            if let submitDate { parts.append("submit date:\(submitDate)") }
            if let doneDate { parts.append("done date:\(doneDate)") }
            if let word = stat ?? state?.receiptStat { parts.append("stat:\(word)") }
            if let error { parts.append("err:\(error)") }
            if let text { parts.append("text:\(text.prefix(Self.maxTextLength))") }
            return parts.joined(separator: " ")
        }

        private static func threeDigits(_ value: Int) -> String {
            String(Swift.max(0, value)).leftPadded(to: 3)
        }
    }
}

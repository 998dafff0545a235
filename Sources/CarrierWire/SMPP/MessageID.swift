extension SMPP {
    /// How a link writes message ids (Kannel's per-SMSC `msg-id-type`, §5.1): the same id may come
    /// back hex in submit_sm_resp and decimal in the receipt, or the other way round.
    public enum MessageIDFormat: Sendable, Hashable {
        /// Compare as text (trimmed).
        case opaque
        /// Hex digits: normalised to decimal.
        case hexadecimal
        /// Decimal digits: normalised without leading zeros.
        case decimal
    }

    /// Normalises a message id so ids from submit_sm_resp and from receipts compare equal: hex and
    /// decimal ids that fit 64 bits become decimal text (as Kannel does); anything else — including
    /// ids too long for 64 bits — is trimmed and, for hex, upper-cased.
    public static func normalizedMessageID(_ id: String, format: MessageIDFormat) -> String {
        // Ids are ASCII without blanks nearly always: then there is nothing to remove.
        let trimmed = id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) ? id : String(id.unicodeScalars.filter { !$0.isBlankOrNUL })
        switch format {
        case .opaque:
            return trimmed
        case .hexadecimal:
            return UInt64(trimmed, radix: 16).map { String($0) } ?? trimmed.uppercased()
        case .decimal:
            return UInt64(trimmed, radix: 10).map { String($0) } ?? trimmed
        }
    }
}

extension Unicode.Scalar {
    /// White space (Unicode's property) or NUL, with the answer for ASCII computed directly: the
    /// property lookup is a table search, and receipts and message ids are read once per message.
    var isBlankOrNUL: Bool {
        if isASCII { return value == 0 || value == 0x20 || (0x09...0x0D).contains(value) }
        return properties.isWhitespace
    }
}

extension SMPP.DeliveryReceipt {
    /// Parses receipt text with a tolerant key/value scanner (§5.1): keywords are matched
    /// case-insensitively at word starts, in any order, any of them may be missing, values may
    /// have any width, and `text:` runs to the end. `submit_date`/`done_date` spellings are
    /// accepted too. Returns nil when no keyword is found at all.
    public init?(parsing receiptText: String) {
        let bytes = Array(receiptText.utf8)
        var found: [(key: Key, keyStart: Int, valueStart: Int)] = []
        var index = 0
        scan: while index < bytes.count {
            if index == 0 || Self.isSeparator(bytes[index - 1]) {
                for (spelling, key) in Self.spellings where Self.matches(spelling, in: bytes, at: index) {
                    found.append((key, index, index + spelling.count))
                    index += spelling.count
                    if key == .text { break scan }
                    continue scan
                }
            }
            index += 1
        }
        guard !found.isEmpty else { return nil }
        self.init()
        for (position, entry) in found.enumerated().reversed() {
            let end = position + 1 < found.count ? found[position + 1].keyStart : bytes.count
            let raw = String(decoding: bytes[entry.valueStart..<max(entry.valueStart, end)], as: UTF8.self)
            let value = entry.key == .text ? raw.trimmingNULs() : raw.trimmingSpaces()
            // Entries are applied last to first, so the first occurrence of a repeated key wins.
            switch entry.key {
            case .id: messageID = value
            case .sub: submitted = Int(value)
            case .dlvrd: delivered = Int(value)
            case .submitDate: submitDate = value
            case .doneDate: doneDate = value
            case .stat:
                stat = value
                state = SMPP.MessageState(receiptStat: value)
            case .err: error = value
            case .text: text = value
            }
        }
    }

    enum Key { case id, sub, dlvrd, submitDate, doneDate, stat, err, text }

    /// Keyword spellings with their colon, lower-case ASCII.
    private static let spellings: [([UInt8], Key)] = {
        let table: [(String, Key)] = [
            ("id:", .id), ("sub:", .sub), ("dlvrd:", .dlvrd), ("submit date:", .submitDate),
            ("submit_date:", .submitDate), ("done date:", .doneDate), ("done_date:", .doneDate),
            ("stat:", .stat), ("err:", .err), ("text:", .text),
        ]
        return table.map { (Array($0.0.utf8), $0.1) }
    }()

    private static func matches(_ spelling: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard bytes.count - index >= spelling.count else { return false }
        for offset in 0..<spelling.count {
            let byte = bytes[index + offset]
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if lower != spelling[offset] { return false }
        }
        return true
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x2C || byte == 0x3B
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isBlankOrNUL }),
              let last = scalars.lastIndex(where: { !$0.isBlankOrNUL })
        else { return "" }
        return String(scalars[first...last])
    }

    fileprivate func trimmingNULs() -> String {
        var scalars = unicodeScalars
        while scalars.last == "\0" { scalars.removeLast() }
        return String(scalars)
    }
}

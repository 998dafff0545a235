/// Recomputes the audit chain record by record (a value: feed records in id order, then
/// `finish`). It reports, by record id, a record whose contents changed, records that are
/// missing, records that do not link to their predecessor, and records beyond the chain head.
public struct AuditChainVerifier: Sendable {
    /// One thing wrong with the chain.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable {
            /// Contents differ from what was sealed (changed, or forged without the key).
            case changed
            /// One or more records are gone (deleted).
            case missing
            /// The record does not continue the record before it (inserted or re-ordered).
            case brokenLink = "broken_link"
            /// The record is not covered by the chain head (inserted after the last sealed record).
            case beyondHead = "beyond_head"
            /// The chain was started with another key, or the head disagrees with the records.
            case head
        }
        public var recordID: Int64
        public var kind: Kind
        public var message: String
        public var description: String { "record \(recordID): \(message)" }
    }

    /// The outcome of a whole verification.
    public struct Report: Sendable, Hashable {
        public var checked: Int
        public var head: AuditHead
        public var problems: [Problem]
        public var isIntact: Bool { problems.isEmpty }
    }

    let sealer: any AuditSealer
    let head: AuditHead
    private var expectedID: Int64 = 1
    private var previousMAC = ""
    private var checked = 0
    private var problems: [Problem] = []

    public init(sealer: any AuditSealer, head: AuditHead) {
        self.sealer = sealer
        self.head = head
        if !head.keyID.isEmpty && head.keyID != sealer.keyID {
            problems.append(Problem(recordID: 0, kind: .head, message: "the chain was started with audit key \(head.keyID), but the configured key is \(sealer.keyID); configure the original key to verify"))
        }
    }

    /// Checks the next record (records must come in ascending id order).
    public mutating func consume(_ r: AuditRecord) {
        checked += 1
        if r.id > expectedID {
            // Only ids up to the head were ever sealed; a gap beyond it is not a deletion.
            let lastMissing = min(r.id - 1, head.lastID)
            if lastMissing >= expectedID {
                let range = lastMissing == expectedID ? "record \(expectedID) is" : "records \(expectedID)–\(lastMissing) are"
                problems.append(Problem(recordID: expectedID, kind: .missing, message: "\(range) missing (deleted); record \(r.id) follows record \(expectedID - 1)"))
            }
        } else if r.id < expectedID {
            problems.append(Problem(recordID: r.id, kind: .brokenLink, message: "id \(r.id) is out of sequence (expected \(expectedID)): inserted"))
        } else if r.previousMAC != previousMAC {
            problems.append(Problem(recordID: r.id, kind: .brokenLink, message: "does not continue record \(r.id - 1) (inserted, or the chain was rewritten)"))
        }
        if r.id > head.lastID {
            problems.append(Problem(recordID: r.id, kind: .beyondHead, message: "comes after the last sealed record \(head.lastID) (inserted)"))
        }
        let bytes = AuditRecord.canonicalBytes(id: r.id, event: r.event, previousMAC: r.previousMAC)
        if !sealer.verify(r.mac, for: bytes) {
            problems.append(Problem(recordID: r.id, kind: .changed, message: "contents do not match its MAC (changed, or forged without the audit key)"))
        }
        // Continue from what is stored, so one changed record is reported once, not for every later one.
        previousMAC = r.mac
        expectedID = max(expectedID, r.id + 1)
    }

    /// Ends the walk: compares the last record with the chain head.
    public mutating func finish() -> Report {
        let lastSeen = expectedID - 1
        if head.lastID > lastSeen {
            problems.append(Problem(recordID: lastSeen + 1, kind: .missing, message: "records \(lastSeen + 1)–\(head.lastID) are missing (deleted from the end of the chain)"))
        } else if head.lastID == lastSeen && lastSeen > 0 && head.lastMAC != previousMAC {
            problems.append(Problem(recordID: lastSeen, kind: .head, message: "the chain head does not match the last record"))
        }
        return Report(checked: checked, head: head, problems: problems)
    }
}

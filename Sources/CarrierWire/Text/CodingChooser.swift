/// Picks the coding for an outbound text: the one that needs the fewest segments while
/// representing the text exactly.
///
/// Single-octet codings (GSM 7-bit, ASCII, Latin-1) are tried first; ties go to the earlier
/// coding in the allowed list. Anything else — every Chinese warning — goes UCS-2 (cmpp.md §8.1
/// recommendation): GBK/GB18030 are never chosen while UCS-2 is allowed.
public enum CodingChooser {
    /// - Parameters:
    ///   - text: the text to send.
    ///   - allowed: codings the protocol carries, in tie-break order (``CodingProfile/allowed``).
    ///   - form: the concatenation form that would be used if the text is long (affects counts).
    /// - Throws: ``TextError/Code/noSuitableCoding`` when no allowed coding represents the text.
    public static func choose(
        for text: String, allowed: [TextCoding], form: Concatenation.Form = .udh8
    ) throws(TextError) -> TextCoding {
        let splitter = LongMessageSplitter()
        var best: (coding: TextCoding, segments: Int)? = nil
        for coding in allowed where [.gsm7, .ascii, .latin1].contains(coding) && coding.canEncode(text) {
            guard let segments = try? splitter.segmentCount(text, coding: coding, form: form) else { continue }
            if let current = best, current.segments <= segments { continue }
            best = (coding, segments)
        }
        if let best { return best.coding }
        if allowed.contains(.ucs2) { return .ucs2 }
        if let wide = allowed.first(where: { ($0 == .gb18030 || $0 == .gbk) && $0.canEncode(text) }) { return wide }
        throw TextError(.noSuitableCoding, detail: "none of \(allowed.map(\.rawValue)) represents the text")
    }

    /// The coding and its field value for `profile`.
    /// - Throws: ``TextError/Code/noSuitableCoding`` as ``choose(for:allowed:form:)``.
    public static func choose(
        for text: String, profile: CodingProfile, form: Concatenation.Form = .udh8
    ) throws(TextError) -> CodingProfile.Entry {
        let coding = try choose(for: text, allowed: profile.allowed, form: form)
        guard let value = profile.value(for: coding) else {
            throw TextError(.noSuitableCoding, detail: "\(profile.name) has no value for \(coding)")
        }
        return CodingProfile.Entry(coding, value)
    }
}

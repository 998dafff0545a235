/// `{name}` placeholders in template text. `{{` and `}}` stand for literal braces. Names are
/// letters, digits and `_`.
public enum TemplateText {
    /// The variable names `template` uses, in order of first use.
    /// Throws `.malformedTemplate` for an unclosed `{`, a stray `}` or an invalid name.
    public static func variables(in template: String) throws(DomainError) -> [String] {
        var names: [String] = []
        try walk(template) { (piece: Piece) in
            if case .variable(let name) = piece, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Replaces every `{name}` by `values[name]`.
    /// Throws `.unknownTemplateVariable` naming every variable without a value (and the ones that
    /// have one), or `.malformedTemplate`.
    public static func render(_ template: String, values: [String: String]) throws(DomainError) -> String {
        let unknown = try variables(in: template).filter { values[$0] == nil }
        guard unknown.isEmpty else {
            throw DomainError(.unknownTemplateVariable,
                              "unknown template variable\(unknown.count > 1 ? "s" : "") \(unknown.map { "{\($0)}" }.joined(separator: ", ")); known: \(values.keys.sorted().map { "{\($0)}" }.joined(separator: ", "))")
        }
        var out = ""
        try walk(template) { (piece: Piece) in
            switch piece {
            case .literal(let s): out += s
            case .variable(let name): out += values[name]!
            }
        }
        return out
    }

    enum Piece { case literal(String), variable(String) }

    private static func walk(_ template: String, _ visit: (Piece) -> Void) throws(DomainError) {
        var chars = template[...]
        var literal = ""
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "{" {
                if chars.first == "{" { literal.append("{"); chars = chars.dropFirst(); continue }
                guard let close = chars.firstIndex(of: "}") else {
                    throw DomainError(.malformedTemplate, "'{' without a closing '}' after \"\(literal.suffix(10))\"")
                }
                let name = String(chars[..<close])
                guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                    throw DomainError(.malformedTemplate, "'{\(name)}' is not a variable name (letters, digits, _); write '{{' for a literal brace")
                }
                if !literal.isEmpty { visit(.literal(literal)); literal = "" }
                visit(.variable(name))
                chars = chars[chars.index(after: close)...]
            } else if c == "}" {
                guard chars.first == "}" else {
                    throw DomainError(.malformedTemplate, "'}' without an opening '{' after \"\(literal.suffix(10))\"; write '}}' for a literal brace")
                }
                literal.append("}")
                chars = chars.dropFirst()
            } else {
                literal.append(c)
            }
        }
        if !literal.isEmpty { visit(.literal(literal)) }
    }
}
